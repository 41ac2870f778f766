//! settimeofday(2): ERRORS EFAULT (tv or tz unreadable), EINVAL (tv_usec outside
//! 0..999999, a negative tv_sec, a time before the system booted, a bad time zone),
//! EPERM (CAP_SYS_TIME, and who the caller is).

use crate::message::prose::{clock, generic};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, tv: usize, tz: usize) {
    match errnum {
        libc::EFAULT if tv != 0 && probe::stamp(tv).is_none() => clock::unreadable(m, "tv", tv, 16),
        libc::EFAULT if tz != 0 && probe::timezone(tz).is_none() => clock::unreadable(m, "tz", tz, 8),
        libc::EINVAL => invalid(m, errnum, tv, tz),
        libc::EPERM => set_clock_refused(m, "setting the system clock"),
        _ => generic::meaning(m, errnum),
    }
}

/// EINVAL: the field out of range, the time before boot, or the time zone.
fn invalid(m: &mut Message, errnum: i32, tv: usize, tz: usize) {
    if let Some(s) = probe::stamp(tv) {
        if !(0..1_000_000).contains(&s.frac) {
            return clock::field_out_of_range(m, "tv", "tv_usec", s.frac, 0, 999_999);
        }
        if s.sec < 0 {
            return clock::field_out_of_range(m, "tv", "tv_sec", s.sec, 0, i64::MAX);
        }
        if let Some((mono, _)) = probe::now(libc::CLOCK_MONOTONIC) {
            if s.sec < mono {
                return clock::before_boot(m, s.sec, mono);
            }
        }
    }
    if let Some((west, dst)) = probe::timezone(tz) {
        if !(-900..=900).contains(&west) {
            return clock::bad_timezone(m, west, dst);
        }
    }
    generic::meaning(m, errnum)
}

/// EPERM of the calls that set the clock (settimeofday, stime, adjtime, adjtimex).
pub fn set_clock_refused(m: &mut Message, what: &str) {
    clock::needs_capability(m, what, "CAP_SYS_TIME", probe::has_capability(probe::CAP_SYS_TIME), probe::in_initial_user_namespace());
}
