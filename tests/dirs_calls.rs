//! Directories, mounts, accounting and ACLs explained on real failing states: each test
//! makes the call fail for real (in-process, in a child, or as nobody), then explains that
//! errno and checks the facts the diagnosis must name.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use explain::sys::acl;
use libc::{c_char, c_int};
use std::ffi::CString;
use std::process::Command;


/// Runs one explain_message_errno_* function into a fresh buffer.
fn message(f: impl FnOnce(*mut c_char, c_int)) -> String {
    let mut out = [0u8; 4096];
    f(out.as_mut_ptr() as *mut c_char, out.len() as c_int);
    text(&out)
}

/// Asserts the last call failed with `want`, and returns it.
#[track_caller]
fn failed_with(want: i32) -> i32 {
    let e = errno();
    assert_eq!(e, want, "the call failed with errno {e}, not {want}");
    e
}

/// A ramfs (which keeps no extended attributes, hence no ACLs) mounted on `dir`.
struct Ramfs(std::path::PathBuf);

impl Ramfs {
    fn mount(dir: &std::path::Path) -> Ramfs {
        std::fs::create_dir_all(dir).unwrap();
        let st = Command::new("mount").args(["-t", "ramfs", "ramfs"]).arg(dir).status().unwrap();
        assert!(st.success(), "mount ramfs on {}", dir.display());
        Ramfs(dir.to_path_buf())
    }
}

impl Drop for Ramfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[test]
fn chdir_eacces_names_bits_user_and_capability() {
    let d = Scratch::new("chdir-eacces");
    let private = d.join("private");
    std::fs::create_dir(&private).unwrap();
    chmod(&private, 0o700);
    let p = private.to_string_lossy().to_string();
    assert!(!sh_as_nobody(&format!("cd {p}")).status.success(), "nobody could enter a 0700 root directory");
    let text = explain_as_nobody(&["-e", "EACCES", "chdir", &p]);
    assert_facts(&text, &["65534 \"nobody\"", "lacks search permission on the directory", "\"---\"", "mode 0700", "0 \"root\"", "CAP_DAC_OVERRIDE", "current directory"]);
}

#[test]
fn chdir_enotdir_names_the_files_type() {
    let d = Scratch::new("chdir-enotdir");
    let f = d.join("plain");
    std::fs::write(&f, "x").unwrap();
    let c = cstr(&f);
    // SAFETY: a valid C string; chdir fails, so the test's cwd does not change.
    assert_eq!(unsafe { libc::chdir(c.as_ptr()) }, -1);
    let e = failed_with(libc::ENOTDIR);
    // SAFETY: the buffer is writable; the path is a valid C string.
    let text = message(|m, n| unsafe { b::explain_message_errno_chdir(m, n, e, c.as_ptr()) });
    assert_facts(&text, &["chdir(pathname = \"", "(20, ENOTDIR)", "/plain\" is a regular file, not a directory"]);
}

#[test]
fn getcwd_erange_prints_the_size_the_path_needs() {
    let mut buf = [0u8; 2];
    // SAFETY: buf has 2 writable bytes, the size given.
    let r = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut c_char, 2) };
    assert!(r.is_null());
    let e = failed_with(libc::ERANGE);
    let cwd = std::env::current_dir().unwrap();
    let need = cwd.as_os_str().len() + 1;
    // SAFETY: as above.
    let text = message(|m, n| unsafe { b::explain_message_errno_getcwd(m, n, e, buf.as_mut_ptr() as *mut c_char, 2) });
    assert_facts(&text, &["data_size = 2)", "(34, ERANGE)", "data_size is 2 bytes", &format!("\"{}\"", cwd.display()), &format!("needs {need} bytes")]);
}

