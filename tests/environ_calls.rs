//! setenv, unsetenv, putenv, iconv_open, iconv and iconv_close explained on real
//! failures: a name with '=' refused by glibc's setenv, a character set glibc does not
//! know, invalid UTF-8 stopping a real conversion (offset and bytes asserted), a real
//! output buffer too small, and (iconv_t) -1 given to iconv_close.
#[macro_use]
mod common;
use common::*;
use libc::{c_char, c_int, size_t};
use std::ffi::CString;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

#[test]
fn setenv_einval_says_where_the_equals_sign_is_and_what_was_meant() {
    let _serial = serial();
    let (name, value) = (c("LANG=C"), c("UTF-8"));
    // SAFETY: both are C strings; glibc refuses the name before touching the environment.
    let r = unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) };
    assert_eq!(r, -1);
    let e = common::errno();
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_setenv(e, name.as_ptr(), value.as_ptr(), 1));
    assert_facts(&msg, &[
        "setenv(name = \"LANG=C\", value = \"UTF-8\", overwrite = 1) failed",
        "(22, EINVAL)",
        "at byte 4",
        "to set \"LANG\" to \"UTF-8\", pass \"LANG\" alone as the name",
    ]);
}

#[test]
fn unsetenv_einval_for_an_empty_or_null_name_says_which() {
    let _serial = serial();
    let empty = c("");
    // SAFETY: a C string.
    assert_eq!(unsafe { libc::unsetenv(empty.as_ptr()) }, -1);
    let e = common::errno();
    let msg = explained!(explain_message_errno_unsetenv(e, empty.as_ptr()));
    assert_facts(&msg, &["unsetenv(name = \"\") failed", "name is the empty string"]);
    let msg = explained!(explain_message_errno_unsetenv(libc::EINVAL, std::ptr::null()));
    assert_facts(&msg, &["unsetenv(name = NULL) failed", "name is the NULL pointer"]);
}

#[test]
fn putenv_enomem_gives_the_size_of_the_environment() {
    let _serial = serial();
    let s = c("A=B");
    let msg = explained!(explain_message_errno_putenv(libc::ENOMEM, s.as_ptr()));
    let count = std::env::vars_os().count();
    assert_facts(&msg, &["putenv(string = \"A=B\") failed", "(12, ENOMEM)", &format!("the environment holds {count} variable")]);
}

#[test]
fn putenv_without_equals_says_it_removes_instead() {
    let _serial = serial();
    let s = c("NO_SUCH_VARIABLE_HERE");
    let msg = explained!(explain_message_errno_putenv(libc::EINVAL, s.as_ptr()));
    assert_facts(&msg, &["contains no equals sign", "removes that variable", "no variable of that name is set"]);
    // PATH is set in every test run.
    let s = c("PATH");
    let msg = explained!(explain_message_errno_putenv(libc::EINVAL, s.as_ptr()));
    assert_facts(&msg, &["string \"PATH\" contains no equals sign", "a variable of that name is set at present"]);
}

#[test]
fn iconv_open_einval_names_the_unknown_charset_and_the_nearest_known_one() {
    let _serial = serial();
    let (to, from) = (c("UTF-9"), c("latin1"));
    // SAFETY: C strings.
    let cd = unsafe { libc::iconv_open(to.as_ptr(), from.as_ptr()) };
    assert_eq!(cd as usize, usize::MAX);
    let e = common::errno();
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_iconv_open(e, to.as_ptr(), from.as_ptr()));
    assert_facts(&msg, &[
        "iconv_open(tocode = \"UTF-9\", fromcode = \"latin1\") failed",
        "tocode (\"UTF-9\") is not a character set iconv knows",
        "perhaps \"UTF-8\" was meant",
    ]);
    assert!(!msg.contains("fromcode (\"latin1\") is not"), "{msg}");
    // A name only the gconv-modules files list (KOI8-R), misspelt.
    let (to, from) = (c("UTF-8"), c("KOI9-R"));
    let msg = explained!(explain_message_errno_iconv_open(libc::EINVAL, to.as_ptr(), from.as_ptr()));
    assert_facts(&msg, &["fromcode (\"KOI9-R\") is not a character set", "perhaps \"KOI8-R\" was meant"]);
}

/// One conversion of `input` through explain's own iconv (as _or_die and _on_error
/// perform it) into `room` bytes; returns the result, errno and the explanation.
fn convert(to: &str, from: &str, input: &[u8], room: usize) -> (size_t, c_int, String, usize) {
    let (to, from) = (c(to), c(from));
    // SAFETY: C strings; the descriptor is closed below.
    let cd = unsafe { libc::iconv_open(to.as_ptr(), from.as_ptr()) };
    assert_ne!(cd as usize, usize::MAX);
    let mut inb = input.to_vec();
    let mut out = vec![0u8; room];
    let (mut ip, mut il) = (inb.as_mut_ptr() as *mut c_char, inb.len());
    let (mut op, mut ol) = (out.as_mut_ptr() as *mut c_char, out.len());
    // SAFETY: the pointers and counts describe the two buffers above.
    let r = unsafe { explain::perform::iconv(cd, &mut ip, &mut il, &mut op, &mut ol) };
    let e = common::errno();
    let msg = explained!(explain_message_errno_iconv(e, cd, &mut ip, &mut il, &mut op, &mut ol));
    // SAFETY: our descriptor, closed once.
    unsafe { libc::iconv_close(cd) };
    (r, e, msg, il)
}

