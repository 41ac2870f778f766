//! tcsetattr(3): EBADF, ENOTTY (what the descriptor is instead), EINVAL (options not
//! TCSANOW, TCSADRAIN or TCSAFLUSH, or a field of data, its speeds named), EIO (a
//! background process group: the terminal's foreground group against ours), EINTR,
//! EFAULT.

use crate::decode::name_of;
use crate::decode::term::TCSETATTR_OPTIONS;
use crate::message::prose::{fd, generic, term};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, options: i32, data: usize) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::ENOTTY => term::not_a_terminal(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EINVAL if name_of(TCSETATTR_OPTIONS, options as i64).is_none() => term::not_one_of(m, "options", options, TCSETATTR_OPTIONS),
        libc::EINVAL => term::bad_termios(m, probe::term::speeds(data)),
        libc::EIO => term::io_error(m, "fildes", fildes, &probe::term::terminal_io(fildes)),
        libc::EFAULT => fd::bad_pointer(m, "data", data, core::mem::size_of::<libc::termios>()),
        _ => generic::meaning(m, errnum),
    }
}
