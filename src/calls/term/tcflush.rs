//! tcflush(3): EBADF, ENOTTY (what the descriptor is instead), EINVAL (selector is none
//! of TCIFLUSH, TCOFLUSH, TCIOFLUSH), EIO (a background process group).

use crate::decode::term::TCFLUSH_SELECTORS;
use crate::message::prose::{fd, generic, term};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, selector: i32) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::ENOTTY => term::not_a_terminal(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EINVAL => term::not_one_of(m, "selector", selector, TCFLUSH_SELECTORS),
        libc::EIO => term::io_error(m, "fildes", fildes, &probe::term::terminal_io(fildes)),
        _ => generic::meaning(m, errnum),
    }
}
