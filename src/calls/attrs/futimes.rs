//! futimes(3): utimes(2)'s ERRORS, EBADF for fd, and ENOSYS; the diagnosis is
//! utimensat's.

use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, fd: i32, tv: usize) {
    super::utimensat::diagnose(m, errnum, "fd", Target::Fd(fd), "tv", &Times::read(tv, Layout::Timeval));
}
