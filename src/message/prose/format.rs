//! Formatted output (printf(3) and its family): output too long for the int result, a
//! wide character the locale cannot write, a format with no wide conversion.

use crate::decode::format::Field;
use crate::message::Message;
use crate::probe::locale::{Locale, Unconvertible};
use core::fmt::Write as _;

/// EOVERFLOW: the output would be longer than an int can count.
pub fn too_long(m: &mut Message, length: u64, widest: Option<&Field>) {
    m.because();
    let _ = write!(m, "the formatted output would be at least {length} byte{} long", if length == 1 { "" } else { "s" });
    if length <= i32::MAX as u64 {
        // The arguments' own share (long strings, a `*` width) could not be seen.
        m.text(" before the arguments' own text and any `*` widths are counted");
    }
    m.text(", and the call returns its length as an int, which cannot count more than ");
    m.maximum("INT_MAX", i32::MAX as u64, "bytes");
    if let Some(f) = widest.filter(|f| f.size > 0) {
        m.text("; the widest field is ");
        m.quoted(f.spec());
        let _ = write!(m, " at offset {} of the format, {} characters", f.at, f.size);
    }
}

fn locale(m: &mut Message, l: &Locale) {
    m.text("the character set of the locale's LC_CTYPE ");
    m.quoted(l.name);
    m.text(" (");
    m.raw(l.codeset);
    m.text(")");
}

/// EILSEQ: a wide character of an argument that has no multibyte form.
pub fn unconvertible(m: &mut Message, u: &Unconvertible, l: &Locale) {
    m.because();
    let _ = write!(m, "variadic argument {} (", u.position);
    m.text(if u.conv == b'c' { "%lc" } else { "%ls" });
    m.text(") ");
    if let Some(i) = u.index {
        let _ = write!(m, "holds at index {i} ");
    } else {
        m.text("is ");
    }
    let _ = write!(m, "the wide character U+{:04X}, which has no multibyte form in ", u.wc);
    locale(m, l);
    m.text(", so it cannot be written; the program should set a locale that can (setlocale(LC_ALL, \"\") with a UTF-8 LANG)");
}

/// EILSEQ when no argument could be seen to be the culprit.
pub fn no_culprit_seen(m: &mut Message, has_wide: bool, l: &Locale) {
    m.because();
    if has_wide {
        m.text("a wide-character conversion (%lc, %ls, %C or %S) of the format met a character with no multibyte form in ");
    } else {
        m.text("the format has no wide-character conversion (%lc, %ls, %C, %S), so no argument should need converting to ");
    }
    locale(m, l);
}

/// After a size counted from the format alone (the v* forms): what it leaves out.
pub fn format_only(m: &mut Message) {
    m.text("; that size counts the format's own text and field widths only: the arguments, passed as a va_list, cannot be examined after the call, and add their own length");
}
