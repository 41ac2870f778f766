//! The echo of time, event and waiting arguments as libexplain 1.4 prints them: a timeval
//! or timespec as `{ 1.5 seconds }` (its fields by name when the
//! fraction is out of range), a time_t with its date, a struct timezone, a struct timex
//! by its modes, the flags of eventfd/signalfd/timerfd, a clock id, a signal set, poll's
//! array and select's sets (up to nfds), each descriptor with its path. Unreadable
//! memory is echoed as its address, NULL by name.

use super::symbols::write_flags;
use super::{write_fd, write_pointer, Entry};
use crate::message::Message;
use crate::probe::clock::{self as probe, Stamp};
use core::fmt::Write as _;

/// eventfd(2) flags as libexplain names them (generated from eventfd_flags.in).
pub static EVENTFD_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/eventfd_flags.rs"));
/// EFD_SEMAPHORE, which the echo leaves as a number (as libexplain's does) but the
/// command and the explanation know by name.
pub const EVENTFD_SEMAPHORE: (&str, i64) = ("EFD_SEMAPHORE", libc::EFD_SEMAPHORE as i64);
/// signalfd(2) flags (generated from signalfd_flags.in).
pub static SIGNALFD_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/signalfd_flags.rs"));
/// timerfd_create(2) flags (generated from timerfd_flags.in).
pub static TIMERFD_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/timerfd_flags.rs"));
/// The clocks, with what each counts (generated from clock_ids.in).
pub static CLOCK_IDS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/clock_ids.rs"));
/// adjtimex(2) modes bits (generated from adjtimex_modes.in).
pub static ADJTIMEX_MODES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/adjtimex_modes.rs"));
/// adjtimex(2) status bits (generated from timex_status.in).
pub static TIMEX_STATUS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/timex_status.rs"));
/// poll(2) event bits (generated from poll_events.in).
pub static POLL_EVENTS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/poll_events.rs"));

/// A number in C's `%.{precision}g` notation, written without the heap.
pub fn write_g(m: &mut Message, x: f64, precision: usize) {
    let mut buf = Small::new();
    let _ = write!(buf, "{:.*e}", precision.saturating_sub(1), x);
    let text = buf.as_str();
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= precision as i32 {
        m.text(trim_zeros(mantissa));
        let _ = write!(m, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else {
        let decimals = (precision as i32 - 1 - exp).max(0) as usize;
        let mut fixed = Small::new();
        let _ = write!(fixed, "{:.*}", decimals, x);
        m.text(trim_zeros(fixed.as_str()));
    }
}

/// `1.500` as `1.5`, `2.000` as `2`: %g's trailing zeros dropped.
fn trim_zeros(s: &str) -> &str {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s
    }
}

/// A small stack buffer for one formatted number.
struct Small {
    buf: [u8; 64],
    len: usize,
}

impl Small {
    fn new() -> Small {
        Small { buf: [0; 64], len: 0 }
    }
    fn as_str(&self) -> &str {
        core::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

impl core::fmt::Write for Small {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = (self.len + s.len()).min(self.buf.len());
        self.buf[self.len..end].copy_from_slice(&s.as_bytes()[..end - self.len]);
        self.len = end;
        Ok(())
    }
}

/// ` "Thu, 1970-Jan-01 00:00:05 +0000"`: a date as libexplain prints one after a time_t
/// (the dialect-specific option), in the local time zone (crate::probe::zone).
pub fn write_date(m: &mut Message, t: i64) {
    write_date_at(m, t, crate::probe::zone::utc_offset(t));
}

/// The date of `t` at `offset` seconds east of Greenwich.
pub fn write_date_at(m: &mut Message, t: i64, offset: i64) {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let local = t.saturating_add(offset);
    let (days, secs) = (local.div_euclid(86400), local.rem_euclid(86400));
    let (y, mo, d) = civil_from_days(days);
    let _ = write!(
        m,
        " \"{}, {}-{}-{:02} {:02}:{:02}:{:02} {}{:02}{:02}\"",
        DAYS[days.rem_euclid(7) as usize],
        y,
        MONTHS[(mo - 1) as usize],
        d,
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
        if offset < 0 { '-' } else { '+' },
        offset.abs() / 3600,
        offset.abs() / 60 % 60
    );
}

/// The proleptic Gregorian date of a day number (days since 1970-01-01).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z.rem_euclid(146097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(mo <= 2), mo, d)
}

/// A time_t as libexplain prints one: the number, then (dialect-specific) the time of
/// day alone when it is within the last twelve hours, else the date.
pub fn write_time_t(m: &mut Message, t: i64) {
    m.number(t);
    if !m.opts.dialect_specific {
        return;
    }
    let ago = probe::now(libc::CLOCK_REALTIME).map(|(now, _)| now - t);
    if ago.is_some_and(|d| (0..12 * 3600).contains(&d)) {
        let s = (t + crate::probe::zone::utc_offset(t)).rem_euclid(86400);
        let _ = write!(m, " \"{:02}:{:02}:{:02}\"", s / 3600, s / 60 % 60, s % 60);
        return;
    }
    write_date(m, t);
}

/// stime's `time_t *`: `{ 1700000000 "Tue, 2023-Nov-14 22:13:20 +0000" }`.
pub fn write_time_value(m: &mut Message, addr: i64) {
    match probe::time_value(addr as usize) {
        Some(t) => {
            m.text("{ ");
            write_time_t(m, t);
            m.text(" }");
        }
        None => write_pointer(m, addr),
    }
}

/// What the fraction of a second in a stamp counts, which decides how libexplain
/// writes the stamp.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fraction {
    /// A struct timeval: `{ 1.5 seconds }` at %.8g, never a date.
    Microseconds,
    /// A struct timespec: %.11g for a duration, nine decimals and the date for a point
    /// in time (DATES_FROM on).
    Nanoseconds,
}

