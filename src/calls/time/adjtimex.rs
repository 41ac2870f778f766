//! adjtimex(2): ERRORS EFAULT (data not writable), EINVAL (modes with bits the kernel
//! does not define, freq, offset or tick out of range, by name and value), EPERM (modes
//! that set the clock, without CAP_SYS_TIME), EOPNOTSUPP.

use crate::decode::clock::ADJTIMEX_MODES;
use crate::message::prose::{clock, fd, generic};
use crate::message::Message;
use crate::probe::clock as probe;

/// The kernel's bounds (kernel/time/ntp.c, include/linux/timex.h): MAXFREQ_SCALED is
/// 500 ppm in 16.16 fixed point; the offset of ADJ_OFFSET is clamped, not refused.
const MAX_FREQ: i64 = 500 << 16;

pub fn explain(m: &mut Message, errnum: i32, data: usize) {
    let size = core::mem::size_of::<libc::timex>();
    match errnum {
        libc::EFAULT if fd::bad_output_buffer(m, "data", data, size) => {}
        libc::EINVAL => match probe::timex(data) {
            Some(t) => invalid(m, errnum, &t),
            None => generic::meaning(m, errnum),
        },
        libc::EPERM => {
            super::settimeofday::set_clock_refused(m, "changing the kernel's clock parameters");
            if let Some(t) = probe::timex(data) {
                clock::modes_need_capability(m, t.modes as i64);
            }
        }
        _ => generic::meaning(m, errnum),
    }
}

fn invalid(m: &mut Message, errnum: i32, t: &libc::timex) {
    let modes = t.modes;
    let whole = modes == libc::ADJ_OFFSET_SINGLESHOT || modes == libc::ADJ_OFFSET_SS_READ;
    let unknown = crate::decode::unknown_bits(modes as i64, ADJTIMEX_MODES) & !(libc::ADJ_SETOFFSET as i64 | libc::ADJ_OFFSET_SS_READ as i64);
    if !whole && unknown != 0 {
        return clock::unknown_flags(m, "data->modes", unknown, ADJTIMEX_MODES, &["ADJ_SETOFFSET", "ADJ_OFFSET_SINGLESHOT", "ADJ_OFFSET_SS_READ"]);
    }
    if modes & libc::ADJ_TICK != 0 {
        // 900000/HZ to 1100000/HZ microseconds; USER_HZ is 100 on Linux.
        let hz = 100;
        if !(900_000 / hz..=1_100_000 / hz).contains(&t.tick) {
            return clock::field_out_of_range(m, "data", "tick", t.tick, 900_000 / hz, 1_100_000 / hz);
        }
    }
    if modes & libc::ADJ_FREQUENCY != 0 && !(-MAX_FREQ..=MAX_FREQ).contains(&t.freq) {
        return clock::field_out_of_range(m, "data", "freq", t.freq, -MAX_FREQ, MAX_FREQ);
    }
    if modes & libc::ADJ_SETOFFSET != 0 {
        let limit = if modes & libc::ADJ_NANO != 0 { 999_999_999 } else { 999_999 };
        if !(0..=limit).contains(&t.time.tv_usec) {
            return clock::field_out_of_range(m, "data", "time.tv_usec", t.time.tv_usec, 0, limit);
        }
    }
    if modes & libc::ADJ_TAI != 0 && t.constant < 0 {
        return clock::field_out_of_range(m, "data", "constant", t.constant, 0, i64::MAX);
    }
    generic::meaning(m, errnum)
}
