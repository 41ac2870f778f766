//! printf and its family explained on real failing states: fprintf to a stream on a
//! full tmpfs and to a pipe whose reader closed, a width beyond INT_MAX (EOVERFLOW), a
//! wide character the "C" locale cannot write (EILSEQ), asprintf under a real
//! RLIMIT_AS in a child process; and the echo of the variadic arguments, which must
//! be libexplain's.
#[macro_use]
mod common;
use common::*;
// The C functions live in the library: link it.
extern crate explain;
use libc::{c_char, c_int, c_void, FILE};
use std::ffi::CString;

// The variadic functions are C (build/variadic.rs); Rust may call them.
extern "C" {
    fn explain_message_errno_fprintf(message: *mut c_char, size: c_int, errnum: c_int, fp: *mut FILE, format: *const c_char, ...);
    fn explain_message_errno_printf(message: *mut c_char, size: c_int, errnum: c_int, format: *const c_char, ...);
    fn explain_message_errno_snprintf(
        message: *mut c_char,
        size: c_int,
        errnum: c_int,
        data: *mut c_char,
        data_size: usize,
        format: *const c_char,
        ...
    );
    fn explain_message_errno_asprintf(message: *mut c_char, size: c_int, errnum: c_int, data: *mut *mut c_char, format: *const c_char, ...);
    fn fprintf(fp: *mut FILE, format: *const c_char, ...) -> c_int;
    fn snprintf(s: *mut c_char, n: usize, format: *const c_char, ...) -> c_int;
    fn asprintf(strp: *mut *mut c_char, format: *const c_char, ...) -> c_int;
    static stdout: *mut FILE;
}

/// Calls a variadic explain function with a buffer of its own and returns the text.
macro_rules! variadic {
    ($f:ident($($a:expr),*)) => {{
        let mut out = [0u8; 4096];
        // SAFETY: out is writable for its length; the arguments match the format.
        unsafe { $f(out.as_mut_ptr() as *mut c_char, out.len() as c_int, $($a),*) };
        common::text(&out)
    }};
}

fn unbuffered(path: &std::path::Path) -> *mut FILE {
    // SAFETY: NUL-terminated strings; the stream is made unbuffered so that fprintf
    // itself meets the write error.
    unsafe {
        let fp = libc::fopen(cstr(path).as_ptr(), c"w".as_ptr());
        assert!(!fp.is_null());
        libc::setvbuf(fp, std::ptr::null_mut(), libc::_IONBF, 0);
        fp
    }
}

