//! tcsendbreak(3): EBADF, ENOTTY (what the descriptor is instead), EIO (a background
//! process group), EINTR.

use crate::message::prose::{fd, generic, term};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, _duration: i32) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::ENOTTY => term::not_a_terminal(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EIO => term::io_error(m, "fildes", fildes, &probe::term::terminal_io(fildes)),
        _ => generic::meaning(m, errnum),
    }
}
