//! The rules at the C boundary: buffers, errno, NULL and bad pointers, unknown errnos,
//! threads, and running out of descriptors.
mod common;
use common::*;
use explain::abi::boundary::{explain_errno_open, explain_message_errno_open, explain_message_open};
use libc::{c_char, c_int};
use std::ffi::{CStr, CString};

fn message_open(size: usize, errnum: i32, path: *const c_char, flags: c_int) -> (Vec<u8>, String) {
    let mut buf = vec![0xAAu8; size.max(1)];
    unsafe { explain_message_errno_open(buf.as_mut_ptr() as *mut c_char, size as c_int, errnum, path, flags, 0) };
    let text = CStr::from_bytes_until_nul(&buf).map(|c| c.to_string_lossy().into_owned()).unwrap_or_default();
    (buf, text)
}

#[test]
fn message_size_zero_or_negative_writes_nothing() {
    let p = CString::new("/nonexistent").unwrap();
    let mut buf = [0xAAu8; 8];
    unsafe { explain_message_errno_open(buf.as_mut_ptr() as *mut c_char, 0, libc::ENOENT, p.as_ptr(), 0, 0) };
    unsafe { explain_message_errno_open(buf.as_mut_ptr() as *mut c_char, -5, libc::ENOENT, p.as_ptr(), 0, 0) };
    assert_eq!(buf, [0xAA; 8]);
    unsafe { explain_message_errno_open(core::ptr::null_mut(), 100, libc::ENOENT, p.as_ptr(), 0, 0) };
}

#[test]
fn tiny_buffers_are_always_nul_terminated() {
    let p = CString::new("/nonexistent/é/x").unwrap();
    for size in 1..64 {
        let (buf, text) = message_open(size, libc::ENOENT, p.as_ptr(), 0);
        assert!(buf[..size].contains(&0), "size {size}");
        assert!(text.len() < size);
        // Whole UTF-8 only: the text decodes.
        let end = buf.iter().position(|&c| c == 0).unwrap();
        assert!(std::str::from_utf8(&buf[..end]).is_ok(), "size {size}: {:?}", &buf[..end]);
    }
}

#[test]
fn errno_is_left_unchanged() {
    let p = CString::new("/no/such/dir/file").unwrap();
    let mut buf = [0u8; 512];
    for want in [0, libc::EINTR, 12345] {
        unsafe { *libc::__errno_location() = want };
        unsafe { explain_message_open(buf.as_mut_ptr() as *mut c_char, 512, p.as_ptr(), 0, 0) };
        assert_eq!(errno(), want);
        let _ = unsafe { explain_errno_open(libc::ENOENT, p.as_ptr(), 0, 0) };
        assert_eq!(errno(), want);
    }
}

#[test]
fn null_and_bad_pointers_are_diagnosed_not_dereferenced() {
    let (_, text) = message_open(512, libc::EFAULT, core::ptr::null(), 0);
    assert_facts(&text, &["pathname = NULL", "EFAULT", "NULL pointer"]);
    let (_, text) = message_open(512, libc::EFAULT, 16 as *const c_char, 0);
    assert_facts(&text, &["pathname = 0x00000010", "does not point to readable memory"]);
}

#[test]
fn unknown_and_negative_errnos_give_the_number() {
    let p = CString::new("/tmp").unwrap();
    let (_, text) = message_open(512, 9999, p.as_ptr(), 0);
    assert_facts(&text, &["failed, unknown error 9999 (9999)", "9999 is not an error number"]);
    let (_, text) = message_open(512, -3, p.as_ptr(), 0);
    assert_facts(&text, &["unknown error -3 (-3)"]);
}

#[test]
fn a_long_echo_leaves_room_for_the_explanation() {
    let path = format!("/{}/x", "a".repeat(4998));
    let p = CString::new(path).unwrap();
    let (_, text) = message_open(4096, libc::ENAMETOOLONG, p.as_ptr(), 0);
    assert_facts(&text, &["(5001 bytes)", "because pathname is 5001 bytes long", "PATH_MAX"]);
}

