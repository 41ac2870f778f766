//! tcgetattr(3): EBADF, ENOTTY (what the descriptor is instead: a regular file, a pipe,
//! a socket, with its path), EFAULT (data), EINTR.

use crate::message::prose::{fd, generic, term};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::ENOTTY => term::not_a_terminal(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EFAULT => fd::bad_pointer(m, "data", data, core::mem::size_of::<libc::termios>()),
        _ => generic::meaning(m, errnum),
    }
}
