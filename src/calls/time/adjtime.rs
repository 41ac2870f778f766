//! adjtime(3): ERRORS EINVAL (delta out of the range the kernel slews: tv_usec outside
//! 0..999999, or more than about 2145 seconds either way), EPERM (CAP_SYS_TIME).

use crate::message::prose::{clock, fd, generic};
use crate::message::Message;
use crate::probe::clock as probe;

/// The largest adjustment glibc's adjtime passes on (INT_MAX / 1000000 - 2 seconds).
const MAX_DELTA: i64 = i32::MAX as i64 / 1_000_000 - 2;

pub fn explain(m: &mut Message, errnum: i32, delta: usize, olddelta: usize) {
    match errnum {
        libc::EFAULT if delta != 0 && probe::stamp(delta).is_none() => clock::unreadable(m, "delta", delta, 16),
        libc::EFAULT if olddelta != 0 && fd::bad_output_buffer(m, "olddelta", olddelta, 16) => {}
        libc::EINVAL => match probe::stamp(delta) {
            Some(s) if !(0..1_000_000).contains(&s.frac) => clock::field_out_of_range(m, "delta", "tv_usec", s.frac, 0, 999_999),
            Some(s) if !(-MAX_DELTA..=MAX_DELTA).contains(&s.sec) => {
                clock::field_out_of_range(m, "delta", "tv_sec", s.sec, -MAX_DELTA, MAX_DELTA)
            }
            _ => generic::meaning(m, errnum),
        },
        libc::EPERM => super::settimeofday::set_clock_refused(m, "adjusting the system clock"),
        _ => generic::meaning(m, errnum),
    }
}
