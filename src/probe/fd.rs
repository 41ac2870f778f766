//! Questions about a file descriptor: is it open, what is it, how was it opened.

use crate::sys::{self, CPath, Stat};

/// Writes the path `fd` refers to (from /proc/self/fd) into `out`; false when closed
/// or unknown. Costs no descriptor.
pub fn path_of(fd: i32, out: &mut CPath) -> bool {
    if fd < 0 {
        return false;
    }
    let mut link = CPath::new();
    let mut digits = [0u8; 12];
    let mut n = fd as u32;
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    link.push(b"/proc/self/fd/");
    link.push(&digits[i..]);
    let mut target = [0u8; 4096];
    match sys::readlink_at(libc::AT_FDCWD, &link, &mut target) {
        Ok(len) => {
            *out = CPath::from_bytes(&target[..len]).unwrap_or_default();
            true
        }
        Err(_) => false,
    }
}

/// What an open descriptor is.
pub struct FdFacts {
    pub stat: Option<Stat>,
    /// The file status flags (F_GETFL), including the access mode.
    pub flags: i32,
}

/// None when `fd` is not open.
pub fn facts(fd: i32) -> Option<FdFacts> {
    if fd < 0 {
        return None;
    }
    let flags = sys::fcntl(fd, libc::F_GETFL, 0).ok()? as i32;
    Some(FdFacts { stat: sys::stat_fd(fd).ok(), flags })
}

/// A file type's name for prose: "regular file", "directory"…
pub fn type_name(mode: u32) -> &'static str {
    match mode & libc::S_IFMT {
        libc::S_IFREG => "regular file",
        libc::S_IFDIR => "directory",
        libc::S_IFLNK => "symbolic link",
        libc::S_IFCHR => "character special device",
        libc::S_IFBLK => "block special device",
        libc::S_IFIFO => "named pipe (FIFO)",
        libc::S_IFSOCK => "socket",
        _ => "file",
    }
}

/// The same names from a directory entry's d_type.
pub fn dtype_name(d_type: u8) -> &'static str {
    match d_type {
        libc::DT_REG => "regular file",
        libc::DT_DIR => "directory",
        libc::DT_LNK => "symbolic link",
        libc::DT_CHR => "character special device",
        libc::DT_BLK => "block special device",
        libc::DT_FIFO => "named pipe (FIFO)",
        libc::DT_SOCK => "socket",
        _ => "file",
    }
}
