//! futimesat(2): utimes(2)'s ERRORS from `dirfd` (EBADF, ENOTDIR through the walk; a
//! NULL pathname acts on dirfd itself); the diagnosis is utimensat's.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, dirfd: i32, pathname: &Text, times: usize) {
    let target = super::utimensat::target(dirfd, pathname, 0);
    super::utimensat::diagnose(m, errnum, "pathname", target, "times", &Times::read(times, Layout::Timeval));
}
