//! futimens(3) (documented in utimensat(2)): utimensat's ERRORS with EBADF for fd.

use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, fd: i32, times: usize) {
    super::utimensat::diagnose(m, errnum, "fd", Target::Fd(fd), "times", &Times::read(times, Layout::Timespec));
}
