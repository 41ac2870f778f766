//! nanosleep(2): ERRORS EFAULT (req unreadable), EINTR (a signal was delivered: those
//! pending, and the time left in rem), EINVAL (tv_nsec outside 0..999999999 or a
//! negative tv_sec, with the value).

use crate::message::prose::{clock, generic};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, req: usize, rem: usize) {
    match errnum {
        libc::EFAULT if probe::stamp(req).is_none() => clock::unreadable(m, "req", req, 16),
        libc::EINVAL => match probe::stamp(req) {
            Some(s) if !(0..1_000_000_000).contains(&s.frac) => clock::field_out_of_range(m, "req", "tv_nsec", s.frac, 0, 999_999_999),
            Some(s) if s.sec < 0 => clock::field_out_of_range(m, "req", "tv_sec", s.sec, 0, i64::MAX),
            _ => generic::meaning(m, errnum),
        },
        libc::EINTR => {
            let left = probe::stamp(rem).filter(|s| (0..1_000_000_000).contains(&s.frac)).map(|s| (s.sec, s.frac));
            clock::interrupted(m, "nanosleep", probe::pending_signals(), left)
        }
        _ => generic::meaning(m, errnum),
    }
}