#[test]
fn getcwd_enoent_names_the_removed_directory() {
    let d = Scratch::new("getcwd-gone");
    let gone = d.join("gone");
    std::fs::create_dir(&gone).unwrap();
    let g = gone.to_string_lossy().to_string();
    // A child whose cwd is removed under it: getcwd fails there for real (pwd -P), and the
    // explain command, started in that state, explains it from the same state.
    let script = format!("cd {g} && rmdir {g} && if /bin/pwd -P; then exit 3; fi; exec {} -e ENOENT getcwd NULL 4096", env!("CARGO_BIN_EXE_explain"));
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &["(2, ENOENT)", &format!("the current directory \"{g}\" has been removed"), "(deleted)"]);
}

#[test]
fn chroot_eperm_names_the_caller_and_cap_sys_chroot() {
    let out = sh_as_nobody("chroot / /bin/true");
    assert!(!out.status.success(), "nobody could chroot");
    let text = explain_as_nobody(&["-e", "EPERM", "chroot", "/"]);
    assert_facts(&text, &["(1, EPERM)", "effective user 65534 \"nobody\"", "does not have the CAP_SYS_CHROOT capability"]);
}

#[test]
fn opendir_enoent_suggests_the_nearest_directory() {
    let d = Scratch::new("opendir-typo");
    std::fs::create_dir(d.join("config")).unwrap();
    let p = d.s("confg");
    assert_eq!(std::fs::read_dir(&p).unwrap_err().raw_os_error(), Some(libc::ENOENT));
    let text = explain(&["-e", "ENOENT", "opendir", &p]);
    assert_facts(&text, &["no \"confg\" in the", "perhaps the \"config\" directory was meant"]);
}

#[test]
fn fdopendir_enotdir_names_the_descriptors_file_and_type() {
    let d = Scratch::new("fdopendir");
    let f = d.join("notes.txt");
    std::fs::write(&f, "x").unwrap();
    let file = std::fs::File::open(&f).unwrap();
    let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
    // SAFETY: fd is open; fdopendir fails on a regular file and takes no ownership then.
    assert!(unsafe { libc::fdopendir(fd) }.is_null());
    let e = failed_with(libc::ENOTDIR);
    // SAFETY: the buffer is writable.
    let text = message(|m, n| unsafe { b::explain_message_errno_fdopendir(m, n, e, fd) });
    assert_facts(&text, &[&format!("fildes {fd} \"{}\" refers to a regular file, not a directory", f.display())]);
}

#[test]
fn readdir_ebadf_when_the_streams_descriptor_was_closed() {
    let d = Scratch::new("readdir-ebadf");
    let c = cstr(&d.path);
    // The stream's descriptor gets a high number, so that no other test's open reuses it
    // between its close here and the explanation.
    // SAFETY: a valid path; every descriptor made here is closed below.
    let low = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC) };
    assert!(low >= 0);
    let fd = unsafe { libc::fcntl(low, libc::F_DUPFD_CLOEXEC, 900) };
    assert!(fd >= 900);
    unsafe { libc::close(low) };
    // SAFETY: fd is an open directory; the stream owns it from here.
    let dir = unsafe { libc::fdopendir(fd) };
    assert!(!dir.is_null());
    // SAFETY: the stream's descriptor is closed behind its back.
    assert_eq!(unsafe { libc::close(fd) }, 0);
    // SAFETY: readdir on a stream whose descriptor is closed fails with EBADF.
    assert!(unsafe { libc::readdir(dir) }.is_null());
    let e = failed_with(libc::EBADF);
    // SAFETY: the buffer is writable; dir is only examined.
    let text = message(|m, n| unsafe { b::explain_message_errno_readdir(m, n, e, dir) });
    // SAFETY: releases the stream (its close of the high descriptor fails with EBADF).
    unsafe { libc::closedir(dir) };
    assert_facts(&text, &["readdir(dir = 0x", &format!("the descriptor of the directory stream dir ({fd}) is not open"), "close(dirfd(dir))"]);
}

