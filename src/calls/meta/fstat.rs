//! fstat(2): ERRORS EBADF, EFAULT, ENOMEM, EOVERFLOW.

use crate::message::prose::fd::{bad_fd, bad_output_buffer};
use crate::message::prose::lookup::{self, Subject};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize) {
    let Some(st) = lookup::open_file(m, "fildes", fildes) else { return };
    let subject = Subject::Fd("fildes", fildes);
    match errnum {
        libc::EBADF => bad_fd(m, "fildes", fildes, None),
        libc::EFAULT if bad_output_buffer(m, "data", data, core::mem::size_of::<libc::stat>()) => {}
        libc::EOVERFLOW => lookup::stat_overflow(m, subject, &st),
        _ => lookup::unexplained(m, errnum, subject, &st),
    }
}
