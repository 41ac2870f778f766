//! dup(2): ERRORS EBADF, EMFILE (with the limit and how many are open).

use crate::message::prose::{fd, generic, limits};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::EMFILE => limits::too_many_open_files(m),
        _ => generic::meaning(m, errnum),
    }
}
