//! tcflow(3): EBADF, ENOTTY (what the descriptor is instead), EINVAL (action is none of
//! TCOOFF, TCOON, TCIOFF, TCION), EIO (a background process group).

use crate::decode::term::TCFLOW_ACTIONS;
use crate::message::prose::{fd, generic, term};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, action: i32) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::ENOTTY => term::not_a_terminal(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EINVAL => term::not_one_of(m, "action", action, TCFLOW_ACTIONS),
        libc::EIO => term::io_error(m, "fildes", fildes, &probe::term::terminal_io(fildes)),
        _ => generic::meaning(m, errnum),
    }
}
