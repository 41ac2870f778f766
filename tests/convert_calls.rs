//! strtol and the other conversions explained on real failures of libc's own
//! functions: text that overflows long, long long and unsigned long long, a double that
//! overflows or underflows, a float, a long double beyond its range, an invalid base;
//! strcoll's EINVAL with the collation's locale; and the explain command's echo, which
//! must be libexplain's (defaults included).
#[macro_use]
mod common;
use common::*;
use libc::c_char;
use std::ffi::CString;

extern "C" {
    fn strtold(nptr: *const c_char, endptr: *mut *mut c_char) -> f64;
}

/// Runs `f` with errno cleared and returns the errno it left.
fn errno_after(f: impl FnOnce()) -> i32 {
    // SAFETY: the thread's own errno.
    unsafe { *libc::__errno_location() = 0 };
    f();
    errno()
}

#[test]
fn strtol_of_overflowing_text_names_the_digits_and_long_max() {
    let s = CString::new("  99999999999999999999 apples").unwrap();
    let mut end: *mut c_char = std::ptr::null_mut();
    // SAFETY: NUL-terminated text, end is writable.
    let e = errno_after(|| unsafe {
        libc::strtol(s.as_ptr(), &mut end, 10);
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtol(e, s.as_ptr(), &mut end, 10));
    assert_facts(
        &msg,
        &[
            "strtol(nptr = \"  99999999999999999999 apples\", endptr = 0x",
            "base = 10) failed",
            "ERANGE",
            "the value of \"99999999999999999999\" is greater than LONG_MAX (9223372036854775807)",
            "returns LONG_MAX",
            "endptr is left at the first character that is not part of the number: \" apples\"",
        ],
    );
}

#[test]
fn strtoll_below_llong_min_and_strtoull_beyond_ullong_max() {
    let s = CString::new("-0x8000000000000001").unwrap();
    // SAFETY: NUL-terminated text, NULL endptr.
    let e = errno_after(|| unsafe {
        libc::strtoll(s.as_ptr(), std::ptr::null_mut(), 0);
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtoll(e, s.as_ptr(), std::ptr::null_mut(), 0));
    assert_facts(&msg, &["endptr = NULL, base = 0", "\"-0x8000000000000001\" is less than LLONG_MIN (-9223372036854775808)"]);
    let s = CString::new("18446744073709551616").unwrap();
    // SAFETY: as above.
    let e = errno_after(|| unsafe {
        libc::strtoull(s.as_ptr(), std::ptr::null_mut(), 10);
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtoull(e, s.as_ptr(), std::ptr::null_mut(), 10));
    assert_facts(&msg, &["is greater than ULLONG_MAX (18446744073709551615)"]);
    // One less fits: explained with errno given, the note says it is within range.
    let s = CString::new("18446744073709551615").unwrap();
    let msg = explained!(explain_message_errno_strtoul(libc::ERANGE, s.as_ptr(), std::ptr::null_mut(), 10));
    assert_facts(&msg, &["between 0 (0) and ULONG_MAX (18446744073709551615)", "at present", "is within that range"]);
}

#[test]
fn strtol_with_an_invalid_base_says_which_bases_are_valid() {
    let s = CString::new("12").unwrap();
    // SAFETY: NUL-terminated text.
    let e = errno_after(|| unsafe {
        libc::strtol(s.as_ptr(), std::ptr::null_mut(), 99);
    });
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_strtoul(e, s.as_ptr(), std::ptr::null_mut(), 99));
    assert_facts(&msg, &["base = 99) failed", "EINVAL", "base is 99", "between 2 and 36"]);
}

#[test]
fn strtol_of_text_without_digits_says_where_endptr_points() {
    let s = CString::new("  zebra").unwrap();
    let mut end: *mut c_char = std::ptr::null_mut();
    // SAFETY: NUL-terminated text, end is writable. glibc sets no errno here; the
    // explanation is asked for with EINVAL, as the man page allows.
    unsafe { libc::strtol(s.as_ptr(), &mut end, 10) };
    assert_eq!(end as usize, s.as_ptr() as usize, "no conversion: endptr is nptr");
    let msg = explained!(explain_message_errno_strtol(libc::EINVAL, s.as_ptr(), &mut end, 10));
    assert_facts(&msg, &["does not start with a number in base 10", "endptr is left pointing at nptr", "\"zebra\""]);
}

#[test]
fn strtod_overflow_and_underflow_name_dbl_max_and_dbl_min() {
    let big = CString::new("-1e400").unwrap();
    // SAFETY: NUL-terminated text.
    let e = errno_after(|| unsafe {
        libc::strtod(big.as_ptr(), std::ptr::null_mut());
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtod(e, big.as_ptr(), std::ptr::null_mut()));
    assert_facts(&msg, &["strtod(nptr = \"-1e400\", endptr = NULL) failed", "\"-1e400\" is less than -DBL_MAX (-1.79769313486232e+308)", "-HUGE_VAL"]);
    let tiny = CString::new("1e-400").unwrap();
    // SAFETY: as above.
    let e = errno_after(|| unsafe {
        libc::strtod(tiny.as_ptr(), std::ptr::null_mut());
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtod(e, tiny.as_ptr(), std::ptr::null_mut()));
    assert_facts(&msg, &["\"1e-400\" is closer to zero than DBL_MIN (2.2250738585072e-308)"]);
}

#[test]
fn strtof_and_strtold_use_their_own_limits() {
    let s = CString::new("3.5e38").unwrap();
    // SAFETY: NUL-terminated text.
    let e = errno_after(|| unsafe {
        libc::strtof(s.as_ptr(), std::ptr::null_mut());
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtof(e, s.as_ptr(), std::ptr::null_mut()));
    assert_facts(&msg, &["is greater than FLT_MAX (3.40282346638529e+38)", "HUGE_VALF"]);
    let s = CString::new("1e5000").unwrap();
    // SAFETY: NUL-terminated text (the long double result is not looked at).
    let e = errno_after(|| unsafe {
        strtold(s.as_ptr(), std::ptr::null_mut());
    });
    assert_eq!(e, libc::ERANGE);
    let msg = explained!(explain_message_errno_strtold(e, s.as_ptr(), std::ptr::null_mut()));
    assert_facts(&msg, &["is greater than LDBL_MAX (1.18973149535723e+4932)", "HUGE_VALL"]);
}

#[test]
fn strcoll_einval_names_the_string_the_offset_and_the_collation() {
    let s1 = CString::new("abc").unwrap();
    let s2 = CString::new(b"ab\xe9".to_vec()).unwrap();
    let msg = explained!(explain_message_errno_strcoll(libc::EINVAL, s1.as_ptr(), s2.as_ptr()));
    assert_facts(&msg, &["strcoll(s1 = \"abc\", s2 = ", "EINVAL", "s2 holds at offset 2 the byte 0xE9", "LC_COLLATE \"C\"", "ANSI_X3.4-1968"]);
}

#[test]
fn the_command_echoes_as_libexplains_does_with_defaults() {
    let out = explain(&["-e", "ERANGE", "strtol", "999999999999999999999", "0", "10"]);
    assert!(out.starts_with("strtol(nptr = \"999999999999999999999\", endptr = NULL, base = 10) failed"), "{out}");
    // Left out: endptr is a buffer of the command's own, base is 0.
    let out = explain(&["-e", "ERANGE", "strtoull", "1"]);
    assert!(out.starts_with("strtoull(nptr = \"1\", endptr = 0x"), "{out}");
    assert_facts(&out, &[", base = 0) failed"]);
    // Two arguments are nptr and base, as libexplain's command reads them; a 0x text
    // is the text, not an address.
    let out = explain(&["-e", "ERANGE", "strtol", "0x1f", "16"]);
    assert!(out.starts_with("strtol(nptr = \"0x1f\", endptr = 0x"), "{out}");
    assert_facts(&out, &[", base = 16) failed"]);
    let out = explain(&["-e", "ERANGE", "strtod", "1e999"]);
    assert_facts(&out, &["strtod(nptr = \"1e999\", endptr = 0x", ") failed", "DBL_MAX"]);
    let out = explain(&["-e", "EINVAL", "strcoll", "a", "b"]);
    assert!(out.starts_with("strcoll(s1 = \"a\", s2 = \"b\") failed"), "{out}");
}
