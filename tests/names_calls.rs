//! link, linkat, symlink, remove, mknod, truncate, ftruncate and the temporary-file calls
//! explained on real failing states.
mod common;
use common::*;
use std::ffi::CString;
use std::fs;
use std::process::Command;

fn errno_of<T>(r: std::io::Result<T>) -> i32 {
    r.err().expect("the failing state is real").raw_os_error().unwrap()
}

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

#[test]
fn link_exdev_names_both_mount_points() {
    let d = Scratch::new("link-exdev");
    let a = Tmpfs::mount(&d.join("one"), "size=64k");
    let b = Tmpfs::mount(&d.join("two"), "size=64k");
    fs::write(a.dir.join("f"), "x").unwrap();
    let (old, new) = (a.dir.join("f"), b.dir.join("f"));
    assert_eq!(errno_of(fs::hard_link(&old, &new)), libc::EXDEV);
    let text = explain(&["-e", "EXDEV", "link", &old.to_string_lossy(), &new.to_string_lossy()]);
    let one = format!("oldpath is on the \"tmpfs\" file system mounted on \"{}\"", a.dir.display());
    let two = format!("newpath would be on the \"tmpfs\" file system mounted on \"{}\"", b.dir.display());
    assert_facts(&text, &[one.as_str(), two.as_str(), "a hard link must stay within one mount"]);
}

#[test]
fn link_eperm_when_oldpath_is_a_directory() {
    let d = Scratch::new("link-dir");
    fs::create_dir(d.join("dir")).unwrap();
    assert_eq!(errno_of(fs::hard_link(d.join("dir"), d.join("new"))), libc::EPERM);
    let text = explain(&["-e", "EPERM", "link", &d.s("dir"), &d.s("new")]);
    let o = format!("oldpath \"{}\" is a directory, and hard links to directories are not allowed", d.s("dir"));
    assert_facts(&text, &[o.as_str()]);
}

#[test]
fn link_eexist_names_the_type_already_there() {
    let d = Scratch::new("link-eexist");
    fs::write(d.join("file"), "x").unwrap();
    std::os::unix::fs::symlink("nowhere", d.join("taken")).unwrap();
    assert_eq!(errno_of(fs::hard_link(d.join("file"), d.join("taken"))), libc::EEXIST);
    let text = explain(&["-e", "EEXIST", "link", &d.s("file"), &d.s("taken")]);
    let n = format!("newpath \"{}\" is a symbolic link pointing to \"nowhere\", which does not exist (a dangling link), owned by user 0 \"root\", modified ", d.s("taken"));
    assert_facts(&text, &[n.as_str(), " ago, is already there"]);
}

#[test]
fn link_eperm_protected_hardlinks_names_owner_caller_and_bits() {
    if fs::read_to_string("/proc/sys/fs/protected_hardlinks").unwrap_or_default().trim() != "1" {
        eprintln!("protected_hardlinks is off here; the state cannot be built");
        return;
    }
    let d = Scratch::new("link-protected");
    let open = d.join("open");
    fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    fs::write(open.join("roots"), "x").unwrap();
    chmod(&open.join("roots"), 0o600);
    let (old, new) = (d.s("open/roots"), d.s("open/mine"));
    let real = sh_as_nobody(&format!("ln {old} {new}"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("not permitted"), "{real:?}");
    let text = explain_as_nobody(&["-e", "EPERM", "link", &old, &new]);
    assert_facts(&text, &["protected_hardlinks is 1", "belongs to 0 \"root\"", "effective user 65534 \"nobody\"", "lacks read and write permission on it", "mode 0600", "CAP_FOWNER"]);
}

#[test]
fn symlink_enoent_names_the_missing_directory_and_suggests() {
    let d = Scratch::new("symlink-enoent");
    fs::create_dir(d.join("docs")).unwrap();
    assert_eq!(errno_of(std::os::unix::fs::symlink("target", d.join("doc/link"))), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "symlink", "target", &d.s("doc/link")]);
    let dir = format!("there is no \"doc\" directory in the \"{}\" directory", d.path.display());
    assert_facts(&text, &[dir.as_str(), "perhaps the \"docs\" directory was meant"]);
}

