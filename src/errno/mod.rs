//! Error numbers: names, texts, and parsing them back from what a user types.

use crate::decode::Entry;

/// Every errno Linux defines, in numeric order (generated from errno.in).
pub static TABLE: &[Entry] = include!(concat!(env!("OUT_DIR"), "/errno.rs"));

/// Names that are aliases of another errno on Linux.
const ALIASES: &[(&str, i32)] =
    &[("EWOULDBLOCK", libc::EWOULDBLOCK), ("EDEADLOCK", libc::EDEADLOCK), ("ENOTSUP", libc::ENOTSUP)];

fn entry(errnum: i32) -> Option<&'static Entry> {
    // The table is dense from 1 up to the first number Linux leaves unused (41).
    if let Some(e) = TABLE.get((errnum as usize).wrapping_sub(1)).filter(|e| e.value == errnum as i64) {
        return Some(e);
    }
    TABLE.binary_search_by_key(&(errnum as i64), |e| e.value).ok().map(|i| &TABLE[i])
}

/// The symbol of `errnum` (`ENOENT`), if Linux defines it.
pub fn name(errnum: i32) -> Option<&'static str> {
    entry(errnum).map(|e| e.name)
}

/// The text for `errnum`: the C library's (translated) wording unless `internal` asks for
/// ours; an unknown number gets a sentence that says so, with the number.
/// `buf` is zeroed only when a text must be written into it: in the C locale every
/// known errno's text is a static string.
pub fn text(errnum: i32, internal: bool, buf: &mut core::mem::MaybeUninit<[u8; 256]>) -> &[u8] {
    if !internal {
        if let Some(text) = untranslated_text(errnum) {
            return text;
        }
    }
    let buf = buf.write([0; 256]);
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

extern "C" {
    /// glibc 2.32: the untranslated description, from a static table.
    fn strerrordesc_np(errnum: libc::c_int) -> *const libc::c_char;
}

/// glibc's `_NL_LOCALE_NAME(LC_MESSAGES)`: the name of the calling thread's messages locale.
const MESSAGES_LOCALE_NAME: libc::nl_item = (libc::LC_MESSAGES << 16) | 0xffff;

/// What strerror_r would say when the thread's messages locale is "C" or "POSIX" (most
/// daemons never call setlocale): gettext translates nothing there and ignores
/// LANGUAGE, so the text is glibc's own, which strerrordesc_np returns without the
/// catalogue lookup and its lock (about half the cost of explaining EBADF).
fn untranslated_text(errnum: i32) -> Option<&'static [u8]> {
    entry(errnum)?;
    // SAFETY: nl_langinfo is MT-safe and returns a string of the thread's locale;
    // strerrordesc_np returns NULL or a static string.
    unsafe {
        let name = libc::nl_langinfo(MESSAGES_LOCALE_NAME);
        if name.is_null() || !matches!(core::ffi::CStr::from_ptr(name).to_bytes(), b"C" | b"POSIX") {
            return None;
        }
        let text = strerrordesc_np(errnum);
        (!text.is_null()).then(|| core::ffi::CStr::from_ptr(text).to_bytes())
    }
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

    /// strerror_r itself, for comparison.
    fn c_library_text(n: i32) -> Vec<u8> {
        let mut b = [0u8; 256];
        unsafe { libc::strerror_r(n, b.as_mut_ptr() as *mut libc::c_char, b.len()) };
        b[..b.iter().position(|&c| c == 0).unwrap()].to_vec()
    }

    #[test]
    fn in_the_c_locale_the_shortcut_says_what_strerror_r_says() {
        // The test harness never calls setlocale: the C locale.
        for n in TABLE.iter().map(|e| e.value as i32) {
            assert_eq!(untranslated_text(n).map(<[u8]>::to_vec), Some(c_library_text(n)), "errno {n}");
        }
    }

    #[test]
    fn another_messages_locale_goes_through_strerror_r() {
        std::thread::spawn(|| unsafe {
            let loc = libc::newlocale(libc::LC_ALL_MASK, b"C.UTF-8\0".as_ptr() as *const libc::c_char, core::ptr::null_mut());
            assert!(!loc.is_null());
            let old = libc::uselocale(loc);
            assert_eq!(untranslated_text(libc::ENOENT), None);
            let mut buf = core::mem::MaybeUninit::uninit();
            assert_eq!(text(libc::ENOENT, false, &mut buf), &c_library_text(libc::ENOENT)[..]);
            libc::uselocale(old);
            libc::freelocale(loc);
        })
        .join()
        .unwrap();
    }

    #[test]
    fn unknown_numbers_are_worded_with_the_number() {
        let mut buf = core::mem::MaybeUninit::uninit();
        assert_eq!(text(-5, false, &mut buf), b"unknown error -5");
    }
}
