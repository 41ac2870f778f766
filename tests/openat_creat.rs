//! openat(2) and creat(2) explained on real failing states.
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int};
use std::os::fd::AsRawFd;

fn explain_openat(errnum: i32, dirfd: i32, path: &str, flags: c_int, mode: u32) -> String {
    let p = std::ffi::CString::new(path).unwrap();
    let mut out = [0u8; 4096];
    // SAFETY: out is writable for its length; p is NUL-terminated.
    unsafe { b::explain_message_errno_openat(out.as_mut_ptr() as *mut c_char, out.len() as c_int, errnum, dirfd, p.as_ptr(), flags, mode) };
    let n = out.iter().position(|&c| c == 0).unwrap();
    String::from_utf8_lossy(&out[..n]).into_owned()
}

/// openat(2) for real; returns its errno (the test fails if it succeeds).
fn failing_openat(dirfd: i32, path: &str, flags: c_int) -> i32 {
    let p = std::ffi::CString::new(path).unwrap();
    // SAFETY: p is NUL-terminated.
    let fd = unsafe { libc::openat(dirfd, p.as_ptr(), flags | libc::O_CLOEXEC, 0o644) };
    assert_eq!(fd, -1, "openat was expected to fail");
    errno()
}

#[test]
fn openat_with_closed_dirfd_says_it_is_not_open() {
    // High enough that no other test of this process is given it meanwhile.
    let e = failing_openat(1001, "x", libc::O_RDONLY);
    assert_eq!(e, libc::EBADF);
    let t = explain_openat(e, 1001, "x", libc::O_RDONLY, 0);
    assert_facts(&t, &["openat(fildes = 1001, pathname = \"x\", flags = O_RDONLY, mode = 0) failed", "EBADF", "directory descriptor 1001 is not open", "pathname is relative to it"]);
}

#[test]
fn openat_with_dirfd_on_regular_file_says_not_a_directory() {
    let d = Scratch::new("openat-notdir");
    let f = std::fs::File::create(d.join("plain")).unwrap();
    let e = failing_openat(f.as_raw_fd(), "x", libc::O_RDONLY);
    assert_eq!(e, libc::ENOTDIR);
    let t = explain_openat(e, f.as_raw_fd(), "x", libc::O_RDONLY, 0);
    let path = d.s("plain");
    assert_facts(&t, &["ENOTDIR", &format!("(\"{path}\") refers to a regular file, not a directory")]);
}

#[test]
fn openat_enoent_is_resolved_from_dirfd_with_suggestion() {
    let d = Scratch::new("openat-enoent");
    std::fs::write(d.join("fcntl.h"), "").unwrap();
    let dir = std::fs::File::open(&d.path).unwrap();
    let e = failing_openat(dir.as_raw_fd(), "fcntll.h", libc::O_RDONLY);
    assert_eq!(e, libc::ENOENT);
    let t = explain_openat(e, dir.as_raw_fd(), "fcntll.h", libc::O_RDONLY, 0);
    assert_facts(&t, &[&format!("fildes = {} \"{}\"", dir.as_raw_fd(), d.path.display()), &format!("no \"fcntll.h\" in the directory \"{}\"", d.path.display()), "perhaps the \"fcntl.h\" regular file was meant"]);
}

#[test]
fn openat_absolute_path_ignores_dirfd() {
    let d = Scratch::new("openat-abs");
    let p = d.s("missing");
    let e = failing_openat(1002, &p, libc::O_RDONLY);
    assert_eq!(e, libc::ENOENT);
    let t = explain_openat(e, 1002, &p, libc::O_RDONLY, 0);
    assert_facts(&t, &["there is no \"missing\" in the"]);
    assert!(!t.contains("directory descriptor"), "{t}");
}

#[test]
fn openat_command_at_fdcwd_with_create_shows_mode() {
    let d = Scratch::new("openat-cmd");
    std::fs::write(d.join("there"), "").unwrap();
    let t = explain(&["-e", "EEXIST", "openat", "AT_FDCWD", &d.s("there"), "O_WRONLY|O_CREAT|O_EXCL", "0600"]);
    assert_facts(&t, &[&format!("openat(fildes = AT_FDCWD {:?}, pathname = \"", std::env::current_dir().unwrap()), "flags = O_WRONLY | O_CREAT | O_EXCL, mode = 0600)", "is a regular file, owned by user 0 \"root\"", "already there"]);
}

#[test]
fn creat_eacces_as_nobody_names_directory_bits_and_capability() {
    let d = Scratch::new("creat-eacces");
    std::fs::create_dir(d.join("locked")).unwrap();
    chmod(&d.join("locked"), 0o755);
    let p = d.s("locked/new");
    // The real failing state: nobody cannot create a file there.
    let out = sh_as_nobody(&format!(": > {p}"));
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("Permission denied"));
    let t = explain_as_nobody(&["-e", "EACCES", "creat", &p, "0644"]);
    assert_facts(&t, &[
        &format!("creat(pathname = \"{p}\", mode = 0644) failed"),
        "EACCES",
        "65534 \"nobody\"",
        "lacks write permission on the",
        &format!("\"{}\" directory", d.s("locked")),
        "\"r-x\" (mode 0755)",
        "CAP_DAC_OVERRIDE",
        "creating \"new\"",
    ]);
}

#[test]
fn creat_eisdir_names_the_directory() {
    let d = Scratch::new("creat-eisdir");
    std::fs::create_dir(d.join("sub")).unwrap();
    let p = d.s("sub");
    let c = cstr(&d.join("sub"));
    // SAFETY: c is NUL-terminated.
    assert_eq!(unsafe { libc::creat(c.as_ptr(), 0o644) }, -1);
    assert_eq!(errno(), libc::EISDIR);
    let t = explain(&["-e", "EISDIR", "creat", &p, "0644"]);
    assert_facts(&t, &[&format!("\"{p}\" is a directory"), "cannot be opened for writing"]);
}

#[test]
fn creat_enoent_names_the_missing_directory() {
    let d = Scratch::new("creat-enoent");
    let p = d.s("nodir/file");
    let t = explain(&["-e", "ENOENT", "creat", &p, "0644"]);
    assert_facts(&t, &["there is no \"nodir\" directory in the", &format!("\"{}\" directory", d.path.display())]);
}
