//! pread(2): the errors of read(2) and lseek(2): EINVAL for a negative offset, or one
//! whose range passes the largest file offset; ESPIPE (and ENXIO) for a descriptor with
//! no file offset; read's EAGAIN, EBADF, EFAULT, EINTR, EINVAL, EIO, EISDIR through
//! `read::explain`.

use super::lseek::unseekable;
use crate::calls::fs::read;
use crate::message::prose::fdio;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize, offset: i64) {
    match errnum {
        libc::EINVAL if offset < 0 => fdio::negative_position(m, "offset", offset),
        libc::EINVAL if offset as i128 + data_size as i128 > i64::MAX as i128 => fdio::range_overflow(m, offset, data_size),
        libc::ESPIPE | libc::ENXIO => unseekable(m, errnum, "fildes", fildes),
        _ => read::explain_at(m, errnum, fildes, data, data_size, Some(offset as u64)),
    }
}
