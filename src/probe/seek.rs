//! Where lseek(2) would have moved a descriptor's offset, from its current offset and
//! its file's size.

use crate::sys;

pub struct Target {
    /// The offset the computation started from: 0, the current offset, or the size.
    pub base: i64,
    /// The offset asked for: base plus offset (wider than off_t, so it cannot overflow).
    pub result: i128,
    /// The file's size, when it has one.
    pub size: Option<i64>,
}

/// None when `fd` is not open or `whence` is not one of SEEK_SET, SEEK_CUR, SEEK_END.
/// For SEEK_DATA and SEEK_HOLE the offset itself is where the search starts.
pub fn target(fd: i32, offset: i64, whence: i32) -> Option<Target> {
    let st = sys::stat_fd(fd).ok()?;
    let size = (st.st_mode & libc::S_IFMT == libc::S_IFREG).then_some(st.st_size);
    let base = match whence {
        libc::SEEK_SET | libc::SEEK_DATA | libc::SEEK_HOLE => 0,
        libc::SEEK_CUR => sys::io::offset(fd).ok()?,
        libc::SEEK_END => size.unwrap_or(st.st_size),
        _ => return None,
    };
    Some(Target { base, result: base as i128 + offset as i128, size })
}

/// Whether `fd` has a file offset now (lseek to where it is succeeds): false for pipes,
/// FIFOs, sockets and terminals, and for a descriptor that is not open.
pub fn seekable(fd: i32) -> bool {
    sys::io::offset(fd).is_ok()
}
