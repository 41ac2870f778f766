//! setpgrp(pid, pgid), the BSD form libexplain declares: setpgid(2)'s errors.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pid: i32, pgid: i32) {
    super::setpgid::diagnose(m, errnum, pid, pgid);
}
