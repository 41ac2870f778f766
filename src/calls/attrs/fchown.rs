//! fchown(2): ERRORS EBADF (not open, or opened with O_PATH), EIO, EPERM, EROFS; the
//! diagnosis is chown's.

use crate::message::Message;
use crate::probe::ownership::Target;

pub fn explain(m: &mut Message, errnum: i32, fd: i32, owner: i32, group: i32) {
    super::chown::diagnose(m, errnum, "fd", Target::Fd(fd), owner, group);
}
