//! Times as the `explain` command takes them, the way libexplain's command does: seconds
//! (`12`, `1.5`, `1e9`, `0x10`), UTIME_NOW, UTIME_OMIT, or a date text (`2020-01-01
//! 12:00`, `Jan 1 2020`, `Wed, 2020-Jan-01 12:00:00 +0000`, `12:00`). One parser for
//! every time the command takes: the utime calls' pairs and the time family's timeval,
//! timespec and time_t (crate::cli::parse).
//!
//! As libexplain's command reads a date (mktime(3) with the daylight saving flag of
//! now), the text is a wall-clock time in the local zone (crate::probe::zone) at the
//! offset in force now, even for a date on the other side of a daylight saving change;
//! a zone written in the text (`UTC`, `+0000`) is accepted and ignored, as there. A date
//! without a time of day takes the present local one, a time without a date today's.

use crate::decode::calendar::{days_in_month, now, Civil};

/// One time: seconds and the fraction in units of 10^-`digits` seconds (9 for a
/// timespec, 6 for a timeval), or None when the text is not a time.
pub fn time(text: &str, digits: u32) -> Option<(i64, i64)> {
    let scale = 10i64.pow(digits);
    match text.trim() {
        "UTIME_NOW" => return Some((0, libc::UTIME_NOW)),
        "UTIME_OMIT" => return Some((0, libc::UTIME_OMIT)),
        _ => {}
    }
    // strtod's hexadecimal; a leading 0 is not octal there.
    if text.trim().starts_with("0x") || text.trim().starts_with("0X") {
        return super::parse::integer(text.trim()).map(|n| (n, 0));
    }
    if let Ok(x) = text.trim().parse::<f64>() {
        if x.is_nan() {
            return Some((0, 0));
        }
        if x >= i64::MAX as f64 {
            return Some((i64::MAX, 0));
        }
        if x <= i64::MIN as f64 {
            return Some((i64::MIN, 0));
        }
        let sec = x.floor();
        let fraction = ((x - sec) * scale as f64 + 0.5).floor() as i64;
        return Some(if fraction >= scale { (sec as i64 + 1, 0) } else { (sec as i64, fraction) });
    }
    local_date(text).map(|t| (t, 0))
}

/// A date text in the local zone, as of now, in seconds since the epoch.
pub fn local_date(text: &str) -> Option<i64> {
    let now = now();
    date(text, now, crate::probe::zone::utc_offset(now))
}

fn month(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let w = word.to_ascii_lowercase();
    NAMES.iter().position(|n| w.len() >= 3 && n.starts_with(&w)).map(|i| i as u32 + 1)
}

fn weekday(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.len() >= 3 && ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].iter().any(|d| d.starts_with(&w))
}

/// `HH:MM` or `HH:MM:SS`.
fn clock(word: &str) -> Option<(u32, u32, u32)> {
    let mut parts = word.split(':').map(|p| p.parse::<u32>().ok());
    let (h, mi) = (parts.next()??, parts.next()??);
    let s = parts.next().unwrap_or(Some(0))?;
    (parts.next().is_none() && h < 24 && mi < 60 && s < 61).then_some((h, mi, s))
}

