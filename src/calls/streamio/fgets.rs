//! fgets(3): reads a line into `data` of `data_size` bytes; fails as read(2) does
//! (EAGAIN, EBADF, EINTR, EIO, EISDIR…, diagnosed through the stream by
//! fread::transfer), and for its own arguments: EINVAL for a size below 1, EFAULT for a
//! buffer that is NULL or not writable.

use crate::message::prose::{fd, position};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: i32, fp: usize) {
    match errnum {
        libc::EINVAL if data_size < 1 => position::fgets_size(m, "data_size", data_size),
        libc::EFAULT | libc::EINVAL if data == 0 => fd::bad_pointer(m, "data", 0, 0),
        libc::EFAULT if data_size > 0 && fd::bad_output_buffer(m, "data", data, data_size as usize) => {}
        _ => super::fread::transfer(m, errnum, fp, false, data, data_size.max(0) as usize),
    }
}