#[test]
fn iconv_eilseq_on_invalid_utf8_gives_the_offset_and_the_bytes() {
    let _serial = serial();
    let (r, e, msg, left) = convert("ISO-8859-1", "UTF-8", b"caf\xc3\xa9 \xff\xfe tail", 64);
    assert_eq!((r, e), (usize::MAX, libc::EILSEQ));
    assert_eq!(left, 7);
    assert_facts(&msg, &[
        "(84, EILSEQ)",
        "inbytesleft = { 7 }",
        "byte 6 of the input",
        "0xff 0xfe 0x20 0x74",
        "not a valid character of \"UTF-8\"",
        "7 bytes of input are left",
    ]);
}

#[test]
fn iconv_eilseq_on_a_character_the_target_lacks_says_so() {
    let _serial = serial();
    // U+20AC (the euro sign) exists in UTF-8 but not in ISO-8859-1.
    let (_, e, msg, _) = convert("ISO-8859-1", "UTF-8", "ab€".as_bytes(), 64);
    assert_eq!(e, libc::EILSEQ);
    assert_facts(&msg, &["byte 2 of the input", "0xe2 0x82 0xac", "a valid \"UTF-8\" character that \"ISO-8859-1\"", "//TRANSLIT"]);
}

#[test]
fn iconv_einval_on_a_cut_character_gives_its_bytes() {
    let _serial = serial();
    let (_, e, msg, _) = convert("UTF-16LE", "UTF-8", b"ok\xe2\x82", 64);
    assert_eq!(e, libc::EINVAL);
    assert_facts(&msg, &["the input ends with 2 bytes", "byte 2 of the input", "(0xe2 0x82)", "multibyte character of \"UTF-8\""]);
}

#[test]
fn iconv_e2big_gives_the_room_left_and_the_input_left() {
    let _serial = serial();
    let (_, e, msg, left) = convert("UTF-16LE", "UTF-8", b"hello, world", 8);
    assert_eq!(e, libc::E2BIG);
    assert_eq!(left, 8);
    assert_facts(&msg, &["(7, E2BIG)", "*outbytesleft is 0 bytes", "8 bytes of input remain"]);
}

#[test]
fn iconv_close_ebadf_on_the_result_of_a_failed_iconv_open() {
    let _serial = serial();
    let (to, from) = (c("NO-SUCH-CHARSET"), c("UTF-8"));
    // SAFETY: C strings.
    let cd = unsafe { libc::iconv_open(to.as_ptr(), from.as_ptr()) };
    // SAFETY: glibc checks for (iconv_t) -1 before using the descriptor.
    assert_eq!(unsafe { libc::iconv_close(cd) }, -1);
    let e = common::errno();
    assert_eq!(e, libc::EBADF);
    let msg = explained!(explain_message_errno_iconv_close(e, cd));
    assert_facts(&msg, &["iconv_close(cd = 0xFFFFFFFFFFFFFFFF) failed", "(iconv_t) -1", "result was not checked"]);
}

#[test]
fn the_command_takes_libexplains_left_out_arguments() {
    let _serial = serial();
    assert_facts(&explain(&["-e", "EINVAL", "setenv", "A=B"]), &["setenv(name = \"A=B\", value = NULL, overwrite = 1) failed", "call setenv(\"A\", \"B\", 1)"]);
    assert_facts(&explain(&["-e", "EINVAL", "iconv_open", "UTF-9"]), &["iconv_open(tocode = \"UTF-9\", fromcode = \"\") failed"]);
    assert_facts(&explain(&["-e", "E2BIG", "iconv", "1", "2", "3", "4", "5"]), &["inbytesleft = { 3 }", "outbytesleft = { 5 }", "*outbytesleft is 5 bytes"]);
}

#[test]
fn setenv_enomem_under_rlimit_as_names_the_request_and_the_environment() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // A 64 MiB value made first; then the address space is capped 16 MiB above
        // what the process uses, so setenv cannot copy it.
        let value = CString::new(vec![b'x'; 64 << 20]).unwrap();
        let name = c("EXPLAIN_TEST_BIG");
        let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
        let pages: u64 = statm.split_whitespace().next().unwrap().parse().unwrap();
        let lim = libc::rlimit { rlim_cur: pages * 4096 + (16 << 20), rlim_max: libc::RLIM_INFINITY };
        // SAFETY: plain calls in the child.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            if libc::setenv(name.as_ptr(), value.as_ptr(), 1) == 0 {
                return;
            }
            let e = *libc::__errno_location();
            explain::abi::boundary::explain_message_errno_setenv(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, name.as_ptr(), value.as_ptr(), 1);
        }
    });
    // strlen(name) + strlen(value) + 2 = 16 + 67108864 + 2.
    assert_facts(&msg, &["(12, ENOMEM)", "strlen(name) + strlen(value) + 2 = 67108882 bytes (64 MiB)", "(RLIMIT_AS)", "already uses", "the environment holds"]);
}

#[test]
fn iconv_ebadf_says_what_cd_is_instead() {
    let _serial = serial();
    let zeros = [0usize; 8];
    let (mut ip, mut il) = (std::ptr::null_mut::<c_char>(), 0usize);
    let not_one = zeros.as_ptr() as libc::iconv_t;
    let msg = explained!(explain_message_errno_iconv(libc::EBADF, not_one, &mut ip, &mut il, std::ptr::null_mut(), std::ptr::null_mut()));
    assert_facts(&msg, &["(9, EBADF)", "does not point at a conversion descriptor", "outbuf = NULL"]);
    let wild = 0x10 as libc::iconv_t;
    let msg = explained!(explain_message_errno_iconv_close(libc::EBADF, wild));
    assert_facts(&msg, &["iconv_close(cd = 0x00000010) failed", "cd 0x10 points at memory the process cannot read"]);
}
