//! sleep(3): no ERRORS of its own; EINTR when a signal's handler ended the sleep early
//! (the signals still pending by name).

use crate::message::prose::{clock, generic};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, _seconds: usize) {
    match errnum {
        libc::EINTR => clock::interrupted(m, "sleep", probe::pending_signals(), None),
        _ => generic::meaning(m, errnum),
    }
}
