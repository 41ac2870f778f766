//! What the strto* functions make of a text: where the number starts and ends (where
//! endptr is left), in which base, and whether its value is beyond the type's range.
//! The text is read as glibc reads it in the "C" locale: leading white space, a sign,
//! a `0x` prefix for base 16 (and base 0), a leading `0` for octal under base 0.

/// A scanned number: `text[start..end]` is the number (sign included), `digits` the
/// span of its digits; `end` is where endptr is left (`0` when there is no number: the
/// call then leaves endptr at nptr).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scan {
    pub start: usize,
    pub end: usize,
    pub negative: bool,
    pub base: u32,
    pub digits: (usize, usize),
}

impl Scan {
    pub fn found(&self) -> bool {
        self.end > 0
    }
}

/// How a value stands against its type's range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    Within,
    /// Above the maximum (or, for a negative text, below the minimum).
    Over,
    /// Closer to zero than the smallest normal value (floating types).
    Under,
}

fn skip_space(b: &[u8]) -> usize {
    b.iter().take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)).count()
}

fn digit_value(c: u8) -> Option<u32> {
    (c as char).to_digit(36)
}

/// The integer in `b` as strtol(3) reads it with `base` (0, or 2 to 36).
pub fn integer(b: &[u8], base: i32) -> Scan {
    let start = skip_space(b);
    let mut i = start;
    let negative = b.get(i) == Some(&b'-');
    if matches!(b.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let mut base = base as u32;
    let hex_prefix = b.get(i) == Some(&b'0')
        && matches!(b.get(i + 1), Some(b'x' | b'X'))
        && b.get(i + 2).and_then(|&c| digit_value(c)).is_some_and(|d| d < 16);
    if (base == 0 || base == 16) && hex_prefix {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if b.get(i) == Some(&b'0') { 8 } else { 10 };
    }
    let first = i;
    while b.get(i).and_then(|&c| digit_value(c)).is_some_and(|d| d < base) {
        i += 1;
    }
    let end = if i > first { i } else { 0 };
    Scan { start, end, negative, base, digits: (first, i) }
}

/// The magnitude of the scanned digits, saturated at u128::MAX.
pub fn magnitude(b: &[u8], s: &Scan) -> u128 {
    b[s.digits.0..s.digits.1].iter().fold(0u128, |v, &c| {
        v.saturating_mul(s.base as u128).saturating_add(digit_value(c).unwrap_or(0) as u128)
    })
}

/// Whether the scanned integer fits a signed type whose maximum is `max`.
pub fn signed_range(b: &[u8], s: &Scan, max: u64) -> Range {
    let m = magnitude(b, s);
    let limit = if s.negative { max as u128 + 1 } else { max as u128 };
    if m > limit {
        Range::Over
    } else {
        Range::Within
    }
}

/// Whether it fits an unsigned type whose maximum is `max` (a negative text is negated
/// after the conversion, so only its magnitude counts).
pub fn unsigned_range(b: &[u8], s: &Scan, max: u64) -> Range {
    if magnitude(b, s) > max as u128 {
        Range::Over
    } else {
        Range::Within
    }
}

/// The floating number in `b` as strtod(3) reads it: decimal with an `e` exponent,
/// hexadecimal with a `p` exponent, `inf`, `infinity`, `nan`.
pub fn floating(b: &[u8]) -> Scan {
    let start = skip_space(b);
    let mut i = start;
    let negative = b.get(i) == Some(&b'-');
    if matches!(b.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let rest = &b[i..];
    for word in [&b"infinity"[..], b"inf", b"nan"] {
        if rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word) {
            return Scan { start, end: i + word.len(), negative, base: 10, digits: (i, i + word.len()) };
        }
    }
    let hex = rest.len() > 2 && rest[0] == b'0' && matches!(rest[1], b'x' | b'X');
    let (base, exp_mark) = if hex { (16, [b'p', b'P']) } else { (10, [b'e', b'E']) };
    if hex {
        i += 2;
    }
    let first = i;
    let mut seen = 0;
    let mut point = false;
    while let Some(&c) = b.get(i) {
        if c == b'.' && !point {
            point = true;
        } else if digit_value(c).is_some_and(|d| d < base) {
            seen += 1;
        } else {
            break;
        }
        i += 1;
    }
    if seen == 0 {
        return Scan { start, end: 0, negative, base, digits: (first, first) };
    }
    let digits = (first, i);
    if b.get(i).is_some_and(|c| exp_mark.contains(c)) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        if b.get(j).is_some_and(u8::is_ascii_digit) {
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            i = j;
        }
    }
    Scan { start, end: i, negative, base, digits }
}

