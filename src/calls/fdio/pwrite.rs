//! pwrite(2): the errors of write(2) and lseek(2): EINVAL for a negative offset, or one
//! whose range passes the largest file offset; ESPIPE (and ENXIO) for a descriptor with
//! no file offset; EFBIG at the offset given; write's EAGAIN, EBADF, EDESTADDRREQ,
//! EDQUOT, EFAULT, EINTR, EINVAL, EIO, ENOSPC, EPERM, EPIPE through `write::explain`.

use super::lseek::unseekable;
use crate::calls::fs::write;
use crate::message::prose::{fdio, io};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize, offset: i64) {
    match errnum {
        libc::EINVAL if offset < 0 => fdio::negative_position(m, "offset", offset),
        libc::EINVAL if offset as i128 + data_size as i128 > i64::MAX as i128 => fdio::range_overflow(m, offset, data_size),
        libc::ESPIPE | libc::ENXIO => unseekable(m, errnum, "fildes", fildes),
        // pwrite writes at `offset`, not at the descriptor's own position.
        libc::EFBIG => io::too_big(m, "fildes", fildes, Some(offset as u64), probe::limits::file_size_limit(), data_size),
        _ => write::explain_at(m, errnum, fildes, data, data_size, Some(offset as u64)),
    }
}
