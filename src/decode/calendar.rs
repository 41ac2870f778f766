//! Civil dates and seconds since the epoch, both ways, at offset zero, for the date
//! texts the `explain` command takes for time arguments (crate::cli::when, which adds
//! the local zone's offset). The echo of dates is crate::decode::clock's.

/// A civil date and time of day, at offset zero.
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
        let (year, month, day) = super::clock::civil_from_days(days);
        Civil { year, month, day, hour: (secs / 3600) as u32, minute: (secs / 60 % 60) as u32, second: (secs % 60) as u32 }
    }

    pub fn seconds(&self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * 86_400 + (self.hour * 3600 + self.minute * 60 + self.second) as i64
    }
}

/// Now, in seconds since the epoch (0 if the clock cannot be read).
pub fn now() -> i64 {
    crate::sys::realtime().map_or(0, |(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        for t in [0, 86_399, 86_400, 1_577_880_000, 951_782_400, -1, 99_999_999_999] {
            assert_eq!(Civil::from_seconds(t).seconds(), t);
        }
        assert_eq!(Civil::from_seconds(1_577_880_000), Civil { year: 2020, month: 1, day: 1, hour: 12, minute: 0, second: 0 });
    }
}
