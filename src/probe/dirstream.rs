//! What a directory stream argument (DIR *) is: a live stream on an open directory, or
//! why it cannot be one.

use crate::sys::{self, Stat};

#[derive(Clone, Copy)]
pub enum Stream {
    Null,
    /// The pointer does not point to readable memory.
    Unreadable,
    /// Its descriptor is not open: the stream was closed (closedir), or its descriptor
    /// closed behind its back, or the pointer is not a stream at all.
    Closed { fd: i32 },
    /// Its descriptor is open on something other than a directory: the number was reused
    /// after the stream was closed, or the pointer is not a stream.
    NotDir { fd: i32, stat: Stat },
    /// A stream on an open directory.
    Open { fd: i32, stat: Stat },
}

pub fn examine(dir: usize) -> Stream {
    if dir == 0 {
        return Stream::Null;
    }
    let Some(fd) = sys::dirstream::descriptor(dir) else { return Stream::Unreadable };
    if fd < 0 || !sys::fd_is_open(fd) {
        return Stream::Closed { fd };
    }
    match sys::stat_fd(fd) {
        Ok(st) if st.st_mode & libc::S_IFMT == libc::S_IFDIR => Stream::Open { fd, stat: st },
        Ok(st) => Stream::NotDir { fd, stat: st },
        Err(_) => Stream::Closed { fd },
    }
}
