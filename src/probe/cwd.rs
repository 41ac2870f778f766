//! The process's current directory: its absolute path, or why it has none.

use crate::sys::{self, CPath};

pub enum Cwd {
    /// The absolute path; getcwd needs `path.len() + 1` bytes for it.
    Here(CPath),
    /// The directory was removed while current; the path it had (from /proc/self/cwd,
    /// without the kernel's " (deleted)" suffix).
    Removed(Option<CPath>),
    /// The absolute path is longer than PATH_MAX.
    TooLong,
    /// Unreachable from the process's root (after a chroot or pivot_root elsewhere).
    Unreachable,
}

pub fn current() -> Cwd {
    let mut buf = [0u8; crate::probe::path::PATH_MAX];
    match sys::getcwd(&mut buf) {
        // The kernel prefixes "(unreachable)" to a directory outside the root.
        Ok(n) if buf[0] != b'/' || n == 0 => Cwd::Unreachable,
        Ok(n) => CPath::from_bytes(&buf[..n]).map_or(Cwd::TooLong, Cwd::Here),
        Err(libc::ENAMETOOLONG) | Err(libc::ERANGE) => Cwd::TooLong,
        Err(_) => {
            let link = CPath::from_bytes(b"/proc/self/cwd").unwrap_or_default();
            let old = sys::readlink_at(libc::AT_FDCWD, &link, &mut buf).ok().and_then(|n| {
                let p = &buf[..n];
                CPath::from_bytes(p.strip_suffix(b" (deleted)").unwrap_or(p))
            });
            Cwd::Removed(old)
        }
    }
}
