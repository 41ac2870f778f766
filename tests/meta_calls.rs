//! The metadata calls (access, the stat and statfs families, ustat, pathconf, realpath,
//! readlink) explained on real failing states, and their headers checked against
//! Debian's libexplain prototype by prototype.
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::c_char;
use std::ffi::{CStr, CString};
use std::process::Command;

/// Runs one of the thread-safe explain functions into a fresh buffer.
fn message(f: impl FnOnce(*mut c_char, i32)) -> String {
    let mut buf = vec![0u8; 2048];
    f(buf.as_mut_ptr() as *mut c_char, buf.len() as i32);
    CStr::from_bytes_until_nul(&buf).unwrap().to_string_lossy().into_owned()
}

fn stat_buf() -> libc::stat {
    unsafe { std::mem::zeroed() }
}

#[test]
fn readlink_einval_names_the_regular_file() {
    let d = Scratch::new("readlink-reg");
    std::fs::write(d.join("plain"), "x").unwrap();
    let p = cstr(&d.join("plain"));
    let mut data = [0u8; 64];
    let r = unsafe { libc::readlink(p.as_ptr(), data.as_mut_ptr() as *mut c_char, data.len()) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let text = message(|m, n| unsafe {
        b::explain_message_errno_readlink(m, n, libc::EINVAL, p.as_ptr(), data.as_mut_ptr() as *mut c_char, 64)
    });
    assert_facts(&text, &["readlink(pathname = \"", "data_size = 64", "(22, EINVAL)", "/plain\" is a regular file, not a symbolic link"]);
    // A zero size is the other EINVAL: the size, not the file, is named.
    let text = explain(&["-e", "EINVAL", "readlink", &d.s("plain"), "0x1000", "0"]);
    assert_facts(&text, &["data_size is 0"]);
}

#[test]
fn readlink_einval_names_a_directory_too() {
    let d = Scratch::new("readlink-dir");
    std::fs::create_dir(d.join("sub")).unwrap();
    assert!(std::fs::read_link(d.join("sub")).is_err());
    let text = explain(&["-e", "EINVAL", "readlink", &d.s("sub"), "0x1000", "100"]);
    assert_facts(&text, &["/sub\" is a directory, not a symbolic link"]);
}

#[test]
fn access_w_ok_on_a_read_only_tmpfs_names_the_mount() {
    let d = Scratch::new("access-erofs");
    let t = Tmpfs::mount(&d.join("ro"), "size=64k");
    std::fs::write(t.dir.join("file"), "x").unwrap();
    t.remount("ro");
    let p = cstr(&t.dir.join("file"));
    assert_eq!((unsafe { libc::access(p.as_ptr(), libc::W_OK) }, errno()), (-1, libc::EROFS));
    let text = message(|m, n| unsafe { b::explain_message_access(m, n, p.as_ptr(), libc::W_OK) });
    let mount = format!("\"tmpfs\" file system mounted on \"{}\" is read-only", t.dir.display());
    assert_facts(&text, &["access(pathname = \"", "mode = W_OK)", "(30, EROFS)", &mount]);
}

#[test]
fn access_r_ok_as_nobody_names_bits_user_and_capability() {
    let d = Scratch::new("access-eacces");
    let f = d.join("secret");
    std::fs::write(&f, "x").unwrap();
    chmod(&f, 0o600);
    let p = f.to_string_lossy().to_string();
    assert!(!sh_as_nobody(&format!("test -r {p}")).status.success());
    let text = explain_as_nobody(&["-e", "EACCES", "access", &p, "R_OK"]);
    assert_facts(&text, &[
        "mode = R_OK",
        "real user 65534 \"nobody\"",
        "lacks read permission",
        "neither the owner (0 \"root\")",
        "\"---\" (mode 0600)",
        "CAP_DAC_OVERRIDE",
    ]);
}

#[test]
fn access_checks_with_the_real_user_not_the_effective_one() {
    // Effective root, real nobody (a setuid-root program run by nobody): the file can
    // be opened, but access(2) asks for the real user, who cannot search the directory.
    let d = Scratch::new("access-real");
    std::fs::create_dir(d.join("locked")).unwrap();
    std::fs::write(d.join("locked/inside"), "x").unwrap();
    chmod(&d.join("locked"), 0o700);
    let p = d.s("locked/inside");
    let setuid_like = ["--ruid=nobody", "--euid=0", "--rgid=nogroup", "--egid=0", "--clear-groups"];
    let probe = format!("import os; print(os.getresuid()[1], os.access({p:?}, os.R_OK), open({p:?}).read())");
    let out = Command::new("setpriv").args(setuid_like).args(["/usr/bin/python3", "-c", &probe]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0 False x");
    let out = Command::new("setpriv").args(setuid_like).args([explain_bin_for_others().as_str(), "-e", "EACCES", "access", &p, "R_OK"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let dir = format!("lacks search permission on the \"{}\" directory", d.join("locked").display());
    assert_facts(&text, &["real user 65534 \"nobody\"", &dir, "(mode 0700)"]);
}

#[test]
fn access_x_ok_as_root_says_no_execute_bit_is_set() {
    let d = Scratch::new("access-x");
    let f = d.join("script");
    std::fs::write(&f, "#!/bin/sh\n").unwrap();
    chmod(&f, 0o644);
    let p = cstr(&f);
    assert_eq!((unsafe { libc::access(p.as_ptr(), libc::X_OK) }, errno()), (-1, libc::EACCES));
    let text = message(|m, n| unsafe { b::explain_message_errno_access(m, n, libc::EACCES, p.as_ptr(), libc::X_OK) });
    assert_facts(&text, &["lacks execute permission", "\"rw-\" (mode 0644)", "no execute bit is set for anyone"]);
}

#[test]
fn access_w_ok_on_an_immutable_file_names_the_attribute() {
    let d = Scratch::new("access-immutable");
    let f = d.join("frozen");
    std::fs::write(&f, "x").unwrap();
    let st = Command::new("chattr").arg("+i").arg(&f).status().unwrap();
    assert!(st.success(), "chattr +i (the scratch file system must support it)");
    let p = cstr(&f);
    let r = (unsafe { libc::access(p.as_ptr(), libc::W_OK) }, errno());
    let text = message(|m, n| unsafe { b::explain_message_errno_access(m, n, libc::EPERM, p.as_ptr(), libc::W_OK) });
    let _ = Command::new("chattr").arg("-i").arg(&f).status();
    assert_eq!(r, (-1, libc::EPERM));
    assert_facts(&text, &["(1, EPERM)", "/frozen\" is marked immutable (chattr +i)", "CAP_LINUX_IMMUTABLE"]);
}

#[test]
fn access_einval_names_the_bad_mode_bits() {
    let p = CString::new("/etc/passwd").unwrap();
    assert_eq!((unsafe { libc::access(p.as_ptr(), 0x10) }, errno()), (-1, libc::EINVAL));
    let text = message(|m, n| unsafe { b::explain_message_errno_access(m, n, libc::EINVAL, p.as_ptr(), 0x10 | libc::R_OK) });
    assert_facts(&text, &["mode = R_OK | 0x10", "mode contains 0x10, which access(2) does not accept: it takes X_OK, W_OK and R_OK (or F_OK, 0)"]);
}

#[test]
fn access_w_ok_on_a_running_program_names_the_process() {
    // Linux 6 answers access(W_OK) for a running program without ETXTBSY, but open(2)
    // for writing still refuses it: the state is real, the diagnosis names the process.
    let d = Scratch::new("access-txtbsy");
    let prog = d.join("sleeper");
    let mut child = copy_and_spawn("/bin/sleep", &prog, &["30"]);
    std::thread::sleep(std::time::Duration::from_millis(200));
    let busy = std::fs::OpenOptions::new().write(true).open(&prog);
    assert_eq!(busy.unwrap_err().raw_os_error(), Some(libc::ETXTBSY));
    let text = explain(&["-e", "ETXTBSY", "access", &prog.to_string_lossy(), "W_OK"]);
    child.kill().unwrap();
    child.wait().unwrap();
    let pid = format!("(process {} \"sleeper\")", child.id());
    assert_facts(&text, &["is a program that is running", &pid]);
}

#[test]
fn stat_through_a_regular_file_names_the_file() {
    let d = Scratch::new("stat-enotdir");
    std::fs::write(d.join("notes.txt"), "x").unwrap();
    let p = cstr(&d.join("notes.txt/inner"));
    let mut st = stat_buf();
    assert_eq!((unsafe { libc::stat(p.as_ptr(), &mut st) }, errno()), (-1, libc::ENOTDIR));
    let text = message(|m, n| unsafe { b::explain_message_stat(m, n, p.as_ptr(), &st) });
    let culprit = format!("\"{}\" is a regular file, not a directory", d.join("notes.txt").display());
    assert_facts(&text, &["(20, ENOTDIR)", &culprit]);
}

#[test]
fn stat_enoent_suggests_the_nearest_name() {
    let d = Scratch::new("stat-typo");
    std::fs::write(d.join("config.yaml"), "").unwrap();
    let p = cstr(&d.join("cofnig.yaml"));
    let mut st = stat_buf();
    assert_eq!((unsafe { libc::stat(p.as_ptr(), &mut st) }, errno()), (-1, libc::ENOENT));
    let text = message(|m, n| unsafe { b::explain_message_stat(m, n, p.as_ptr(), &st) });
    assert_facts(&text, &["(2, ENOENT)", "no \"cofnig.yaml\" in the", "perhaps the \"config.yaml\" regular file was meant"]);
}

#[test]
fn lstat_eloop_names_the_looping_link() {
    let d = Scratch::new("lstat-loop");
    std::os::unix::fs::symlink("ping", d.join("pong")).unwrap();
    std::os::unix::fs::symlink("pong", d.join("ping")).unwrap();
    let p = cstr(&d.join("ping/file"));
    let mut st = stat_buf();
    assert_eq!((unsafe { libc::lstat(p.as_ptr(), &mut st) }, errno()), (-1, libc::ELOOP));
    let text = message(|m, n| unsafe { b::explain_message_lstat(m, n, p.as_ptr(), &st) });
    assert_facts(&text, &["lstat(pathname = ", "(40, ELOOP)", "form a loop of 2: \""]);
    let ring = format!("\"{}\" -> \"{}\" -> \"{}\" again", d.s("ping"), d.s("pong"), d.s("ping"));
    assert_facts(&text, &[ring.as_str()]);
    // lstat of the link itself succeeds: the final link is not followed.
    let link = cstr(&d.join("ping"));
    assert_eq!(unsafe { libc::lstat(link.as_ptr(), &mut st) }, 0);
}

#[test]
fn statfs_on_a_missing_path_names_the_missing_directory() {
    let d = Scratch::new("statfs-enoent");
    std::fs::create_dir(d.join("mnt")).unwrap();
    let p = cstr(&d.join("mtn/data"));
    let mut sf: libc::statfs = unsafe { std::mem::zeroed() };
    assert_eq!((unsafe { libc::statfs(p.as_ptr(), &mut sf) }, errno()), (-1, libc::ENOENT));
    let text = message(|m, n| unsafe { b::explain_message_statfs(m, n, p.as_ptr(), &mut sf) });
    assert_facts(&text, &["statfs(pathname = ", "(2, ENOENT)", "no \"mtn\" directory in the", "perhaps the \"mnt\" directory was meant"]);
}

#[test]
fn statfs_family_names_the_file_system_type() {
    // ENOSYS cannot be provoked from tmpfs, which implements statfs; the facts stated
    // about the file system (its name and f_type constant) come from the real mount.
    let d = Scratch::new("statfs-type");
    let t = Tmpfs::mount(&d.join("t"), "size=64k");
    let text = explain(&["-e", "ENOSYS", "statvfs", &t.dir.to_string_lossy(), "0x1000"]);
    let mount = format!("the \"tmpfs\" file system mounted on \"{}\" (f_type TMPFS_MAGIC) does not implement statfs(2)", t.dir.display());
    assert_facts(&text, &[&mount]);
}

#[test]
fn fstat_on_a_closed_descriptor_is_ebadf() {
    let fd = unsafe { libc::open(b"/etc/hostname\0".as_ptr() as *const c_char, libc::O_RDONLY) };
    assert!(fd >= 0);
    unsafe { libc::close(fd) };
    let mut st = stat_buf();
    assert_eq!((unsafe { libc::fstat(fd, &mut st) }, errno()), (-1, libc::EBADF));
    let text = message(|m, n| unsafe { b::explain_message_errno_fstat(m, n, libc::EBADF, fd, &mut st) });
    assert_facts(&text, &[&format!("fstat(fildes = {fd}, "), "(9, EBADF)", &format!("fildes {fd} is not an open file descriptor")]);
}

#[test]
fn fstatfs_and_fpathconf_on_a_closed_descriptor_are_ebadf() {
    let text = explain(&["-e", "EBADF", "fstatfs", "977", "0x1000"]);
    assert_facts(&text, &["fildes 977 is not an open file descriptor"]);
    let text = explain(&["-e", "EBADF", "fpathconf", "977", "_PC_NAME_MAX"]);
    assert_facts(&text, &["name = _PC_NAME_MAX", "fildes 977 is not an open file descriptor"]);
}

#[test]
fn pathconf_with_a_bogus_name_names_the_value() {
    let p = CString::new("/tmp").unwrap();
    unsafe { *libc::__errno_location() = 0 };
    assert_eq!((unsafe { libc::pathconf(p.as_ptr(), 4242) }, errno()), (-1, libc::EINVAL));
    let text = message(|m, n| unsafe { b::explain_message_errno_pathconf(m, n, libc::EINVAL, p.as_ptr(), 4242) });
    assert_facts(&text, &["name = 4242)", "name is 4242, which is none of the pathconf names", "_PC_LINK_MAX"]);
}

#[test]
fn pathconf_on_error_tells_no_limit_from_failure() {
    let p = CString::new("/").unwrap();
    // A real limit, and errno left as it was.
    unsafe { *libc::__errno_location() = libc::EINTR };
    let v = unsafe { b::explain_pathconf_on_error(p.as_ptr(), libc::_PC_NAME_MAX) };
    assert_eq!((v, errno()), (255, libc::EINTR));
    // -1 without an error means "no limit" (_PC_SYMLINK_MAX on Linux): not a failure,
    // and errno is the caller's again.
    let v = unsafe { b::explain_pathconf_on_error(p.as_ptr(), libc::_PC_SYMLINK_MAX) };
    assert_eq!((v, errno()), (-1, libc::EINTR));
    // A failure keeps the call's own errno.
    let v = unsafe { b::explain_pathconf_on_error(p.as_ptr(), 4242) };
    assert_eq!((v, errno()), (-1, libc::EINVAL));
}

#[test]
fn realpath_on_a_dangling_symlink_names_its_target() {
    let d = Scratch::new("realpath-dangling");
    std::os::unix::fs::symlink("gone/away.txt", d.join("shortcut")).unwrap();
    let p = cstr(&d.join("shortcut"));
    let r = unsafe { libc::realpath(p.as_ptr(), core::ptr::null_mut()) };
    assert!(r.is_null());
    assert_eq!(errno(), libc::ENOENT);
    let text = message(|m, n| unsafe { b::explain_message_errno_realpath(m, n, libc::ENOENT, p.as_ptr(), core::ptr::null_mut()) });
    assert_facts(&text, &["resolved_pathname = NULL", "(2, ENOENT)", "no \"gone\" directory in the", "reached through the symbolic link \"", "points to \"gone/away.txt\""]);
    // A dangling final target: the link and its target are named.
    std::os::unix::fs::symlink("nowhere", d.join("dangling")).unwrap();
    let text = explain(&["-e", "ENOENT", "realpath", &d.s("dangling"), "NULL"]);
    assert_facts(&text, &["the symbolic link \"", "/dangling\" points to \"nowhere\""]);
}

#[test]
fn efault_names_the_bad_buffer_and_its_size() {
    let p = CString::new("/etc/passwd").unwrap();
    let bad = 0x10 as *mut libc::stat;
    assert_eq!((unsafe { libc::stat(p.as_ptr(), bad) }, errno()), (-1, libc::EFAULT));
    let text = message(|m, n| unsafe { b::explain_message_stat(m, n, p.as_ptr(), bad) });
    let size = std::mem::size_of::<libc::stat>();
    assert_facts(&text, &["data = 0x00000010)", "(14, EFAULT)", &format!("data (0x10, {size} bytes) is not entirely within the process's accessible address space")]);
    // fstatfs too: the statfs buffer's own size.
    let sf = 0x10 as *mut libc::statfs;
    assert_eq!((unsafe { libc::fstatfs(0, sf) }, errno()), (-1, libc::EFAULT));
    let text = message(|m, n| unsafe { b::explain_message_fstatfs(m, n, 0, sf) });
    let size = std::mem::size_of::<libc::statfs>();
    assert_facts(&text, &[&format!("data (0x10, {size} bytes)")]);
}

static READ_ONLY: [u8; 512] = [0; 512];

#[test]
fn efault_tells_a_read_only_buffer_from_an_unmapped_one() {
    let p = CString::new("/etc/passwd").unwrap();
    let ro = READ_ONLY.as_ptr() as *mut libc::stat;
    assert_eq!((unsafe { libc::stat(p.as_ptr(), ro) }, errno()), (-1, libc::EFAULT));
    let text = message(|m, n| unsafe { b::explain_message_stat(m, n, p.as_ptr(), ro) });
    assert_facts(&text, &["may read but not write"]);
    // And an unreadable pathname is named as the culprit, not the buffer.
    let st = stat_buf();
    let text = message(|m, n| unsafe { b::explain_message_errno_stat(m, n, libc::EFAULT, 0x10 as *const c_char, &st) });
    assert_facts(&text, &["pathname = 0x00000010", "pathname (0x10) does not point to readable memory"]);
}

#[test]
fn fstatat_empty_path_without_at_empty_path_is_explained() {
    let empty = CString::new("").unwrap();
    let mut st = stat_buf();
    assert_eq!((unsafe { libc::fstatat(libc::AT_FDCWD, empty.as_ptr(), &mut st, 0) }, errno()), (-1, libc::ENOENT));
    let text = message(|m, n| unsafe { b::explain_message_errno_fstatat(m, n, libc::ENOENT, libc::AT_FDCWD, empty.as_ptr(), &mut st, 0) });
    assert_facts(&text, &["fildes = AT_FDCWD", "flags = 0)", "empty string, which names a file only with AT_EMPTY_PATH"]);
    let text = explain(&["-e", "EINVAL", "fstatat", "AT_FDCWD", "/tmp", "0x1000", "AT_SYMLINK_NOFOLLOW|0x8000"]);
    assert_facts(&text, &["flags = AT_SYMLINK_NOFOLLOW | 0x8000", "flags contains 0x8000, which fstatat(2) does not accept: it takes AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH and AT_NO_AUTOMOUNT"]);
}

#[test]
fn ustat_on_error_performs_the_call_and_explains_an_unmounted_device() {
    let root = std::fs::metadata("/").unwrap();
    let mut data = [0u8; 64];
    use std::os::unix::fs::MetadataExt;
    let ok = unsafe { b::explain_ustat_on_error(root.dev(), data.as_mut_ptr() as *mut _) };
    assert_eq!(ok, 0);
    let nodev = libc::makedev(250, 250);
    let r = unsafe { b::explain_ustat_on_error(nodev, data.as_mut_ptr() as *mut _) };
    assert_eq!((r, errno()), (-1, libc::EINVAL));
    let text = explain(&["-e", "EINVAL", "ustat", "250,250", "0x1000"]);
    assert_facts(&text, &["dev = MKDEV(250, 250)", "dev (major 250, minor 250) is not the device of any mounted file system"]);
}

const CALLS: &[&str] = &[
    "access", "stat", "lstat", "fstat", "fstatat", "statfs", "fstatfs", "statvfs", "fstatvfs", "ustat", "pathconf",
    "fpathconf", "realpath", "readlink",
];

fn gcc_syntax(src: &str, tag: &str) -> std::process::Output {
    let d = std::env::temp_dir().join(format!("meta-parity-{}-{tag}.c", std::process::id()));
    std::fs::write(&d, src).unwrap();
    let out = Command::new("gcc").args(["-Wall", "-Wextra", "-Werror", "-fsyntax-only"]).arg(&d).output().unwrap();
    let _ = std::fs::remove_file(&d);
    out
}

#[test]
fn headers_match_debians_prototypes() {
    let ours = concat!(env!("CARGO_MANIFEST_DIR"), "/include/libexplain");
    for call in CALLS {
        // Both orders: each header's forward declarations must serve the other's.
        for (first, second) in [
            (format!("<libexplain/{call}.h>"), format!("\"{ours}/{call}.h\"")),
            (format!("\"{ours}/{call}.h\""), format!("<libexplain/{call}.h>")),
        ] {
            let src = format!("#define _FILE_OFFSET_BITS 64\n#include <sys/types.h>\n#include {first}\n#include {second}\nint main(void) {{ return 0; }}\n");
            let out = gcc_syntax(&src, call);
            assert!(out.status.success(), "{call}: {first} then {second}:\n{}", String::from_utf8_lossy(&out.stderr));
        }
    }
    // The check can fail: a prototype that differs in one const is refused.
    let bad = "#define _FILE_OFFSET_BITS 64\n#include <libexplain/fstat.h>\n\
               void explain_message_fstat(char *message, int message_size, int fildes, const struct stat *data);\n";
    assert!(!gcc_syntax(bad, "negative").status.success());
}
