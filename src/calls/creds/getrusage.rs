//! getrusage(2): ERRORS EFAULT, EINVAL. EINVAL names who against RUSAGE_SELF,
//! RUSAGE_CHILDREN and RUSAGE_THREAD.

use crate::decode::creds::RUSAGE_WHO;
use crate::message::prose::{fd, generic, usage};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, who: i32, usage: usize) {
    match errnum {
        libc::EINVAL => usage::unknown_value(m, "who", who as i64, RUSAGE_WHO, "a who"),
        libc::EFAULT if fd::bad_output_buffer(m, "usage", usage, core::mem::size_of::<libc::rusage>()) => {}
        _ => generic::meaning(m, errnum),
    }
}