#[test]
fn readdir_on_error_at_the_end_leaves_errno_alone() {
    let d = Scratch::new("readdir-end");
    let c = cstr(&d.path);
    // SAFETY: a valid path.
    let dir = unsafe { libc::opendir(c.as_ptr()) };
    assert!(!dir.is_null());
    let mut names = 0;
    explain::abi::set_errno(libc::EAGAIN);
    loop {
        // SAFETY: dir is a live stream.
        let ent = unsafe { b::explain_readdir_on_error(dir) };
        if ent.is_null() {
            break;
        }
        names += 1;
    }
    let e = errno();
    // SAFETY: dir is a live stream, closed once.
    unsafe { libc::closedir(dir) };
    assert_eq!(names, 2, "an empty directory holds . and ..");
    assert_eq!(e, libc::EAGAIN, "the end of the stream is not a failure and keeps the caller's errno");
}

#[test]
fn mount_enodev_suggests_the_nearest_known_type() {
    let d = Scratch::new("mount-enodev");
    let c = cstr(&d.path);
    let (src, ty) = (CString::new("none").unwrap(), CString::new("tmpfz").unwrap());
    // SAFETY: valid C strings; the mount fails.
    assert_eq!(unsafe { libc::mount(src.as_ptr(), c.as_ptr(), ty.as_ptr(), 0, std::ptr::null()) }, -1);
    failed_with(libc::ENODEV);
    let text = explain(&["-e", "ENODEV", "mount", "none", &d.s(""), "tmpfz", "0", "NULL"]);
    assert_facts(&text, &["file_system_type = \"tmpfz\"", "(19, ENODEV)", "does not know the file system type \"tmpfz\"", "/proc/filesystems", "perhaps \"tmpfs\" was meant"]);
}

#[test]
fn mount_enoent_names_the_missing_target() {
    let d = Scratch::new("mount-enoent");
    std::fs::create_dir(d.join("mnt")).unwrap();
    let target = d.join("mtn");
    let c = cstr(&target);
    let s = CString::new("tmpfs").unwrap();
    // SAFETY: valid C strings; the mount fails.
    assert_eq!(unsafe { libc::mount(s.as_ptr(), c.as_ptr(), s.as_ptr(), 0, std::ptr::null()) }, -1);
    let e = failed_with(libc::ENOENT);
    // SAFETY: valid C strings and a writable buffer.
    let text = message(|m, n| unsafe {
        b::explain_message_errno_mount(m, n, e, s.as_ptr(), c.as_ptr(), s.as_ptr(), libc::MS_NOSUID, std::ptr::null())
    });
    assert_facts(&text, &["flags = MS_NOSUID", "there is no \"mtn\" in the", "perhaps the \"mnt\" directory was meant"]);
}

#[test]
fn mount_eperm_as_nobody_names_cap_sys_admin() {
    let d = Scratch::new("mount-eperm");
    let p = d.s("");
    assert!(!sh_as_nobody(&format!("mount -t tmpfs tmpfs {p}")).status.success());
    let text = explain_as_nobody(&["-e", "EPERM", "mount", "tmpfs", &p, "tmpfs", "MS_NODEV|MS_NOEXEC", "NULL"]);
    assert_facts(&text, &["flags = MS_NODEV | MS_NOEXEC", "effective user 65534 \"nobody\"", "does not have the CAP_SYS_ADMIN capability"]);
}

#[test]
fn acct_refuses_a_directory_and_a_device_naming_their_types() {
    let d = Scratch::new("acct");
    let c = cstr(&d.path);
    // SAFETY: a valid C string; accounting cannot be switched on to a directory.
    assert_eq!(unsafe { libc::acct(c.as_ptr()) }, -1);
    let e = errno();
    assert!(e == libc::EISDIR || e == libc::EACCES, "acct on a directory failed with {e}");
    // SAFETY: valid C string and writable buffer.
    let text = message(|m, n| unsafe { b::explain_message_errno_acct(m, n, e, c.as_ptr()) });
    assert_facts(&text, &[&format!("\"{}\" is a directory, and accounting records are written only to a regular file", d.path.display())]);

    let null = CString::new("/dev/null").unwrap();
    // SAFETY: as above; /dev/null is not a regular file.
    assert_eq!(unsafe { libc::acct(null.as_ptr()) }, -1);
    let e = failed_with(libc::EACCES);
    // SAFETY: as above.
    let text = message(|m, n| unsafe { b::explain_message_errno_acct(m, n, e, null.as_ptr()) });
    assert_facts(&text, &["(13, EACCES)", "\"/dev/null\" is a character special device"]);
}

