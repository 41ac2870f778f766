//! Seconds since the epoch as a calendar date, and back, in UTC: the dates of the time
//! arguments' echo (`"Wed, 2020-Jan-01 12:00:00 +0000"`) and the date texts the
//! `explain` command takes for them. No time zone files are read and nothing allocates:
//! an echo must not depend on what a preload library or a daemon's locale does to
//! localtime(3).

use crate::message::Message;

pub const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
pub const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/// A civil date and time of day, UTC.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: u32,
    /// 1 to 31.
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm,
/// exact for every i64 year the seconds can hold).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (the inverse of days_from_civil).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Civil {
    pub fn from_seconds(t: i64) -> Civil {
        let (days, secs) = (t.div_euclid(86_400), t.rem_euclid(86_400));
        let (year, month, day) = civil_from_days(days);
        Civil { year, month, day, hour: (secs / 3600) as u32, minute: (secs / 60 % 60) as u32, second: (secs % 60) as u32 }
    }

    pub fn seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400 + (self.hour * 3600 + self.minute * 60 + self.second) as i64
    }

    fn weekday(&self) -> &'static str {
        WEEKDAYS[(days_from_civil(self.year, self.month, self.day) + 4).rem_euclid(7) as usize]
    }
}

/// Now, in seconds since the epoch (0 if the clock cannot be read).
pub fn now() -> i64 {
    crate::sys::realtime().map_or(0, |(s, _)| s)
}

fn two(m: &mut Message, v: u32) {
    let _ = core::fmt::write(m, format_args!("{v:02}"));
}

/// ` "Wed, 2020-Jan-01 12:00:00 +0000"`, with its leading space.
pub fn write_date(m: &mut Message, t: i64) {
    let c = Civil::from_seconds(t);
    let _ = core::fmt::write(m, format_args!(" \"{}, {}-{}-", c.weekday(), c.year, MONTHS[c.month as usize - 1]));
    two(m, c.day);
    m.text(" ");
    write_clock(m, &c);
    m.text(" +0000\"");
}

fn write_clock(m: &mut Message, c: &Civil) {
    two(m, c.hour);
    m.text(":");
    two(m, c.minute);
    m.text(":");
    two(m, c.second);
}

/// A time_t as libexplain shows one with the dialect-specific option: the number, then
/// the time of day alone when it is within the last twelve hours, else the whole date.
pub fn write_time_t(m: &mut Message, t: i64) {
    let _ = core::fmt::write(m, format_args!("{t}"));
    if !m.dialect_specific() {
        return;
    }
    let age = now().wrapping_sub(t);
    if (0..12 * 3600).contains(&age) {
        m.text(" \"");
        write_clock(m, &Civil::from_seconds(t));
        m.text("\"");
    } else {
        write_date(m, t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::written as echo;

    #[test]
    fn converts_both_ways() {
        for t in [0, 86_399, 86_400, 1_577_880_000, 951_782_400, -1, 99_999_999_999] {
            assert_eq!(Civil::from_seconds(t).seconds(), t);
        }
        assert_eq!(Civil::from_seconds(1_577_880_000), Civil { year: 2020, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
        assert_eq!(echo(|m| write_date(m, 99_999_999_999)), " \"Wed, 5138-Nov-16 09:46:39 +0000\"");
        assert_eq!(echo(|m| write_date(m, 86_399)), " \"Thu, 1970-Jan-01 23:59:59 +0000\"");
    }
}
