//! lseek(2): ERRORS EBADF, EINVAL (whence not valid; resulting offset negative or beyond
//! what the file system supports), ENXIO (SEEK_DATA or SEEK_HOLE at or past the end),
//! EOVERFLOW, ESPIPE (a pipe, socket, FIFO or terminal).

use crate::decode::{name_of, WHENCE};
use crate::message::prose::{fd, fdio, generic};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::Kind;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, offset: i64, whence: i32) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::ESPIPE => unseekable(m, errnum, "fildes", fildes),
        libc::EINVAL if name_of(WHENCE, whence as i64).is_none() => fdio::bad_whence(m, whence),
        libc::EINVAL | libc::EOVERFLOW | libc::ENXIO => match probe::seek::target(fildes, offset, whence) {
            Some(t) if errnum == libc::ENXIO => fdio::beyond_end(m, "fildes", fildes, whence, offset, t.size),
            Some(t) if errnum == libc::EOVERFLOW => fdio::offset_overflow(m, whence, &t, offset),
            Some(t) => fdio::bad_result(m, whence, &t, offset, probe::fd::kind(fildes).unwrap_or(Kind::Other)),
            None => generic::meaning(m, errnum),
        },
        _ => generic::meaning(m, errnum),
    }
}

/// ESPIPE, shared with pread(2) and pwrite(2): what the descriptor is.
pub fn unseekable(m: &mut Message, errnum: i32, arg: &str, fildes: i32) {
    match probe::fd::kind(fildes) {
        Some(k) => fdio::unseekable(m, arg, fildes, k),
        None => generic::meaning(m, errnum),
    }
}
