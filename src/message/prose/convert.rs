//! The string conversions (strtol(3) and the rest, strcoll(3)): a value beyond its
//! type's range, an invalid base, a text with no number, a string the collation cannot
//! read.

use crate::message::Message;
use crate::probe::locale::Locale;
use core::fmt::Write as _;

/// The limit a value was beyond: its name (`LONG_MAX`, `DBL_MIN`) and its value.
pub struct Limit {
    pub name: &'static str,
    pub value: LimitValue,
}

pub enum LimitValue {
    Int(i128),
    Float(f64),
    /// long double's, which Rust has no type for, as C prints it.
    Text(&'static str),
}

fn limit(m: &mut Message, l: &Limit) {
    m.text(l.name);
    m.text(" (");
    match l.value {
        LimitValue::Int(v) => {
            let _ = write!(m, "{v}");
        }
        LimitValue::Float(v) => crate::decode::format::write_float(m, v),
        LimitValue::Text(t) => m.text(t),
    }
    m.text(")");
}

/// ERANGE: `text` is beyond `limit` (`greater` says which side).
pub fn out_of_range(m: &mut Message, text: &[u8], greater: bool, limit: &Limit, result: &str) {
    m.because();
    m.text("the value of ");
    m.quoted(text);
    m.text(if greater { " is greater than " } else { " is less than " });
    self::limit(m, limit);
    let _ = write!(m, ", the {} value the type can hold, so the call returns {result}", if greater { "largest" } else { "smallest" });
}

/// ERANGE for a floating value too close to zero.
pub fn underflow(m: &mut Message, text: &[u8], limit: &Limit) {
    m.because();
    m.text("the value of ");
    m.quoted(text);
    m.text(" is closer to zero than ");
    self::limit(m, limit);
    m.text(", the smallest normal value the type can hold, so the call returns 0 or a denormal value with less precision");
}

/// ERANGE given, yet the text's value is within the range.
pub fn in_range(m: &mut Message, text: &[u8], low: &Limit, high: &Limit) {
    m.because();
    m.text("the number must lie between ");
    limit(m, low);
    m.text(" and ");
    limit(m, high);
    m.note();
    m.text("the text ");
    m.quoted(text);
    m.text(" is within that range");
}

/// EINVAL: a base the call does not take.
pub fn bad_base(m: &mut Message, base: i32) {
    m.because();
    let _ = write!(m, "base is {base}, and the base must be 0 (decided by the text: a 0x prefix for 16, a leading 0 for 8, else 10) or between 2 and 36");
}

/// EINVAL: no digits at the start of `nptr`; endptr is left at nptr, whose first
/// character is `rest`'s.
pub fn no_digits(m: &mut Message, rest: &[u8], base: Option<u32>) {
    m.because();
    m.text("nptr does not start with a number");
    if let Some(b) = base {
        let _ = write!(m, " in base {b}");
    }
    m.text(", so nothing is converted and endptr is left pointing at nptr itself");
    match rest.first() {
        None => m.text(", which is empty (or only white space)"),
        Some(_) => {
            m.text(", at the first character that is not part of a number: ");
            let n = rest.iter().position(|&c| c == 0).unwrap_or(rest.len()).min(24);
            m.quoted(&rest[..n]);
        }
    }
}

/// Where endptr is left: after the number, at `rest`.
pub fn endptr_after(m: &mut Message, rest: &[u8]) {
    if rest.is_empty() {
        m.text("; endptr is left at the end of the text");
        return;
    }
    m.text("; endptr is left at the first character that is not part of the number: ");
    m.quoted(&rest[..rest.len().min(24)]);
}

/// strcoll EINVAL: `arg` has at `offset` a byte the collation cannot read.
pub fn not_in_charset(m: &mut Message, arg: &str, offset: usize, byte: u8, l: &Locale) {
    m.because();
    let _ = write!(m, "{arg} holds at offset {offset} the byte 0x{byte:02X}, which does not begin a valid character in ");
    collation(m, l);
}

/// strcoll EINVAL when both strings read as valid text.
pub fn unsupported_by_collation(m: &mut Message, l: &Locale) {
    m.because();
    m.text("a character of s1 or s2 is outside what the collation of ");
    collation(m, l);
    m.text(" defines");
    m.note();
    m.text("both strings are valid text in that character set");
}

fn collation(m: &mut Message, l: &Locale) {
    m.text("the locale's LC_COLLATE ");
    m.quoted(l.name);
    m.text(" (character set ");
    m.raw(l.codeset);
    m.text(")");
}