#[test]
fn acl_from_text_einval_shows_the_refused_entry() {
    let t = CString::new("u::rw-,g::r--,bogus::r,o::---").unwrap();
    // SAFETY: a valid C string; libacl refuses it.
    assert!(unsafe { acl::acl_from_text(t.as_ptr()) }.is_null());
    let e = failed_with(libc::EINVAL);
    // SAFETY: a valid C string and a writable buffer.
    let text = message(|m, n| unsafe { b::explain_message_errno_acl_from_text(m, n, e, t.as_ptr()) });
    assert_facts(&text, &["entry 3 of text, \"bogus::r\" (at byte 14)", "not a tag"]);
    let text = explain(&["-e", "EINVAL", "acl_from_text", "u::rwx,u:no-such-user-x:r--,o::r"]);
    assert_facts(&text, &["entry 2", "names the user \"no-such-user-x\""]);
}

#[test]
fn acl_set_file_enotsup_names_the_ramfs_mount() {
    let d = Scratch::new("acl-ramfs");
    let _fs = Ramfs::mount(&d.join("ram"));
    let f = d.join("ram/file");
    std::fs::write(&f, "x").unwrap();
    let c = cstr(&f);
    let t = CString::new("u::rw-,g::r--,o::---").unwrap();
    // SAFETY: a valid C string; the ACL is freed below.
    let a = unsafe { acl::acl_from_text(t.as_ptr()) };
    assert!(!a.is_null());
    // SAFETY: a valid path and a valid ACL.
    let r = unsafe { acl::acl_set_file(c.as_ptr(), acl::ACL_TYPE_ACCESS, a) };
    let e = errno();
    assert_eq!(r, -1, "ramfs accepted an ACL");
    assert_eq!(e, libc::ENOTSUP);
    // SAFETY: valid arguments and a writable buffer.
    let text = message(|m, n| unsafe { b::explain_message_errno_acl_set_file(m, n, e, c.as_ptr(), acl::ACL_TYPE_ACCESS, a) });
    // SAFETY: a was made by acl_from_text and is freed once.
    unsafe { acl::acl_free(a) };
    assert_facts(&text, &["type = ACL_TYPE_ACCESS, acl = \"u::rw- g::r-- o::---\"", "the \"ramfs\" file system mounted on ", "/ram\" does not support access control lists"]);
}

#[test]
fn acl_set_file_einval_says_which_entry_is_missing() {
    let d = Scratch::new("acl-einval");
    let f = d.join("file");
    std::fs::write(&f, "x").unwrap();
    let c = cstr(&f);
    // A named user without a mask: well formed text, but not a valid ACL.
    let t = CString::new("u::rw-,u:0:r--,g::r--,o::---").unwrap();
    // SAFETY: as above.
    let a = unsafe { acl::acl_from_text(t.as_ptr()) };
    assert!(!a.is_null());
    // SAFETY: as above.
    let r = unsafe { acl::acl_set_file(c.as_ptr(), acl::ACL_TYPE_ACCESS, a) };
    let e = errno();
    assert_eq!(r, -1);
    assert_eq!(e, libc::EINVAL);
    // SAFETY: as above.
    let text = message(|m, n| unsafe { b::explain_message_errno_acl_set_file(m, n, e, c.as_ptr(), acl::ACL_TYPE_ACCESS, a) });
    // SAFETY: as above.
    unsafe { acl::acl_free(a) };
    assert_facts(&text, &["acl is not a valid ACL (it has 4 entries)", "a required entry is missing", "mask"]);
}