#[test]
fn remove_of_a_non_empty_directory_is_explained_as_rmdir() {
    let d = Scratch::new("remove-dir");
    fs::create_dir(d.join("full")).unwrap();
    fs::write(d.join("full/inside"), "").unwrap();
    let p = c(&d.s("full"));
    // SAFETY: a valid C string.
    assert_ne!(unsafe { libc::remove(p.as_ptr()) }, 0);
    let e = errno();
    assert!(e == libc::ENOTEMPTY || e == libc::EEXIST);
    let text = explain(&["-e", "ENOTEMPTY", "remove", &d.s("full")]);
    let n = format!("\"{}\" is a directory holding 1 entry, \"inside\"", d.s("full"));
    assert_facts(&text, &[n.as_str()]);
}

#[test]
fn mknod_char_device_as_nobody_needs_cap_mknod() {
    let d = Scratch::new("mknod-eperm");
    let open = d.join("open");
    fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    let p = d.s("open/null");
    let real = sh_as_nobody(&format!("mknod {p} c 1 3"));
    assert!(String::from_utf8_lossy(&real.stderr).contains("not permitted"), "{real:?}");
    let text = explain_as_nobody(&["-e", "EPERM", "mknod", &p, "S_IFCHR|0600", "makedev(1, 3)"]);
    assert_facts(&text, &["mode = S_IFCHR | 0600", "dev = MKDEV(1, 3)", "creating a character special device needs the CAP_MKNOD capability", "effective user 65534 \"nobody\""]);
}

#[test]
fn truncate_efbig_prints_the_lowered_rlimit_fsize() {
    let d = Scratch::new("truncate-efbig");
    let f = d.s("file");
    fs::write(&f, "").unwrap();
    // The limit is lowered in children only (this process's other tests write files), with
    // SIGXFSZ ignored so that the call fails with EFBIG instead of killing truncate(1).
    let explain_bin = env!("CARGO_BIN_EXE_explain");
    let script = format!("trap '' XFSZ; prlimit --fsize=4096 truncate -s 1M {f}; prlimit --fsize=4096 {explain_bin} -e EFBIG truncate {f} 1048576");
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("File too large"), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    let fact = "length 1048576 is larger than the process's file size limit (RLIMIT_FSIZE) of 4096 bytes";
    assert_facts(&text, &[fact]);
}

