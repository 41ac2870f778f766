//! Which process uses a file.

use crate::sys::{self, CPath, Stat};

/// A process whose running program is the file `st` (ETXTBSY), from /proc/PID/exe.
pub fn process_running(st: &Stat) -> Option<i32> {
    let proc_dir = CPath::from_bytes(b"/proc")?;
    let mut found = None;
    let _ = sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        if name.is_empty() || !name.iter().all(u8::is_ascii_digit) {
            return true;
        }
        let mut exe = CPath::from_bytes(b"/proc/").unwrap_or_default();
        if exe.push(name).and_then(|_| exe.push(b"/exe")).is_none() {
            return true;
        }
        match sys::stat_at(libc::AT_FDCWD, &exe, true) {
            Ok(e) if e.st_dev == st.st_dev && e.st_ino == st.st_ino => {
                found = super::lines::number(name).map(|p| p as i32);
                false
            }
            _ => true,
        }
    });
    found
}

/// The inode attributes that refuse writing whatever the permissions (chattr +i, +a).
#[derive(Clone, Copy, Debug, Default)]
pub struct Attributes {
    pub immutable: bool,
    pub append_only: bool,
}

/// The attributes of the file at `path` (relative to `dirfd`); None when they cannot be
/// read (no such support on the file system, or the file cannot be opened).
pub fn attributes(dirfd: i32, path: &CPath) -> Option<Attributes> {
    let flags = sys::inode_flags(dirfd, path).ok()?;
    Some(Attributes { immutable: flags & FS_IMMUTABLE_FL != 0, append_only: flags & FS_APPEND_FL != 0 })
}

/// linux/fs.h; the libc crate does not carry the inode flag values.
const FS_IMMUTABLE_FL: u32 = 0x10;
const FS_APPEND_FL: u32 = 0x20;
