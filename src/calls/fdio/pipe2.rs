//! pipe2(2): ERRORS EFAULT, EINVAL (unknown flags, shown), EMFILE, ENFILE, ENOPKG
//! (O_NOTIFICATION_PIPE without kernel support); see `pipe::diagnose`.

use super::pipe::diagnose;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: usize, flags: i32) {
    diagnose(m, errnum, "fildes", fildes, flags);
}
