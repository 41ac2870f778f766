//! getpgrp(pid), the BSD form libexplain declares: getpgid(2)'s errors.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pid: i32) {
    super::getpgid::explain(m, errnum, pid);
}
