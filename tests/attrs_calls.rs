//! chmod, chown and the utime family explained on real failing states: each test first
//! makes the real call fail with the errno it explains, then asserts the facts.
mod common;
use common::*;
use explain::abi::boundary::{
    explain_chmod_on_error, explain_fchmod, explain_futimesat_on_error, explain_lchmod_on_error, explain_lchownat_on_error,
    explain_message_errno_utimensat, explain_message_lchmod, explain_message_utimensat, explain_utimens_on_error,
};
use std::os::unix::fs::MetadataExt;
use libc::{c_char, c_int};
use std::ffi::CStr;
use std::os::unix::fs::PermissionsExt;

fn os_error<T>(r: std::io::Result<T>) -> i32 {
    r.err().and_then(|e| e.raw_os_error()).unwrap_or(0)
}

fn text_of(buf: &[u8]) -> String {
    CStr::from_bytes_until_nul(buf).unwrap().to_string_lossy().into_owned()
}

/// A root-owned file with `mode` in a fresh scratch directory.
fn root_file(d: &Scratch, name: &str, mode: u32) -> String {
    let p = d.join(name);
    std::fs::write(&p, "x").unwrap();
    chmod(&p, mode);
    p.to_string_lossy().into_owned()
}

#[test]
fn chmod_eperm_as_nobody_names_owner_caller_and_cap_fowner() {
    let d = Scratch::new("chmod-eperm");
    let p = root_file(&d, "f", 0o644);
    let real = sh_as_nobody(&format!("chmod 0777 {p}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("Operation not permitted"));
    let text = explain_as_nobody(&["-e", "EPERM", "chmod", &p, "0777"]);
    assert_facts(&text, &["chmod(pathname = \"", "mode = 0777", "(1, EPERM) because", "owner", "0 \"root\"", "effective user is 65534 \"nobody\"", "CAP_FOWNER"]);
}

#[test]
fn chown_eperm_as_nobody_names_owner_and_cap_chown() {
    let d = Scratch::new("chown-eperm");
    let p = root_file(&d, "f", 0o644);
    let real = sh_as_nobody(&format!("chown nobody {p}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("Operation not permitted"));
    let text = explain_as_nobody(&["-e", "EPERM", "chown", &p, "nobody", "-1"]);
    assert_facts(&text, &["owner = 65534 \"nobody\", group = -1", "because", "user 0 \"root\"", "65534 \"nobody\"", "CAP_CHOWN", "change its owner"]);
}

#[test]
fn chown_to_a_group_the_owner_is_not_in_names_the_group() {
    let d = Scratch::new("chown-group");
    let p = root_file(&d, "mine", 0o644);
    assert!(std::process::Command::new("chown").args(["nobody:nogroup", &p]).status().unwrap().success());
    let real = sh_as_nobody(&format!("chgrp root {p}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("Operation not permitted"));
    let text = explain_as_nobody(&["-e", "EPERM", "chown", &p, "-1", "root"]);
    assert_facts(&text, &["owns \"", "not a member of group 0 \"root\"", "65534 \"nogroup\"", "CAP_CHOWN"]);
    // Through fchownat and lchown the same rule applies.
    let text = explain_as_nobody(&["-e", "EPERM", "fchownat", "AT_FDCWD", &p, "-1", "0", "AT_SYMLINK_NOFOLLOW"]);
    assert_facts(&text, &["flags = AT_SYMLINK_NOFOLLOW", "not a member of group 0 \"root\""]);
}

#[test]
fn chmod_erofs_names_the_read_only_mount() {
    let d = Scratch::new("chmod-erofs");
    let fs = Tmpfs::mount(&d.join("mnt"), "size=64k");
    std::fs::write(fs.dir.join("f"), "x").unwrap();
    fs.remount("ro");
    let f = fs.dir.join("f");
    assert_eq!(os_error(std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600))), libc::EROFS);
    let text = explain(&["-e", "EROFS", "chmod", &f.to_string_lossy(), "0600"]);
    assert_facts(&text, &["because the \"tmpfs\" file system mounted on", &format!("{}\" is read-only", fs.dir.display())]);
}

#[test]
fn chmod_eperm_on_an_immutable_file_says_so_even_for_root() {
    let d = Scratch::new("chmod-immutable");
    let p = root_file(&d, "f", 0o644);
    let st = std::process::Command::new("chattr").args(["+i", &p]).status().unwrap();
    assert!(st.success(), "chattr +i is not supported under /tmp: the immutable state cannot be built");
    // Even root, with every capability, cannot change it.
    assert_eq!(os_error(std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600))), libc::EPERM);
    let text = explain(&["-e", "EPERM", "chmod", &p, "0600"]);
    let _ = std::process::Command::new("chattr").args(["-i", &p]).status();
    assert_facts(&text, &["is marked immutable", "chattr -i"]);
}

#[test]
fn utime_null_times_eacces_says_neither_owner_nor_write_permission() {
    let d = Scratch::new("utime-eacces");
    let p = root_file(&d, "f", 0o644);
    let real = sh_as_nobody(&format!("touch -c {p}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("Permission denied"));
    let text = explain_as_nobody(&["-e", "EACCES", "utime", &p, "NULL"]);
    assert_facts(
        &text,
        &["times = NULL", "(13, EACCES) because", "owner (user 0 \"root\")", "not the owner and lacks CAP_FOWNER", "lacks write permission", "\"r--\" (mode 0644)", "CAP_DAC_OVERRIDE"],
    );
}

#[test]
fn utimensat_explicit_times_eperm_on_a_world_writable_file_names_the_owner() {
    let d = Scratch::new("utimensat-eperm");
    let p = root_file(&d, "ww", 0o666);
    let real = sh_as_nobody(&format!("touch -d @0 {p}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("Operation not permitted"));
    let times = "[{tv_sec=0, tv_nsec=0}, {tv_sec=0, tv_nsec=UTIME_OMIT}]";
    let text = explain_as_nobody(&["-e", "EPERM", "utimensat", "AT_FDCWD", &p, times, "0"]);
    assert_facts(&text, &["data = {{ 0 seconds }, { tv_sec = 0, tv_nsec = UTIME_OMIT }}", "user 0 \"root\"", "CAP_FOWNER", "65534 \"nobody\"", "other than the current time"]);
    // Both times now is the other rule: write permission is enough, so nothing refuses.
    assert!(sh_as_nobody(&format!("touch -c {p}")).status.success());
}

#[test]
fn futimens_eacces_through_a_descriptor_names_the_file_and_its_bits() {
    let d = Scratch::new("futimens-eacces");
    let p = root_file(&d, "f", 0o640);
    let real = sh_as_nobody(&format!("touch -c {p}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("Permission denied"));
    // The explain command, run as nobody with the file open on its standard input.
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", &explain_bin_for_others()])
        .args(["-e", "EACCES", "futimens", "0", "NULL"])
        .stdin(std::fs::File::open(&p).unwrap())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &[&format!("futimens(fildes = 0 \"{p}\", data = NULL)"), &format!("descriptor 0 \"{p}\""), "\"---\" (mode 0640)", "lacks CAP_FOWNER"]);
}

#[test]
fn utimes_einval_prints_the_bad_tv_usec() {
    let d = Scratch::new("utimes-einval");
    let p = root_file(&d, "f", 0o644);
    let tv = [libc::timeval { tv_sec: 0, tv_usec: 1_000_000 }, libc::timeval { tv_sec: 0, tv_usec: 0 }];
    let r = unsafe { libc::utimes(cstr(&d.join("f")).as_ptr(), tv.as_ptr()) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let text = explain(&["-e", "EINVAL", "utimes", &p, "[{tv_sec=0, tv_usec=1000000}, {tv_sec=0, tv_usec=0}]"]);
    assert_facts(&text, &["because the access time in times has tv_usec = 1000000, outside the range 0 to 999999"]);
}

#[test]
fn utimensat_einval_prints_the_bad_tv_nsec() {
    let d = Scratch::new("utimensat-einval");
    let p = cstr(&d.join("f"));
    std::fs::write(d.join("f"), "x").unwrap();
    let times = [libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }, libc::timespec { tv_sec: 5, tv_nsec: 2_000_000_000 }];
    let r = unsafe { libc::utimensat(libc::AT_FDCWD, p.as_ptr(), times.as_ptr(), 0) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let mut buf = [0u8; 2048];
    unsafe { explain_message_utimensat(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, libc::AT_FDCWD, p.as_ptr(), times.as_ptr(), 0) };
    let text = text_of(&buf);
    assert_facts(&text, &["data = {{ tv_sec = 0, tv_nsec = UTIME_NOW }, { tv_sec = 5 \"Thu, 1970-Jan-01 00:00:05 +0000\", tv_nsec = 2000000000 }}", "because the modification time", "tv_nsec = 2000000000", "0 to 999999999"]);
}

#[test]
fn utimensat_efault_names_the_times_address() {
    let d = Scratch::new("utimensat-efault");
    std::fs::write(d.join("f"), "x").unwrap();
    let p = cstr(&d.join("f"));
    let bad = 16usize as *const libc::timespec;
    let r = unsafe { libc::syscall(libc::SYS_utimensat, libc::AT_FDCWD, p.as_ptr(), bad, 0) };
    assert_eq!((r, errno()), (-1, libc::EFAULT));
    let mut buf = [0u8; 2048];
    unsafe { explain_message_errno_utimensat(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, libc::EFAULT, libc::AT_FDCWD, p.as_ptr(), bad, 0) };
    assert_facts(&text_of(&buf), &["data = 0x00000010", "because times (0x10, 32 bytes) is not"]);
}

#[test]
fn fchmod_ebadf_on_a_closed_descriptor() {
    let d = Scratch::new("fchmod-ebadf");
    std::fs::write(d.join("f"), "x").unwrap();
    let opened = unsafe { libc::open(cstr(&d.join("f")).as_ptr(), libc::O_RDONLY) };
    // A high number that tests running in parallel threads will not reopen meanwhile.
    let fd = unsafe { libc::dup2(opened, 917) };
    assert_eq!(fd, 917);
    unsafe { libc::close(opened) };
    unsafe { libc::close(fd) };
    let r = unsafe { libc::fchmod(fd, 0o600) };
    assert_eq!((r, errno()), (-1, libc::EBADF));
    let text = unsafe { CStr::from_ptr(explain_fchmod(fd, 0o600)) }.to_string_lossy().into_owned();
    assert_facts(&text, &[&format!("fchmod(fildes = {fd}, mode = 0600)"), &format!("because fd {fd} is not an open file descriptor")]);
}

#[test]
fn lchown_enoent_suggests_the_nearest_name() {
    let d = Scratch::new("lchown-typo");
    std::fs::write(d.join("fcntl.h"), "").unwrap();
    let p = d.s("fcntll.h");
    assert_eq!(os_error(std::os::unix::fs::lchown(&p, Some(0), Some(0))), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "lchown", &p, "0", "0"]);
    assert_facts(&text, &["owner = 0 \"root\", group = 0 \"root\"", "no \"fcntll.h\" in the", "perhaps the \"fcntl.h\" regular file was meant"]);
}

#[test]
fn lchmod_eopnotsupp_on_a_symbolic_link() {
    let d = Scratch::new("lchmod-link");
    std::os::unix::fs::symlink("target", d.join("link")).unwrap();
    let p = cstr(&d.join("link"));
    let r = unsafe { libc::fchmodat(libc::AT_FDCWD, p.as_ptr(), 0o600, libc::AT_SYMLINK_NOFOLLOW) };
    assert_eq!((r, errno()), (-1, libc::EOPNOTSUPP));
    let mut buf = [0u8; 1024];
    unsafe { explain_message_lchmod(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, p.as_ptr(), 0o600) };
    assert_facts(&text_of(&buf), &["(95, EOPNOTSUPP) because", "/link\" is a symbolic link", "cannot change the mode of a symbolic link"]);
}

#[test]
fn fchownat_empty_path_at_fdcwd_acts_on_the_current_directory() {
    let d = Scratch::new("fchownat-cwd");
    let real = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", "chown", "nobody", "."])
        .current_dir(&d.path)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&real.stderr).contains("Operation not permitted"));
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", &explain_bin_for_others()])
        .args(["-e", "EPERM", "fchownat", "AT_FDCWD", "", "nobody", "-1", "AT_EMPTY_PATH"])
        .current_dir(&d.path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &[&format!("only the owner of the current directory \"{}\", user 0 \"root\"", d.path.display()), "CAP_CHOWN"]);
}

#[test]
fn fchownat_einval_names_the_unaccepted_flags() {
    let d = Scratch::new("fchownat-einval");
    std::fs::write(d.join("f"), "").unwrap();
    let p = cstr(&d.join("f"));
    let r = unsafe { libc::fchownat(libc::AT_FDCWD, p.as_ptr(), 0, 0, libc::AT_REMOVEDIR) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let text = explain(&["-e", "EINVAL", "fchownat", "AT_FDCWD", &d.s("f"), "0", "0", "AT_REMOVEDIR"]);
    assert_facts(&text, &["flags = AT_REMOVEDIR)", "because flags holds AT_REMOVEDIR", "only AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH"]);
}

#[test]
fn chmod_on_error_returns_the_calls_result_and_errno() {
    let d = Scratch::new("chmod-on-error");
    let p = cstr(&d.join("missing"));
    let r = unsafe { explain_chmod_on_error(p.as_ptr(), 0o600) };
    assert_eq!((r, errno()), (-1, libc::ENOENT));
}

/// The calls libc does not declare are performed through crate::perform: each really
/// changes the file, and on failure returns -1 with the call's errno.
#[test]
fn calls_without_a_libc_function_are_performed() {
    let d = Scratch::new("attrs-perform");
    std::fs::write(d.join("f"), "x").unwrap();
    std::os::unix::fs::symlink("f", d.join("link")).unwrap();
    let f = cstr(&d.join("f"));
    let link = cstr(&d.join("link"));

    assert_eq!(unsafe { explain_lchmod_on_error(f.as_ptr(), 0o604) }, 0);
    assert_eq!(std::fs::metadata(d.join("f")).unwrap().mode() & 0o7777, 0o604);

    // lchownat gives the link, not its target, to nobody.
    assert_eq!(unsafe { explain_lchownat_on_error(libc::AT_FDCWD, link.as_ptr(), 65534, -1) }, 0);
    assert_eq!(std::fs::symlink_metadata(d.join("link")).unwrap().uid(), 65534);
    assert_eq!(std::fs::metadata(d.join("f")).unwrap().uid(), 0);

    let ts = [libc::timespec { tv_sec: 1000, tv_nsec: 0 }, libc::timespec { tv_sec: 2000, tv_nsec: 0 }];
    assert_eq!(unsafe { explain_utimens_on_error(f.as_ptr(), ts.as_ptr()) }, 0);
    assert_eq!(std::fs::metadata(d.join("f")).unwrap().mtime(), 2000);

    let tv = [libc::timeval { tv_sec: 3000, tv_usec: 0 }, libc::timeval { tv_sec: 4000, tv_usec: 0 }];
    let name = cstr(std::path::Path::new("f"));
    let dir = unsafe { libc::open(cstr(&d.path).as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY) };
    assert_eq!(unsafe { explain_futimesat_on_error(dir, name.as_ptr(), tv.as_ptr()) }, 0);
    unsafe { libc::close(dir) };
    assert_eq!(std::fs::metadata(d.join("f")).unwrap().mtime(), 4000);

    let missing = cstr(&d.join("missing"));
    let r = unsafe { explain_utimens_on_error(missing.as_ptr(), ts.as_ptr()) };
    assert_eq!((r, errno()), (-1, libc::ENOENT));
}

/// Debian's libexplain-dev header then ours, for each call: any prototype that differs
/// (name, argument types, result) fails to compile.
#[test]
fn attrs_headers_match_debians_prototypes() {
    const CALLS: &[&str] = &[
        "chmod", "fchmod", "lchmod", "chown", "fchown", "lchown", "fchownat", "lchownat", "utime", "utimes", "futimes",
        "lutimes", "futimesat", "utimens", "futimens", "utimensat",
    ];
    let ours = concat!(env!("CARGO_MANIFEST_DIR"), "/include/libexplain");
    let d = Scratch::new("attrs-parity");
    for call in CALLS {
        let debian = format!("/usr/include/libexplain/{call}.h");
        assert!(std::path::Path::new(&debian).exists(), "{debian} missing: install libexplain-dev");
        let c = d.join(&format!("{call}.c"));
        std::fs::write(&c, format!("#include <libexplain/{call}.h>\n#include \"{ours}/{call}.h\"\n")).unwrap();
        let out = std::process::Command::new("gcc").args(["-Wall", "-Wextra", "-Werror", "-fsyntax-only"]).arg(&c).output().unwrap();
        assert!(out.status.success(), "{call}.h differs from Debian's:\n{}", String::from_utf8_lossy(&out.stderr));
    }
}