/// Below 1000 seconds a timespec is a duration (shown as a number); from there on a date.
const DATES_FROM: i64 = 1000;

/// A struct timeval or timespec already read (by probe::clock::stamp, or as one of the
/// utime calls' pair, probe::times), as libexplain echoes it: `{ 1.5 seconds }`, a
/// timespec point in time with its date, the fields by name when the fraction is out
/// of range, UTIME_NOW and UTIME_OMIT by name (in a timeval too, as `{ tv_usec =
/// UTIME_NOW }`, which is how libexplain writes them there).
pub fn write_stamp(m: &mut Message, s: &Stamp, unit: Fraction) {
    let special = match s.frac {
        libc::UTIME_NOW => Some("UTIME_NOW"),
        libc::UTIME_OMIT => Some("UTIME_OMIT"),
        _ => None,
    };
    match unit {
        Fraction::Microseconds => {
            if let Some(name) = special {
                m.text("{ tv_usec = ");
                m.text(name);
                m.text(" }");
            } else if !(0..1_000_000).contains(&s.frac) {
                let _ = write!(m, "{{ tv_sec = {}, tv_usec = {} }}", s.sec, s.frac);
            } else {
                m.text("{ ");
                write_g(m, s.sec as f64 + 1e-6 * s.frac as f64, 8);
                m.text(" seconds }");
            }
        }
        Fraction::Nanoseconds if !(0..1_000_000_000).contains(&s.frac) => {
            m.text("{ tv_sec = ");
            if s.sec == 0 && special.is_some() {
                m.text("0");
            } else {
                write_time_t(m, s.sec);
            }
            m.text(", tv_nsec = ");
            match special {
                Some(name) => m.text(name),
                None => m.number(s.frac),
            }
            m.text(" }");
        }
        Fraction::Nanoseconds => {
            let x = s.sec as f64 + 1e-9 * s.frac as f64;
            m.text("{ ");
            if s.sec < DATES_FROM {
                write_g(m, x, 11);
                m.text(" seconds }");
                return;
            }
            let _ = write!(m, "{:11.9} seconds", x);
            if m.opts.dialect_specific {
                write_date(m, s.sec);
            }
            m.text(" }");
        }
    }
}

/// A struct timeval at `addr` (settimeofday's tv, select's timeout).
pub fn write_timeval(m: &mut Message, addr: i64) {
    match probe::stamp(addr as usize) {
        Some(s) => write_stamp(m, &s, Fraction::Microseconds),
        None => write_pointer(m, addr),
    }
}

/// A struct timespec at `addr` (nanosleep's req).
pub fn write_timespec(m: &mut Message, addr: i64) {
    match probe::stamp(addr as usize) {
        Some(s) => write_stamp(m, &s, Fraction::Nanoseconds),
        None => write_pointer(m, addr),
    }
}

/// A struct timezone: `{ tz_minuteswest = -60, tz_dsttime = 1 }`.
pub fn write_timezone(m: &mut Message, addr: i64) {
    match probe::timezone(addr as usize) {
        Some((west, dst)) => {
            let _ = write!(m, "{{ tz_minuteswest = {west}, tz_dsttime = {dst} }}");
        }
        None => write_pointer(m, addr),
    }
}