/// `YYYY-MM-DD` or `YYYY-Mon-DD` (the echo's own notation).
fn iso_date(word: &str) -> Option<(i64, u32, u32)> {
    let mut parts = word.split('-');
    let (y, mo, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.is_empty() || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mo = mo.parse::<u32>().ok().or_else(|| month(mo))?;
    Some((y.parse().ok()?, mo, d.parse().ok()?))
}

/// A date text read as a wall-clock time `offset` seconds east of Greenwich, in seconds
/// since the epoch; `now` supplies (at that offset) what the text leaves out.
pub fn date(text: &str, now: i64, offset: i64) -> Option<i64> {
    let today = Civil::from_seconds(now + offset);
    let (mut year, mut mon, mut day, mut hms) = (None, None, None, None);
    let mut numbers = Vec::new();
    for word in text.split([' ', ',', '\t']).filter(|w| !w.is_empty()) {
        let (date_part, time_part) = match word.split_once('T') {
            Some((d, t)) if iso_date(d).is_some() => (d, Some(t)),
            _ => (word, None),
        };
        if let Some((y, mo, d)) = iso_date(date_part) {
            (year, mon, day) = (Some(y), Some(mo), Some(d));
            if let Some(t) = time_part {
                hms = Some(clock(t)?);
            }
        } else if let Some(t) = clock(word) {
            hms = Some(t);
        } else if let Some(mo) = month(word) {
            mon = Some(mo);
        } else if weekday(word) {
        } else if matches!(word, "UTC" | "GMT" | "Z" | "UT") {
        } else if word.strip_prefix(['+', '-']).is_some_and(|z| z.len() == 4 && z.bytes().all(|b| b.is_ascii_digit())) {
        } else if word.bytes().all(|b| b.is_ascii_digit()) {
            numbers.push(word);
        } else {
            return None;
        }
    }
    // With a month name: the numbers are the day and the year (a year has more digits
    // or is above 31).
    for n in numbers {
        let v: i64 = n.parse().ok()?;
        if mon.is_none() || (day.is_some() && year.is_some()) {
            return None;
        }
        if day.is_none() && n.len() <= 2 && (1..=31).contains(&v) {
            day = Some(v as u32);
        } else if year.is_none() {
            year = Some(v);
        } else {
            return None;
        }
    }
    if mon.is_none() && day.is_none() && hms.is_none() {
        return None;
    }
    let (year, mon, day) = match (year, mon, day) {
        (None, None, None) => (today.year, today.month, today.day),
        (y, Some(mo), Some(d)) => (y.unwrap_or(today.year), mo, d),
        _ => return None,
    };
    if !(1..=12).contains(&mon) || day == 0 || day > days_in_month(year, mon) {
        return None;
    }
    let (hour, minute, second) = hms.unwrap_or((today.hour, today.minute, today.second));
    Some(Civil { year, month: mon, day, hour, minute, second }.seconds() - offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-12-02 15:44:42 UTC.
    const NOW: i64 = 1_796_226_282;

    #[test]
    fn reads_the_date_texts_libexplain_reads() {
        for (text, want) in [
            ("2020-01-01 12:00", Some(1_577_880_000)),
            ("2020-01-01T12:00:00", Some(1_577_880_000)),
            ("2020-01-01 12:00:30", Some(1_577_880_030)),
            ("Jan 1 2020", Some(1_577_893_482)),
            ("1 Jan 2020", Some(1_577_893_482)),
            ("January 1, 2020", Some(1_577_893_482)),
            ("Jan 1 2020 12:00", Some(1_577_880_000)),
            ("Wed, 2020-Jan-01 12:00:00 +0000", Some(1_577_880_000)),
            ("2020-01-01 12:00 UTC", Some(1_577_880_000)),
            ("12:00", Some(1_796_212_800)),
            ("2020-13-01", None),
            ("01/02/2020", None),
            ("yesterday", None),
            ("Feb 30 2020", None),
        ] {
            assert_eq!(date(text, NOW, 0), want, "{text}");
        }
    }

    #[test]
    fn reads_a_wall_clock_time_at_the_offset_of_now() {
        // What Debian's explain gave under TZ=America/New_York (-0500 in December) and
        // TZ=Asia/Kolkata (+0530): July too at -0500, a written zone ignored, `12:00`
        // on the local today (already December 3 in Kolkata at 23:44 UTC).
        let (new_york, kolkata) = (-5 * 3600, 5 * 3600 + 1800);
        for (text, now, offset, want) in [
            ("2020-01-01 12:00", NOW, new_york, 1_577_898_000),
            ("2020-07-01 12:00", NOW, new_york, 1_593_622_800),
            ("Wed, 2020-Jan-01 12:00:00 +0000", NOW, new_york, 1_577_898_000),
            ("2020-01-01 12:00 UTC", NOW, kolkata, 1_577_860_200),
            ("12:00", NOW, new_york, 1_796_230_800),
            ("12:00", NOW + 8 * 3600, kolkata, 1_796_279_400),
            ("Jan 1 2020", NOW + 8 * 3600, kolkata, 1_577_835_882),
        ] {
            assert_eq!(date(text, now, offset), Some(want), "{text} at {offset}");
        }
    }

    #[test]
    fn reads_seconds_and_the_special_values() {
        assert_eq!(time("1.5", 9), Some((1, 500_000_000)));
        assert_eq!(time("0x10", 9), Some((16, 0)));
        assert_eq!(time("1e9", 6), Some((1_000_000_000, 0)));
        assert_eq!(time("UTIME_OMIT", 9), Some((0, libc::UTIME_OMIT)));
        assert_eq!(time("bogus", 9), None);
    }
}
