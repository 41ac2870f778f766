//! usleep(3): ERRORS EINTR (a signal's handler ended the sleep), EINVAL (usec of a
//! second or more, or negative, with the value).

use crate::message::prose::{clock, generic};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, usec: i64) {
    match errnum {
        libc::EINVAL if usec < 0 => clock::negative(m, "usec", usec),
        libc::EINVAL if usec >= 1_000_000 => clock::value_too_large(m, "usec", usec, "one second, in microseconds", 1_000_000),
        libc::EINTR => clock::interrupted(m, "usleep", probe::pending_signals(), None),
        _ => generic::meaning(m, errnum),
    }
}
