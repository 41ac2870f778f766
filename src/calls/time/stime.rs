//! stime(2): ERRORS EFAULT (t unreadable), EPERM (CAP_SYS_TIME, and who the caller is).

use crate::message::prose::{clock, generic};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, t: usize) {
    match errnum {
        libc::EFAULT if probe::time_value(t).is_none() => clock::unreadable(m, "t", t, 8),
        libc::EPERM => super::settimeofday::set_clock_refused(m, "setting the system clock"),
        _ => generic::meaning(m, errnum),
    }
}