#[test]
fn caller_buffers_are_safe_from_many_threads_computing_suggestions() {
    let d = Scratch::new("threads");
    for name in ["alpha.conf", "bravo.conf", "charlie.conf", "delta.conf"] {
        std::fs::write(d.join(name), "").unwrap();
    }
    let base = d.path.clone();
    let handles: Vec<_> = ["alpah.conf", "bravo.cnf", "charly.conf", "delta.con"]
        .iter()
        .zip(["alpha.conf", "bravo.conf", "charlie.conf", "delta.conf"])
        .map(|(typo, want)| {
            let p = CString::new(base.join(typo).to_string_lossy().as_bytes()).unwrap();
            std::thread::spawn(move || {
                let mut buf = [0u8; 1024];
                for _ in 0..500 {
                    unsafe { explain_message_errno_open(buf.as_mut_ptr() as *mut c_char, 1024, libc::ENOENT, p.as_ptr(), 0, 0) };
                    let text = CStr::from_bytes_until_nul(&buf).unwrap().to_string_lossy();
                    assert!(text.contains(&format!("perhaps the \"{want}\" regular file was meant")), "{text}");
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn explains_emfile_under_a_limit_of_zero() {
    if std::env::var_os("EXPLAIN_TEST_LIMIT_ZERO").is_some() {
        // The child: no descriptor may be opened at all.
        let lim = libc::rlimit { rlim_cur: 0, rlim_max: 64 };
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) };
        let p = CString::new("/etc/passwd").unwrap();
        let (_, emfile) = message_open(1024, libc::EMFILE, p.as_ptr(), 0);
        println!("[{emfile}]");
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "explains_emfile_under_a_limit_of_zero", "--nocapture", "--test-threads=1"])
        .env("EXPLAIN_TEST_LIMIT_ZERO", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &["because the process's limit on open file descriptors (RLIMIT_NOFILE) is 0: it may open none; the limit may be raised up to 64"]);
}

#[test]
fn explains_with_no_free_descriptor() {
    if std::env::var_os("EXPLAIN_TEST_NO_FD").is_some() {
        // The child: use up every descriptor, then explain EMFILE and a mistyped path
        // (whose suggestion needs a descriptor to read the directory).
        let lim = libc::rlimit { rlim_cur: 64, rlim_max: 64 };
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) };
        let mut held = Vec::new();
        loop {
            let fd = unsafe { libc::open(b"/dev/null\0".as_ptr() as *const c_char, libc::O_RDONLY) };
            if fd < 0 {
                break;
            }
            held.push(fd);
        }
        assert_eq!(errno(), libc::EMFILE);
        let p = CString::new("/usr/include/fcntll.h").unwrap();
        let (_, emfile) = message_open(1024, libc::EMFILE, p.as_ptr(), 0);
        let (_, enoent) = message_open(1024, libc::ENOENT, p.as_ptr(), 0);
        // Free one low descriptor while the highest stays in use: the table is no longer
        // full, and the message must say which descriptor is free, not guess from the top.
        let freed = held[3];
        unsafe { libc::close(freed) };
        let (_, after) = message_open(1024, libc::EMFILE, p.as_ptr(), 0);
        println!("[{emfile}]\n[{enoent}]\n[{after}]\nfreed {freed}");
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "explains_with_no_free_descriptor", "--nocapture", "--test-threads=1"])
        .env("EXPLAIN_TEST_NO_FD", "1")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &["(24, EMFILE) because every file descriptor the process may have, 0 to 63, is in use: its limit (RLIMIT_NOFILE) is 64"]);
    assert_facts(&text, &["(2, ENOENT) because there is no \"fcntll.h\" in the \"/usr/include\" directory"]);
    let freed = text.lines().find_map(|l| l.strip_prefix("freed ")).expect("the child names the descriptor it closed");
    assert_facts(&text, &[&format!("of 64 file descriptors; descriptor {freed} is free now, so some were closed since the call")]);
}
