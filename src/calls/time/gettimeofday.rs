//! gettimeofday(2): ERRORS EFAULT (tv or tz is not writable memory); the EINVAL and
//! EPERM of its page are settimeofday's.

use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, tv: usize, tz: usize) {
    match errnum {
        libc::EFAULT if tv != 0 && fd::bad_output_buffer(m, "tv", tv, 16) => {}
        libc::EFAULT if tz != 0 && fd::bad_output_buffer(m, "tz", tz, 8) => {}
        _ => generic::meaning(m, errnum),
    }
}
