//! Error numbers: names, texts, and parsing them back from what a user types.

use crate::decode::Entry;

/// Every errno Linux defines, in numeric order (generated from errno.in).
pub static TABLE: &[Entry] = include!(concat!(env!("OUT_DIR"), "/errno.rs"));

/// Names that are aliases of another errno on Linux.
const ALIASES: &[(&str, i32)] =
    &[("EWOULDBLOCK", libc::EWOULDBLOCK), ("EDEADLOCK", libc::EDEADLOCK), ("ENOTSUP", libc::ENOTSUP)];

fn entry(errnum: i32) -> Option<&'static Entry> {
    TABLE.binary_search_by_key(&(errnum as i64), |e| e.value).ok().map(|i| &TABLE[i])
}

/// The symbol of `errnum` (`ENOENT`), if Linux defines it.
pub fn name(errnum: i32) -> Option<&'static str> {
    entry(errnum).map(|e| e.name)
}

/// The text for `errnum`: the C library's (translated) wording unless `internal` asks for
/// ours; an unknown number gets a sentence that says so, with the number.
pub fn text(errnum: i32, internal: bool, buf: &mut [u8; 256]) -> &[u8] {
    if !internal {
        if let Some(n) = system_text(errnum, buf) {
            return &buf[..n];
        }
    }
    match entry(errnum) {
        Some(e) => e.text.as_bytes(),
        None => {
            let mut m = crate::message::Message::new(&mut buf[..]);
            m.text("unknown error ");
            m.number(errnum as i64);
            let n = m.finish();
            &buf[..n]
        }
    }
}

/// The C library's text, through the thread-safe XSI strerror_r; None for numbers it
/// does not know (it answers "Unknown error N", which we word ourselves).
fn system_text(errnum: i32, buf: &mut [u8; 256]) -> Option<usize> {
    entry(errnum)?;
    let saved = crate::abi::errno();
    // SAFETY: buf is writable for its length; the XSI variant always NUL-terminates.
    let rc = unsafe { libc::strerror_r(errnum, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    crate::abi::set_errno(saved);
    if rc != 0 {
        return None;
    }
    buf.iter().position(|&c| c == 0)
}

/// Parses an errno written as a name (`ENOENT`, `enoent`), a number (`2`) or its text
/// (`No such file or directory`, any case).
pub fn parse(s: &str) -> Option<i32> {
    let s = s.trim();
    if let Ok(n) = s.parse::<i32>() {
        return Some(n);
    }
    let upper = s.to_ascii_uppercase();
    if let Some(e) = TABLE.iter().find(|e| e.name == upper) {
        return Some(e.value as i32);
    }
    if let Some((_, v)) = ALIASES.iter().find(|(n, _)| *n == upper) {
        return Some(*v);
    }
    TABLE.iter().find(|e| e.text.eq_ignore_ascii_case(s)).map(|e| e.value as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_linux_errno_has_a_name_and_text() {
        for n in 1..=133 {
            if n == 41 || n == 58 {
                continue; // numbers Linux leaves unused
            }
            assert!(name(n).is_some(), "errno {n}");
        }
        assert_eq!(name(libc::ENOENT), Some("ENOENT"));
    }

    #[test]
    fn parses_names_numbers_and_texts() {
        assert_eq!(parse("ENOENT"), Some(libc::ENOENT));
        assert_eq!(parse("enoent"), Some(libc::ENOENT));
        assert_eq!(parse("2"), Some(2));
        assert_eq!(parse("No such file or directory"), Some(libc::ENOENT));
        assert_eq!(parse("EWOULDBLOCK"), Some(libc::EAGAIN));
        assert_eq!(parse("no such thing"), None);
    }

    #[test]
    fn unknown_numbers_are_worded_with_the_number() {
        let mut buf = [0u8; 256];
        assert_eq!(text(-5, false, &mut buf), b"unknown error -5");
    }
}
