//! The echo of time arguments in libexplain's notation: `{{ 1.5 seconds }, { tv_sec = 0,
//! tv_nsec = UTIME_OMIT }}` for two timespecs, `{ 1577880000.000000000 seconds "Wed,
//! 2020-Jan-01 12:00:00 +0000" }` for a time of day, `{ actime = 0, modtime = 0 }` for a
//! utimbuf (each time written by decode::clock::write_stamp, which the time family's
//! timeval and timespec share); the address alone when the memory cannot be read, NULL
//! for the null pointer.

use super::clock::{write_stamp, Fraction};
use super::write_pointer;
use crate::message::Message;
use crate::probe::times::{Layout, Times};

/// The contents of a times argument already read.
pub fn write_times(m: &mut Message, t: &Times) {
    match t {
        Times::Null => m.text("NULL"),
        Times::Unreadable { addr, .. } => write_pointer(m, *addr as i64),
        Times::Given { layout: Layout::Utimbuf, stamps, .. } => {
            let _ = core::fmt::write(m, format_args!("{{ actime = {}, modtime = {} }}", stamps[0].sec, stamps[1].sec));
        }
        Times::Given { layout, stamps, .. } => {
            let unit = if *layout == Layout::Timeval { Fraction::Microseconds } else { Fraction::Nanoseconds };
            m.text("{");
            write_stamp(m, &stamps[0], unit);
            m.text(", ");
            write_stamp(m, &stamps[1], unit);
            m.text("}");
        }
    }
}

pub fn write_timespec_pair(m: &mut Message, addr: i64) {
    write_times(m, &Times::read(addr as usize, Layout::Timespec));
}

pub fn write_timeval_pair(m: &mut Message, addr: i64) {
    write_times(m, &Times::read(addr as usize, Layout::Timeval));
}

pub fn write_utimbuf(m: &mut Message, addr: i64) {
    write_times(m, &Times::read(addr as usize, Layout::Utimbuf));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::written as echo;
    use crate::probe::times::Stamp;

    #[test]
    fn timespecs_as_libexplain_shows_them() {
        let t = |sec, frac| Stamp { sec, frac };
        let pair = |a, b| Times::Given { addr: 1, layout: Layout::Timespec, stamps: [a, b] };
        assert_eq!(echo(|m| write_times(m, &pair(t(12, 0), t(0, libc::UTIME_OMIT)))), "{{ 12 seconds }, { tv_sec = 0, tv_nsec = UTIME_OMIT }}");
        assert_eq!(
            echo(|m| write_times(m, &pair(t(1_577_880_000, 250_000_000), t(0, libc::UTIME_NOW)))),
            "{{ 1577880000.250000000 seconds \"Wed, 2020-Jan-01 12:00:00 +0000\" }, { tv_sec = 0, tv_nsec = UTIME_NOW }}"
        );
        let tv = Times::Given { addr: 1, layout: Layout::Timeval, stamps: [t(1, 500_000), t(0, libc::UTIME_OMIT)] };
        assert_eq!(echo(|m| write_times(m, &tv)), "{{ 1.5 seconds }, { tv_usec = UTIME_OMIT }}");
    }
}
