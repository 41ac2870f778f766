//! The calling thread's locale, asked without changing it (never setlocale): the name
//! of a category and its character set, and whether a wide character has a multibyte
//! form there. These are libc's (the locale is libc's state; no system call knows it).

use core::ffi::CStr;

/// glibc's `_NL_LOCALE_NAME(category)`: the name of the thread's locale for a category.
const fn locale_name_item(category: i32) -> libc::nl_item {
    (category << 16) | 0xffff
}

fn langinfo(item: libc::nl_item) -> &'static [u8] {
    // SAFETY: nl_langinfo is MT-safe for the thread's locale and returns a string that
    // lives until the locale changes, which this library never does; copied by callers
    // before they return.
    unsafe {
        let p = libc::nl_langinfo(item);
        if p.is_null() {
            b""
        } else {
            CStr::from_ptr(p).to_bytes()
        }
    }
}

/// The name of the thread's locale for `category` (`C`, `en_US.UTF-8`).
pub fn name(category: i32) -> &'static [u8] {
    langinfo(locale_name_item(category))
}

/// The character set of the thread's LC_CTYPE (`UTF-8`, `ANSI_X3.4-1968`).
pub fn codeset() -> &'static [u8] {
    langinfo(libc::CODESET)
}

/// Whether the wide character `wc` has a multibyte form in the thread's LC_CTYPE, as
/// printf's %lc and %ls need.
pub fn representable(wc: u32) -> bool {
    let mut out = [0u8; 16];
    // SAFETY: mbstate_t is plain data, zero is its initial state; `out` holds MB_LEN_MAX.
    let n = unsafe {
        let mut st: libc::mbstate_t = core::mem::zeroed();
        wcrtomb(out.as_mut_ptr() as *mut libc::c_char, wc as libc::wchar_t, &mut st)
    };
    n != usize::MAX
}

extern "C" {
    fn wcrtomb(s: *mut libc::c_char, wc: libc::wchar_t, ps: *mut libc::mbstate_t) -> usize;
}