/// adjtimex's modes: ADJ_OFFSET_SINGLESHOT and ADJ_OFFSET_SS_READ whole, else the bits.
pub fn write_adjtimex_modes(m: &mut Message, modes: i64) {
    match modes as i32 as u32 {
        libc::ADJ_OFFSET_SINGLESHOT => m.text("ADJ_OFFSET_SINGLESHOT"),
        libc::ADJ_OFFSET_SS_READ => m.text("ADJ_OFFSET_SS_READ"),
        _ => write_flags(m, modes as i32 as i64, ADJTIMEX_MODES, "0"),
    }
}

/// A struct timex: its modes, then the fields those modes set.
pub fn write_timex(m: &mut Message, addr: i64) {
    let Some(t) = probe::timex(addr as usize) else { return write_pointer(m, addr) };
    m.text("{ modes = ");
    write_adjtimex_modes(m, t.modes as i64);
    let modes = t.modes;
    if modes == libc::ADJ_OFFSET_SINGLESHOT {
        let _ = write!(m, ", offset = {}", t.offset);
    } else if modes != libc::ADJ_OFFSET_SS_READ {
        let fields: [(u32, &str, i64); 4] = [
            (libc::ADJ_OFFSET, "offset", t.offset),
            (libc::ADJ_FREQUENCY, "freq", t.freq),
            (libc::ADJ_MAXERROR, "maxerror", t.maxerror),
            (libc::ADJ_ESTERROR, "esterror", t.esterror),
        ];
        for (bit, name, value) in fields {
            if modes & bit != 0 {
                let _ = write!(m, ", {name} = {value}");
            }
        }
        if modes & libc::ADJ_STATUS != 0 {
            m.text(", status = ");
            write_flags(m, t.status as i64, TIMEX_STATUS, "0");
        }
        if modes & libc::ADJ_TIMECONST != 0 {
            let _ = write!(m, ", constant = {}", t.constant);
        }
        if modes & libc::ADJ_TICK != 0 {
            let _ = write!(m, ", tick = {}", t.tick);
        }
    }
    m.text(" }");
}

pub fn write_eventfd_flags(m: &mut Message, flags: i64) {
    write_flags(m, flags as i32 as i64, EVENTFD_FLAGS, "0");
}

pub fn write_signalfd_flags(m: &mut Message, flags: i64) {
    write_flags(m, flags as i32 as i64, SIGNALFD_FLAGS, "0");
}

pub fn write_timerfd_flags(m: &mut Message, flags: i64) {
    write_flags(m, flags as i32 as i64, TIMERFD_FLAGS, "0");
}

/// A clock id: libexplain's echo names the two clocks timerfd_create had when it was
/// written, CLOCK_REALTIME and CLOCK_MONOTONIC, and gives the others as numbers.
pub fn write_clockid(m: &mut Message, clockid: i64) {
    match clockid as i32 {
        libc::CLOCK_REALTIME => m.text("CLOCK_REALTIME"),
        libc::CLOCK_MONOTONIC => m.text("CLOCK_MONOTONIC"),
        c => m.number(c as i64),
    }
}

/// The name of a clock (clock_ids.in), for the explanation.
pub fn clock_name(clockid: i32) -> Option<&'static Entry> {
    CLOCK_IDS.iter().find(|e| e.value == clockid as i64)
}

/// A signal by name, real-time ones as `SIGRTMIN + 1`; else its number.
pub fn write_signal(m: &mut Message, sig: i32) {
    let rtmin = libc::SIGRTMIN();
    match super::signal(sig) {
        Some(e) => m.text(e.name),
        None if sig >= rtmin && sig <= libc::SIGRTMAX() => {
            m.text("SIGRTMIN");
            if sig > rtmin {
                let _ = write!(m, " + {}", sig - rtmin);
            }
        }
        None => m.number(sig as i64),
    }
}

/// A sigset_t: `{ SIGINT, SIGUSR1 }`, `{ }` when empty.
pub fn write_sigset(m: &mut Message, addr: i64) {
    let Some(set) = probe::sigset(addr as usize) else { return write_pointer(m, addr) };
    m.text("{ ");
    let mut first = true;
    for sig in 1..=64 {
        if set & (1u64 << (sig - 1)) != 0 {
            if !first {
                m.text(", ");
            }
            write_signal(m, sig);
            first = false;
        }
    }
    m.text(if first { "}" } else { " }" });
}