/// The power of ten (or, for hexadecimal, of two) of the scanned number's leading
/// digit: 2 for "123.4", -3 for "0.001", 999 for "1e999". None when it is zero.
fn leading_exponent(b: &[u8], s: &Scan) -> Option<i64> {
    let digits = &b[s.digits.0..s.digits.1];
    let point = digits.iter().position(|&c| c == b'.').unwrap_or(digits.len());
    let lead = digits.iter().position(|&c| c != b'0' && c != b'.')?;
    let place = if lead < point { (point - lead - 1) as i64 } else { -((lead - point) as i64) };
    let after = &b[s.digits.1..s.end];
    let mut x = 0i64;
    if after.len() > 1 {
        let t = core::str::from_utf8(&after[1..]).ok()?;
        x = t.parse().unwrap_or(if t.starts_with('-') { i64::MIN / 8 } else { i64::MAX / 8 });
    }
    if s.base == 16 {
        // Hexadecimal digits and a power of two: log10(2) is 0.30103.
        return Some(place.saturating_mul(4).saturating_add(x).saturating_mul(30103) / 100000);
    }
    Some(place.saturating_add(x))
}

/// How the scanned floating number stands against a type whose largest value is
/// about 10^`max10` and smallest normal 10^`min10`. Exact for double and float (Rust's
/// own correctly rounded parse), by the exponent for long double and hexadecimal.
pub fn floating_range(b: &[u8], s: &Scan, bits: u32, max10: i64, min10: i64) -> Range {
    if !s.found() || s.base == 10 && b[s.digits.0..s.digits.1].iter().any(u8::is_ascii_alphabetic) {
        return Range::Within;
    }
    let text = core::str::from_utf8(&b[s.digits.0..s.end]).unwrap_or("");
    if s.base == 10 && bits != 80 {
        let (inf, zero_or_tiny) = match bits {
            32 => text.parse::<f32>().map_or((false, false), |v| (v.is_infinite(), v == 0.0 || v.is_subnormal())),
            _ => text.parse::<f64>().map_or((false, false), |v| (v.is_infinite(), v == 0.0 || v.is_subnormal())),
        };
        let nonzero = leading_exponent(b, s).is_some();
        return if inf {
            Range::Over
        } else if zero_or_tiny && nonzero {
            Range::Under
        } else {
            Range::Within
        };
    }
    match leading_exponent(b, s) {
        Some(e) if e > max10 => Range::Over,
        Some(e) if e < min10 => Range::Under,
        _ => Range::Within,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_scanned_as_strtol_reads_them() {
        let s = integer(b"  -0x1fz", 0);
        assert_eq!((s.start, s.end, s.negative, s.base), (2, 7, true, 16));
        let s = integer(b"0777", 0);
        assert_eq!((s.base, s.end), (8, 4));
        // "0x" not followed by a hexadecimal digit is the number 0 and an "x".
        let s = integer(b"0xg", 16);
        assert_eq!((s.base, s.end), (16, 1));
        assert!(!integer(b"  abc", 10).found());
        let b = b"9223372036854775808";
        assert_eq!(signed_range(b, &integer(b, 10), i64::MAX as u64), Range::Over);
        let b = b"-9223372036854775808";
        assert_eq!(signed_range(b, &integer(b, 10), i64::MAX as u64), Range::Within);
    }

    #[test]
    fn floating_text_is_judged_against_the_types_range() {
        let r = |t: &[u8], bits| floating_range(t, &floating(t), bits, 308, -308);
        assert_eq!(r(b"1e309", 64), Range::Over);
        assert_eq!(r(b"1.7e308", 64), Range::Within);
        assert_eq!(r(b"1e-320", 64), Range::Under);
        assert_eq!(r(b"0.000", 64), Range::Within);
        assert_eq!(r(b"inf", 64), Range::Within);
        assert_eq!(r(b"3.5e38", 32), Range::Over);
        assert_eq!(floating_range(b"1e5000", &floating(b"1e5000"), 80, 4931, -4932), Range::Over);
        assert_eq!(floating(b"1.5e+x").end, 3);
    }
}