#[test]
fn ftruncate_on_a_read_only_descriptor_says_so() {
    let d = Scratch::new("ftruncate-ro");
    let f = d.s("file");
    fs::write(&f, "abc").unwrap();
    let file = fs::File::open(&f).unwrap();
    use std::os::fd::AsRawFd;
    // SAFETY: an open descriptor.
    assert_eq!(unsafe { libc::ftruncate(file.as_raw_fd(), 100) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    // Descriptor 7 of the explain command is the same file, opened read-only.
    let script = format!("exec 7<{f}; exec {} -e EINVAL ftruncate 7 100", env!("CARGO_BIN_EXE_explain"));
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let fd = format!("fildes 7 \"{f}\" is open only for reading (O_RDONLY), not for writing");
    assert_facts(&text, &[fd.as_str(), "ftruncate needs a descriptor open for writing"]);
}

#[test]
fn truncate_etxtbsy_names_the_running_process() {
    let d = Scratch::new("truncate-etxtbsy");
    let prog = d.join("sleepy");
    let mut child = copy_and_spawn("/bin/sleep", &prog, &["30"]);
    // Wait until the copy is the child's running program.
    let exe = format!("/proc/{}/exe", child.id());
    for _ in 0..200 {
        if fs::read_link(&exe).is_ok_and(|p| p == prog) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let p = c(&prog.to_string_lossy());
    // SAFETY: a valid C string.
    let rc = unsafe { libc::truncate(p.as_ptr(), 0) };
    let e = errno();
    let text = explain(&["-e", "ETXTBSY", "truncate", &prog.to_string_lossy(), "0"]);
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!((rc, e), (-1, libc::ETXTBSY));
    let who = format!("is a program that is running (process {} \"sleepy\")", child.id());
    assert_facts(&text, &[who.as_str()]);
}

#[test]
fn mkstemp_einval_says_the_template_ends_in_four_xs() {
    let d = Scratch::new("mkstemp-einval");
    let t = d.s("fooXXXX");
    let mut buf = c(&t).into_bytes_with_nul();
    // SAFETY: a writable NUL-terminated template.
    assert_eq!(unsafe { libc::mkstemp(buf.as_mut_ptr() as *mut libc::c_char) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let text = explain(&["-e", "EINVAL", "mkstemp", &t]);
    let len = format!("templat is {} bytes long and ends in \"ooXXXX\", only 4 X's", t.len());
    assert_facts(&text, &[len.as_str(), "must be \"XXXXXX\""]);
}

#[test]
fn mkstemp_in_a_read_only_tmpfs_names_the_mount() {
    let d = Scratch::new("mkstemp-erofs");
    let ro = Tmpfs::mount(&d.join("ro"), "size=64k,ro");
    let t = format!("{}/fooXXXXXX", ro.dir.display());
    let mut buf = c(&t).into_bytes_with_nul();
    // SAFETY: a writable NUL-terminated template.
    assert_eq!(unsafe { libc::mkstemp(buf.as_mut_ptr() as *mut libc::c_char) }, -1);
    assert_eq!(errno(), libc::EROFS);
    let text = explain(&["-e", "EROFS", "mkstemp", &t]);
    let mnt = format!("the \"tmpfs\" file system mounted on \"{}\" is read-only", ro.dir.display());
    assert_facts(&text, &[mnt.as_str()]);
}

#[test]
fn mkdtemp_in_a_missing_directory_names_it() {
    let d = Scratch::new("mkdtemp-enoent");
    fs::create_dir(d.join("build")).unwrap();
    let t = d.s("biuld/tmpXXXXXX");
    let mut buf = c(&t).into_bytes_with_nul();
    // SAFETY: a writable NUL-terminated template.
    assert!(unsafe { libc::mkdtemp(buf.as_mut_ptr() as *mut libc::c_char) }.is_null());
    assert_eq!(errno(), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "mkdtemp", &t]);
    assert_facts(&text, &["there is no \"biuld\" directory", "perhaps the \"build\" directory was meant"]);
}

/// Builds a C program that calls tempnam(dir, "pre") and prints its errno's name.
fn tempnam_program(d: &Scratch) -> String {
    let src = d.join("tempnam.c");
    fs::write(&src, "#include <stdio.h>\n#include <stdlib.h>\n#include <errno.h>\n#include <string.h>\nint main(int c, char **v) { (void)c; char *p = tempnam(v[1], \"pre\"); if (p) { printf(\"ok %s\\n\", p); return 0; } printf(\"errno %d\\n\", errno); return 1; }\n").unwrap();
    let bin = d.s("tempnam");
    let out = Command::new("gcc").args(["-w", "-o", &bin]).arg(&src).output().unwrap();
    assert!(out.status.success(), "gcc: {}", String::from_utf8_lossy(&out.stderr));
    bin
}

#[test]
fn tempnam_in_a_directory_nobody_may_not_use_names_it_and_its_bits() {
    let d = Scratch::new("tempnam-eacces");
    let bin = tempnam_program(&d);
    let closed = d.join("closed");
    fs::create_dir(&closed).unwrap();
    chmod(&closed, 0o700);
    let dir = closed.to_string_lossy().to_string();
    // The real call, as nobody and without TMPDIR, which glibc would prefer.
    let real = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", &bin, &dir])
        .env_remove("TMPDIR")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&real.stdout).trim(), format!("errno {}", libc::EACCES));
    let out = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", &explain_bin_for_others(), "-e", "EACCES", "tempnam", &dir, "pre"])
        .env_remove("TMPDIR")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let used = format!("the temporary file's directory was \"{dir}\" (the dir argument)");
    assert_facts(&text, &[used.as_str(), "65534 \"nobody\"", "lacks write and search permission on it", "\"---\" (mode 0700)", "CAP_DAC_OVERRIDE"]);
}

#[test]
fn tempnam_prefers_tmpdir_and_says_which_directory_was_passed_over() {
    let d = Scratch::new("tempnam-tmpdir");
    fs::write(d.join("plain"), "").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(["-e", "EEXIST", "tempnam", &d.s("plain"), "pre"])
        .env("TMPDIR", d.s("missing"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let env = format!("the TMPDIR environment variable names \"{}\", which was passed over because examining it failed with No such file or directory", d.s("missing"));
    let arg = format!("the dir argument names \"{}\", a regular file, not a directory", d.s("plain"));
    assert_facts(&text, &["the temporary file's directory was \"/tmp\" (P_tmpdir", env.as_str(), arg.as_str()]);
}

#[test]
fn mktemp_on_error_explains_the_template_it_was_given_not_the_emptied_one() {
    if std::env::var_os("EXPLAIN_TEST_MKTEMP").is_some() {
        // The child: mktemp empties the template when it fails; the explanation printed
        // on stderr must still show the template as it was passed.
        let mut buf = c("/tmp/fooXXXX").into_bytes_with_nul();
        // SAFETY: a writable NUL-terminated template.
        let r = unsafe { explain::abi::boundary::explain_mktemp_on_error(buf.as_mut_ptr() as *mut libc::c_char) };
        let e = errno();
        println!("result[0]={} errno={e}", if r.is_null() { -1 } else { buf[0] as i32 });
        return;
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "mktemp_on_error_explains_the_template_it_was_given_not_the_emptied_one", "--nocapture", "--test-threads=1"])
        .env("EXPLAIN_TEST_MKTEMP", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_facts(&stdout, &[format!("result[0]=0 errno={}", libc::EINVAL).as_str()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_facts(&stderr, &["mktemp(pathname = \"/tmp/fooXXXX\") failed", "pathname is 12 bytes long and ends in \"ooXXXX\", only 4 X's"]);
}

#[test]
fn tmpfile_with_a_read_only_tmp_names_p_tmpdir_and_its_mount() {
    // The program and the explain command run in a private mount namespace where a
    // read-only tmpfs covers /tmp. Both are copied to a directory outside /tmp first, so
    // that they stay visible wherever the build tree is (a CI clone may live in /tmp).
    let outside = std::path::PathBuf::from(format!("/var/tmp/explain-test-tmpfile-{}", std::process::id()));
    fs::create_dir_all(&outside).unwrap();
    let src = outside.join("tmpfile_probe.c");
    let bin = outside.join("tmpfile_probe").to_string_lossy().into_owned();
    let explain_bin = outside.join("explain").to_string_lossy().into_owned();
    assert!(Command::new("cp").args([env!("CARGO_BIN_EXE_explain"), explain_bin.as_str()]).status().unwrap().success());
    fs::write(&src, "#include <stdio.h>\n#include <errno.h>\nint main(void) { FILE *f = tmpfile(); if (f) { puts(\"ok\"); return 0; } printf(\"errno %d\\n\", errno); return 1; }\n").unwrap();
    let out = Command::new("gcc").args(["-w", "-o", &bin]).arg(&src).output().unwrap();
    assert!(out.status.success(), "gcc: {}", String::from_utf8_lossy(&out.stderr));
    let script = format!("mount -t tmpfs -o ro,size=64k tmpfs /tmp && {bin}; {explain_bin} -e EROFS tmpfile");
    let out = Command::new("unshare").args(["-m", "--propagation", "private", "sh", "-c", &script]).output().unwrap();
    let _ = fs::remove_dir_all(&outside);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &[format!("errno {}", libc::EROFS).as_str()]);
    assert_facts(&text, &["the temporary file's directory was \"/tmp\" (P_tmpdir", "the \"tmpfs\" file system mounted on \"/tmp\" is read-only"]);
}

#[test]
fn link_emlink_gives_the_link_count_and_the_file_systems_limit() {
    let d = Scratch::new("link-emlink");
    let st = Command::new("stat").args(["-f", "-c", "%T"]).arg(&d.path).output().unwrap();
    if String::from_utf8_lossy(&st.stdout).trim() != "ext2/ext3" {
        eprintln!("not on ext4 here: its 65000-link limit cannot be reached");
        return;
    }
    let file = c(&d.s("f"));
    fs::write(d.join("f"), "").unwrap();
    let mut e = 0;
    for i in 0..70_000 {
        let name = c(&d.s(&format!("l{i}")));
        // SAFETY: valid C strings.
        if unsafe { libc::link(file.as_ptr(), name.as_ptr()) } != 0 {
            e = errno();
            break;
        }
    }
    assert_eq!(e, libc::EMLINK);
    let text = explain(&["-e", "EMLINK", "link", &d.s("f"), &d.s("one-more")]);
    assert_facts(&text, &["already has 65000 hard links", "the limit (LINK_MAX) is 65000 on the \"ext4\" file system mounted on"]);
}