#[test]
fn fprintf_on_a_full_tmpfs_names_the_mount_and_echoes_the_arguments() {
    let _serial = serial();
    let d = Scratch::new("format-full");
    let t = Tmpfs::mount(&d.join("full"), "size=32k");
    let fp = unbuffered(&t.dir.join("log"));
    let line = CString::new("x".repeat(1000)).unwrap();
    let mut err = 0;
    for _ in 0..100 {
        // SAFETY: live stream, format and argument agree.
        if unsafe { fprintf(fp, c"%s %d\n".as_ptr(), line.as_ptr(), 7 as c_int) } < 0 {
            err = errno();
            break;
        }
    }
    assert_eq!(err, libc::ENOSPC, "the tmpfs should fill up");
    let s = CString::new("abc").unwrap();
    let msg = variadic!(explain_message_errno_fprintf(err, fp, c"%s=%d\n".as_ptr(), s.as_ptr(), 5 as c_int));
    let mount = t.dir.to_string_lossy().into_owned();
    assert_facts(&msg, &["fprintf(fp = 0x", "/full/log\", format = \"%s=%d\\n\", \"abc\", 5) failed", "ENOSPC", "\"tmpfs\"", &mount]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fprintf_to_a_pipe_whose_reader_closed_says_nobody_reads_it() {
    let _serial = serial();
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors; the read end is closed at once.
    let fp = unsafe {
        assert_eq!(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC), 0);
        libc::close(fds[0]);
        let fp = libc::fdopen(fds[1], c"w".as_ptr());
        libc::setvbuf(fp, std::ptr::null_mut(), libc::_IONBF, 0);
        fp
    };
    // SAFETY: live stream; SIGPIPE is ignored by the Rust test harness.
    let r = unsafe { fprintf(fp, c"%d\n".as_ptr(), 42 as c_int) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::EPIPE));
    let msg = variadic!(explain_message_errno_fprintf(e, fp, c"%d\n".as_ptr(), 42 as c_int));
    assert_facts(&msg, &["format = \"%d\\n\", 42) failed", "\"pipe\" is a pipe", "EPIPE", "no process has its read end open"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn a_width_beyond_int_max_is_eoverflow_with_the_field_and_the_limit() {
    let _serial = serial();
    let mut buf = [0 as c_char; 16];
    // SAFETY: buf has 16 bytes; glibc refuses the width before writing.
    let r = unsafe { snprintf(buf.as_mut_ptr(), buf.len(), c"id %2147483648d".as_ptr(), 3 as c_int) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::EOVERFLOW));
    let msg = variadic!(explain_message_errno_snprintf(e, buf.as_mut_ptr(), 16, c"id %2147483648d".as_ptr(), 3 as c_int));
    assert_facts(
        &msg,
        &["snprintf(data = 0x", "data_size = 16, format = \"id %2147483648d\", 3) failed", "EOVERFLOW", "2147483651 bytes", "INT_MAX (2147483647 bytes)", "\"%2147483648d\" at offset 3"],
    );
}

#[test]
fn a_wide_character_the_c_locale_cannot_write_is_eilseq_naming_it_and_the_locale() {
    let _serial = serial();
    let d = Scratch::new("format-ilseq");
    let fp = unbuffered(&d.join("out"));
    // SAFETY: live stream; %lc takes a wint_t. The test process never sets a locale.
    let r = unsafe { fprintf(fp, c"name: %lc".as_ptr(), 0xe9 as libc::c_uint) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::EILSEQ));
    let msg = variadic!(explain_message_errno_fprintf(e, fp, c"name: %lc".as_ptr(), 0xe9 as libc::c_uint));
    assert_facts(&msg, &["format = \"name: %lc\", 233) failed", "EILSEQ", "variadic argument 1 (%lc)", "U+00E9", "LC_CTYPE \"C\"", "ANSI_X3.4-1968"]);
    // In a wide string, the index of the culprit.
    let wide: Vec<u32> = "ab\u{263a}".chars().map(|c| c as u32).chain([0]).collect();
    let msg = variadic!(explain_message_errno_fprintf(libc::EILSEQ, fp, c"%d %ls".as_ptr(), 1 as c_int, wide.as_ptr()));
    assert_facts(&msg, &["variadic argument 2 (%ls)", "at index 2", "U+263A"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn asprintf_enomem_under_rlimit_as_gives_the_size_and_the_limit() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: plain calls in the child; the width asks asprintf for 512 MiB.
        unsafe {
            let lim = libc::rlimit { rlim_cur: 256 << 20, rlim_max: libc::RLIM_INFINITY };
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            let mut p: *mut c_char = std::ptr::null_mut();
            let r = asprintf(&mut p, c"%536870912d".as_ptr(), 1 as c_int);
            let e = *libc::__errno_location();
            if r < 0 {
                explain_message_errno_asprintf(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, &mut p, c"%536870912d".as_ptr(), 1 as c_int);
            }
        }
    });
    // libexplain's echo of asprintf: `...` for the arguments, and no closing parenthesis.
    assert_facts(&msg, &["asprintf(data = 0x", "format = \"%536870912d\", ... failed", "ENOMEM", "*data = 536870913 bytes", "RLIMIT_AS", "268435456 bytes (256 MiB)"]);
}

#[test]
fn the_echo_decodes_the_arguments_as_libexplain_does() {
    let _serial = serial();
    let s = CString::new("str\"x").unwrap();
    // SAFETY: reading libc's stdout pointer.
    let out = unsafe { stdout };
    let msg = variadic!(explain_message_errno_fprintf(
        libc::ENOSPC,
        out,
        c"%s %c %5.2f %ld %x %hhx %o %u %hd %e %g %c|%p %%".as_ptr(),
        s.as_ptr(),
        b'c' as c_int,
        1.5f64,
        42 as libc::c_long,
        0xabc as libc::c_uint,
        0xff as c_int,
        8 as libc::c_uint,
        4000000000u32,
        70000 as c_int,
        1.0f64 / 3.0,
        1e-5f64,
        b'\n' as c_int,
        std::ptr::null::<c_void>()
    ));
    let want = "format = \"%s %c %5.2f %ld %x %hhx %o %u %hd %e %g %c|%p %%\", \"str\\\"x\", 'c', 1.5, 42, 0x0ABC, 0xFF, 010, 4000000000, 4464, 0.333333333333333, 1e-05, '\\n', NULL) failed";
    assert!(msg.starts_with("fprintf(fp = stdout"), "{msg}");
    assert_facts(&msg, &[want]);
    // A `*` shows one value and then `%*`; an unknown conversion ends the list.
    let msg = variadic!(explain_message_errno_printf(libc::EBADF, c"%*d %q %d".as_ptr(), 3 as c_int, 5 as c_int, 6 as c_int));
    assert_facts(&msg, &["printf(format = \"%*d %q %d\", 3, %*) failed"]);
    // A NULL format: named, and nothing after it.
    let msg = variadic!(explain_message_errno_printf(libc::EINVAL, std::ptr::null::<c_char>()));
    assert_facts(&msg, &["printf(format = NULL) failed", "format is the NULL pointer"]);
}

#[test]
fn hostile_arguments_and_every_errno_give_a_whole_message_and_keep_errno() {
    let _serial = serial();
    let wild = 0x10 as *const c_char;
    let formats: [*const c_char; 4] = [std::ptr::null(), wild, c"%s %ls %n %lc %f".as_ptr(), c"%99999999999d %".as_ptr()];
    let streams: [*mut FILE; 3] = [std::ptr::null_mut(), 0x10 as *mut FILE, unsafe { stdout }];
    for &format in &formats {
        for &fp in &streams {
            for e in (0..=134).chain([-1, i32::MAX]) {
                // SAFETY: the thread's own errno.
                unsafe { *libc::__errno_location() = 4242 };
                // Wild pointers for the string arguments: examined, never followed.
                let msg = variadic!(explain_message_errno_fprintf(e, fp, format, wild, wild, wild, 0xe9 as libc::c_uint, 1.0f64));
                assert_eq!(errno(), 4242, "errno {e}: errno changed");
                assert!(msg.starts_with("fprintf(fp = "), "{msg}");
                if e != 0 {
                    assert!(msg.contains("failed, ") && msg.contains(" because "), "errno {e}: {msg}");
                }
            }
        }
    }
}

#[test]
fn fprintf_past_rlimit_fsize_gives_the_limit() {
    let _serial = serial();
    let d = Scratch::new("format-fsize");
    let path = cstr(&d.join("capped"));
    let msg = in_child(|buf| {
        // SAFETY: plain calls in the child.
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit { rlim_cur: 1000, rlim_max: 1000 };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            let fp = libc::fopen(path.as_ptr(), c"w".as_ptr());
            libc::setvbuf(fp, std::ptr::null_mut(), libc::_IONBF, 0);
            for _ in 0..20 {
                if fprintf(fp, c"%0100d".as_ptr(), 7 as c_int) < 0 {
                    let e = *libc::__errno_location();
                    explain_message_errno_fprintf(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, fp, c"%0100d".as_ptr(), 7 as c_int);
                    break;
                }
            }
        }
    });
    assert_facts(&msg, &["fprintf(fp = 0x", "/capped\", format = \"%0100d\", 7) failed", "EFBIG", "RLIMIT_FSIZE", "1000"]);
}

#[test]
fn fprintf_on_a_stream_opened_for_reading_says_so() {
    let _serial = serial();
    let d = Scratch::new("format-ro");
    std::fs::write(d.join("in"), "data").unwrap();
    // SAFETY: NUL-terminated strings; the stream is live until fclose.
    let fp = unsafe { libc::fopen(cstr(&d.join("in")).as_ptr(), c"r".as_ptr()) };
    assert!(!fp.is_null());
    // SAFETY: live stream, format and argument agree.
    let r = unsafe { fprintf(fp, c"%d".as_ptr(), 1 as c_int) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::EBADF));
    let msg = variadic!(explain_message_errno_fprintf(e, fp, c"%d".as_ptr(), 1 as c_int));
    assert_facts(&msg, &["/in\", format = \"%d\", 1) failed", "EBADF", "opened for reading only"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}
