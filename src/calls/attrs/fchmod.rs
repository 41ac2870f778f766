//! fchmod(2): ERRORS EBADF (not open, or opened with O_PATH), EIO, EPERM, EROFS; the
//! diagnosis is chmod's.

use crate::message::Message;
use crate::probe::ownership::Target;

pub fn explain(m: &mut Message, errnum: i32, fd: i32, _mode: u32) {
    super::chmod::diagnose(m, errnum, "fd", Target::Fd(fd));
}
