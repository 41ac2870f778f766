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
    match sys::getcwd() {
        // The kernel prefixes "(unreachable)" to a directory outside the root.
        Ok(p) if p.as_bytes().first() != Some(&b'/') => Cwd::Unreachable,
        Ok(p) => Cwd::Here(p),
        Err(libc::ENAMETOOLONG) | Err(libc::ERANGE) => Cwd::TooLong,
        Err(_) => {
            let link = CPath::from_bytes(b"/proc/self/cwd").unwrap_or_default();
            let old = sys::readlink_at(libc::AT_FDCWD, &link).ok().and_then(|p| {
                let b = p.as_bytes();
                CPath::from_bytes(b.strip_suffix(b" (deleted)").unwrap_or(b))
            });
            Cwd::Removed(old)
        }
    }
}