pub fn write_poll_events(m: &mut Message, events: i64) {
    write_flags(m, events as u16 as i64, POLL_EVENTS, "0");
}

/// poll's array, `count` elements: `{ { fd = 0 "/dev/null", events = POLLIN }, … }`.
pub fn write_pollfds(m: &mut Message, addr: usize, count: i64) {
    let size = core::mem::size_of::<libc::pollfd>();
    let all = (count > 0 && count <= 1 << 20).then(|| crate::sys::readable(addr, count as usize * size)).unwrap_or(false);
    if !all {
        return write_pointer(m, addr as i64);
    }
    m.text("{ ");
    for i in 0..count as usize {
        let Some(p) = probe::pollfd(addr, i) else { break };
        if i > 0 {
            m.text(", ");
        }
        m.text("{ fd = ");
        write_fd(m, p.fd as i64);
        m.text(", events = ");
        write_poll_events(m, p.events as i64);
        m.text(" }");
    }
    m.text(" }");
}

/// One of select's sets, the descriptors below `nfds` in it: `{ 0 "/dev/null", 5 }`,
/// `{}` when none.
pub fn write_fd_set(m: &mut Message, addr: usize, nfds: i64) {
    let Some(bits) = probe::fd_set(addr) else { return write_pointer(m, addr as i64) };
    let mut first = true;
    for fd in 0..nfds.clamp(0, 1024) as usize {
        if probe::fd_in_set(&bits, fd) {
            m.text(if first { "{ " } else { ", " });
            write_fd(m, fd as i64);
            first = false;
        }
    }
    m.text(if first { "{}" } else { " }" });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::written;

    #[test]
    fn g_notation_is_c_printf_s() {
        // Values printf("%.8g") and printf("%.11g") give in C.
        let cases: [(f64, usize, &str); 15] = [
            (5.0, 8, "5"),
            (1.5, 8, "1.5"),
            (5.000123, 8, "5.000123"),
            (1.0005, 8, "1.0005"),
            (1577893200.0, 8, "1.5778932e+09"),
            (0.0, 8, "0"),
            (0.00001, 8, "1e-05"),
            (1.000000005, 11, "1.000000005"),
            (-2.5, 8, "-2.5"),
            (12.0, 11, "12"),
            (1e-6, 11, "1e-06"),
            (1.57788e9, 6, "1.57788e+09"),
            (1e8, 8, "1e+08"),
            (999.000000001, 11, "999"),
            (60.5, 11, "60.5"),
        ];
        for (x, p, want) in cases {
            assert_eq!(written(|m| write_g(m, x, p)), want, "{x} at %.{p}g");
        }
    }

    #[test]
    fn dates_are_the_proleptic_gregorian_calendar() {
        assert_eq!(written(|m| write_date_at(m, 0, 0)), " \"Thu, 1970-Jan-01 00:00:00 +0000\"");
        assert_eq!(written(|m| write_date_at(m, 1_700_000_000, 0)), " \"Tue, 2023-Nov-14 22:13:20 +0000\"");
        assert_eq!(written(|m| write_date_at(m, 951_782_400, 0)), " \"Tue, 2000-Feb-29 00:00:00 +0000\"");
        assert_eq!(written(|m| write_date_at(m, -1, 0)), " \"Wed, 1969-Dec-31 23:59:59 +0000\"");
        assert_eq!(written(|m| write_date_at(m, 1_700_000_000, -5 * 3600)), " \"Tue, 2023-Nov-14 17:13:20 -0500\"");
        assert_eq!(written(|m| write_date_at(m, 0, 5 * 3600 + 1800)), " \"Thu, 1970-Jan-01 05:30:00 +0530\"");
        assert_eq!(written(|m| write_date_at(m, 99_999_999_999, 0)), " \"Wed, 5138-Nov-16 09:46:39 +0000\"");
        assert_eq!(written(|m| write_date_at(m, 86_399, 0)), " \"Thu, 1970-Jan-01 23:59:59 +0000\"");
    }

    #[test]
    fn adjtimex_modes_by_name() {
        assert_eq!(written(|m| write_adjtimex_modes(m, libc::ADJ_OFFSET_SINGLESHOT as i64)), "ADJ_OFFSET_SINGLESHOT");
        assert_eq!(written(|m| write_adjtimex_modes(m, 0x4000003)), "ADJ_OFFSET | ADJ_FREQUENCY | 0x4000000");
        assert_eq!(written(|m| write_adjtimex_modes(m, 0)), "0");
    }
}
