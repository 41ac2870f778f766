//! The echo of time arguments in libexplain's notation: `{{ 1.5 seconds }, { tv_sec = 0,
//! tv_nsec = UTIME_OMIT }}` for two timespecs, `{ 1577880000.000000000 seconds "Wed,
//! 2020-Jan-01 12:00:00 +0000" }` for a time of day, `{ actime = 0, modtime = 0 }` for a
//! utimbuf; the address alone when the memory cannot be read, NULL for the null pointer.

use super::clock::{write_date, write_g, write_time_t};
use super::write_pointer;
use crate::message::Message;
use crate::probe::times::{Layout, Stamp, Times};

/// Below 1000 seconds a time is a duration (shown as a number); from there on a date.
const DATES_FROM: i64 = 1000;

fn special(m: &mut Message, fraction: i64) {
    match fraction {
        libc::UTIME_NOW => m.text("UTIME_NOW"),
        libc::UTIME_OMIT => m.text("UTIME_OMIT"),
        n => {
            let _ = core::fmt::write(m, format_args!("{n}"));
        }
    }
}

fn write_timespec(m: &mut Message, s: &Stamp) {
    if !(0..1_000_000_000).contains(&s.fraction) {
        m.text("{ tv_sec = ");
        if s.sec == 0 && matches!(s.fraction, libc::UTIME_NOW | libc::UTIME_OMIT) {
            m.text("0");
        } else {
            write_time_t(m, s.sec);
        }
        m.text(", tv_nsec = ");
        special(m, s.fraction);
        return m.text(" }");
    }
    let seconds = s.sec as f64 + 1e-9 * s.fraction as f64;
    if s.sec < DATES_FROM {
        m.text("{ ");
        write_g(m, seconds, 11);
        return m.text(" seconds }");
    }
    let _ = core::fmt::write(m, format_args!("{{ {seconds:11.9} seconds"));
    if m.dialect_specific() {
        write_date(m, s.sec);
    }
    m.text(" }");
}

fn write_timeval(m: &mut Message, s: &Stamp) {
    match s.fraction {
        libc::UTIME_NOW | libc::UTIME_OMIT => {
            m.text("{ tv_usec = ");
            special(m, s.fraction);
            m.text(" }");
        }
        f if !(0..1_000_000).contains(&f) => {
            let _ = core::fmt::write(m, format_args!("{{ tv_sec = {}, tv_usec = {f} }}", s.sec));
        }
        f => {
            m.text("{ ");
            write_g(m, s.sec as f64 + 1e-6 * f as f64, 8);
            m.text(" seconds }");
        }
    }
}

/// The contents of a times argument already read.
pub fn write_times(m: &mut Message, t: &Times) {
    match t {
        Times::Null => m.text("NULL"),
        Times::Unreadable { addr, .. } => write_pointer(m, *addr as i64),
        Times::Given { layout: Layout::Utimbuf, stamps, .. } => {
            let _ = core::fmt::write(m, format_args!("{{ actime = {}, modtime = {} }}", stamps[0].sec, stamps[1].sec));
        }
        Times::Given { layout, stamps, .. } => {
            let one = if *layout == Layout::Timeval { write_timeval } else { write_timespec };
            m.text("{");
            one(m, &stamps[0]);
            m.text(", ");
            one(m, &stamps[1]);
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

    #[test]
    fn g_style_numbers_as_c_prints_them() {
        for (x, p, want) in [
            (1.5, 11, "1.5"),
            (12.0, 11, "12"),
            (1e-6, 11, "1e-06"),
            (1.57788e9, 6, "1.57788e+09"),
            (1e8, 8, "1e+08"),
            (999.000000001, 11, "999"),
            (0.0, 11, "0"),
            (60.5, 11, "60.5"),
        ] {
            assert_eq!(echo(|m| write_g(m, x, p)), want, "{x} %.{p}g");
        }
    }

    #[test]
    fn dates_as_libexplain_shows_them() {
        use crate::decode::clock::write_date_at;
        assert_eq!(echo(|m| write_date_at(m, 99_999_999_999, 0)), " \"Wed, 5138-Nov-16 09:46:39 +0000\"");
        assert_eq!(echo(|m| write_date_at(m, 86_399, 0)), " \"Thu, 1970-Jan-01 23:59:59 +0000\"");
    }

    #[test]
    fn timespecs_as_libexplain_shows_them() {
        let t = |sec, fraction| Stamp { sec, fraction };
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
