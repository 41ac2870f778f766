//! time(2): ERRORS EFAULT (t is not writable memory).

use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, t: usize) {
    match errnum {
        libc::EFAULT if fd::bad_output_buffer(m, "t", t, 8) => {}
        _ => generic::meaning(m, errnum),
    }
}