#[test]
fn acl_get_file_enoent_names_the_missing_file() {
    let d = Scratch::new("acl-enoent");
    std::fs::write(d.join("present"), "x").unwrap();
    let c = cstr(&d.join("presnt"));
    // SAFETY: a valid C string.
    assert!(unsafe { acl::acl_get_file(c.as_ptr(), acl::ACL_TYPE_ACCESS) }.is_null());
    let e = failed_with(libc::ENOENT);
    // SAFETY: as above.
    let text = message(|m, n| unsafe { b::explain_message_errno_acl_get_file(m, n, e, c.as_ptr(), acl::ACL_TYPE_ACCESS) });
    assert_facts(&text, &["acl_get_file(pathname = \"", "there is no \"presnt\" in the", "perhaps the \"present\" regular file was meant"]);
}

/// A small ext2 image attached to a loop device (read-only when asked), detached on drop.
struct Loop {
    dev: String,
}

impl Loop {
    fn attach(image: &std::path::Path, read_only: bool) -> Loop {
        let st = Command::new("mkfs.ext2").args(["-q", "-F"]).arg(image).status().unwrap();
        assert!(st.success(), "mkfs.ext2");
        let mut cmd = Command::new("losetup");
        if read_only {
            cmd.arg("-r");
        }
        let out = cmd.args(["-f", "--show"]).arg(image).output().unwrap();
        assert!(out.status.success(), "losetup: {}", String::from_utf8_lossy(&out.stderr));
        Loop { dev: String::from_utf8_lossy(&out.stdout).trim().to_string() }
    }
}

impl Drop for Loop {
    fn drop(&mut self) {
        let _ = Command::new("losetup").args(["-d", &self.dev]).status();
    }
}

fn image(d: &Scratch) -> std::path::PathBuf {
    let img = d.join("fs.img");
    std::fs::File::create(&img).unwrap().set_len(4 << 20).unwrap();
    img
}

/// mount(2) for real; returns its errno (the test fails if it succeeds).
fn failing_mount(source: &str, target: &std::path::Path, fstype: &str, flags: u64) -> i32 {
    let (s, t, f) = (CString::new(source).unwrap(), cstr(target), CString::new(fstype).unwrap());
    // SAFETY: valid C strings.
    let r = unsafe { libc::mount(s.as_ptr(), t.as_ptr(), f.as_ptr(), flags, std::ptr::null()) };
    let e = errno();
    if r == 0 {
        let _ = Command::new("umount").arg(target).status();
        panic!("mount {source} on {} succeeded", target.display());
    }
    e
}

#[test]
fn mount_enotblk_names_the_sources_type() {
    let d = Scratch::new("mount-enotblk");
    let img = image(&d);
    assert!(Command::new("mkfs.ext2").args(["-q", "-F"]).arg(&img).status().unwrap().success());
    let e = failing_mount(&img.to_string_lossy(), &d.path, "ext2", 0);
    assert_eq!(e, libc::ENOTBLK);
    let text = explain(&["-e", "ENOTBLK", "mount", &img.to_string_lossy(), &d.s(""), "ext2", "0", "NULL"]);
    assert_facts(&text, &["(15, ENOTBLK)", "/fs.img\" is a regular file, not a block device", "\"ext2\" file system type needs a block device", "loop device"]);
}

#[test]
fn mount_ebusy_names_where_the_device_is_mounted() {
    let d = Scratch::new("mount-ebusy");
    let dev = Loop::attach(&image(&d), false);
    let m1 = d.join("m1");
    std::fs::create_dir(&m1).unwrap();
    let st = Command::new("mount").args(["-t", "ext2", &dev.dev]).arg(&m1).status().unwrap();
    assert!(st.success());
    let e = failing_mount(&dev.dev, &m1, "ext2", 0);
    let text = explain(&["-e", &e.to_string(), "mount", &dev.dev, &m1.to_string_lossy(), "ext2", "0", "NULL"]);
    let _ = Command::new("umount").arg(&m1).status();
    assert_eq!(e, libc::EBUSY);
    assert_facts(&text, &[&format!("the block device source \"{}\" is already mounted there", dev.dev), &format!("the \"ext2\" file system mounted on \"{}\"", m1.display())]);
}

#[test]
fn mount_eacces_read_only_device_without_ms_rdonly() {
    let d = Scratch::new("mount-ro");
    let dev = Loop::attach(&image(&d), true);
    let e = failing_mount(&dev.dev, &d.path, "ext2", 0);
    assert!(e == libc::EACCES || e == libc::EROFS, "mount of a read-only device failed with {e}");
    let text = explain(&["-e", &e.to_string(), "mount", &dev.dev, &d.s(""), "ext2", "MS_NOATIME", "NULL"]);
    assert_facts(&text, &[&format!("the block device source \"{}\" (", dev.dev), "is read-only, and MS_RDONLY was not given"]);
}

#[test]
fn acl_get_file_default_on_a_regular_file_says_only_directories_have_one() {
    let d = Scratch::new("acl-default");
    let f = d.join("file");
    std::fs::write(&f, "x").unwrap();
    let c = cstr(&f);
    // SAFETY: a valid C string.
    assert!(unsafe { acl::acl_get_file(c.as_ptr(), acl::ACL_TYPE_DEFAULT) }.is_null());
    let e = failed_with(libc::EACCES);
    let text = explain(&["-e", &e.to_string(), "acl_get_file", &f.to_string_lossy(), "ACL_TYPE_DEFAULT"]);
    assert_facts(&text, &["type = ACL_TYPE_DEFAULT)", "/file\" is a regular file", "only directories have a default ACL"]);
}

#[test]
fn acl_get_fd_ebadf_on_a_closed_descriptor() {
    // A high number no other test holds.
    let fd = 977;
    // SAFETY: fd is not open: acl_get_fd fails.
    assert!(unsafe { acl::acl_get_fd(fd) }.is_null());
    let e = failed_with(libc::EBADF);
    // SAFETY: a writable buffer.
    let text = message(|m, n| unsafe { b::explain_message_errno_acl_get_fd(m, n, e, fd) });
    assert_facts(&text, &["acl_get_fd(fildes = 977) failed", "fildes 977 is not an open file descriptor"]);
}

#[test]
fn getcwd_efault_names_the_buffer() {
    // SAFETY: the kernel checks the buffer: an unmapped one gives EFAULT, not a fault.
    assert!(unsafe { libc::getcwd(0x10 as *mut c_char, 100) }.is_null());
    let e = failed_with(libc::EFAULT);
    // SAFETY: the buffer is writable; data is only examined.
    let text = message(|m, n| unsafe { b::explain_message_errno_getcwd(m, n, e, 0x10 as *mut c_char, 100) });
    assert_facts(&text, &["getcwd(data = 0x00000010, data_size = 100) failed", "data (0x10, 100 bytes) is not entirely within"]);
}

#[test]
fn fchdir_enotdir_names_the_descriptors_file_and_type() {
    let d = Scratch::new("fchdir");
    let f = d.join("regular");
    std::fs::write(&f, "x").unwrap();
    let file = std::fs::File::open(&f).unwrap();
    let fd = std::os::fd::AsRawFd::as_raw_fd(&file);
    // SAFETY: fd is open; fchdir fails on a regular file, so the cwd does not change.
    assert_eq!(unsafe { libc::fchdir(fd) }, -1);
    let e = failed_with(libc::ENOTDIR);
    // SAFETY: a writable buffer.
    let text = message(|m, n| unsafe { b::explain_message_errno_fchdir(m, n, e, fd) });
    assert_facts(&text, &[&format!("fildes {fd} \"{}\" refers to a regular file, not a directory", f.display())]);
}
