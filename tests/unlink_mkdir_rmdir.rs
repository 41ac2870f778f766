//! unlink(2), mkdir(2) and rmdir(2) explained on real failing states.
mod common;
use common::*;
use std::fs;
use std::process::Command;

fn errno_of<T>(r: std::io::Result<T>) -> i32 {
    r.err().expect("the failing state is real").raw_os_error().unwrap()
}

#[test]
fn unlink_in_sticky_directory_names_owners_and_cap_fowner() {
    let d = Scratch::new("unlink-sticky");
    let tmp = d.join("tmp");
    fs::create_dir(&tmp).unwrap();
    chmod(&tmp, 0o1777);
    fs::write(tmp.join("roots"), "x").unwrap();
    let p = tmp.join("roots").to_string_lossy().into_owned();
    let real = sh_as_nobody(&format!("rm -f {p}"));
    assert!(!real.status.success() && tmp.join("roots").exists());
    let text = explain_as_nobody(&["-e", "EPERM", "unlink", &p]);
    assert_facts(&text, &["sticky bit", "file's owner (0 \"root\")", "directory's owner (0 \"root\")", "65534 \"nobody\"", "CAP_FOWNER"]);
}

#[test]
fn unlink_eacces_as_nobody_names_bits_and_capability() {
    let d = Scratch::new("unlink-eacces");
    fs::create_dir(d.join("ro")).unwrap();
    fs::write(d.join("ro/f"), "x").unwrap();
    let p = d.s("ro/f");
    assert!(!sh_as_nobody(&format!("rm -f {p}")).status.success());
    let text = explain_as_nobody(&["-e", "EACCES", "unlink", &p]);
    let dir = format!("lacks write permission on the \"{}\" directory", d.s("ro"));
    assert_facts(&text, &[dir.as_str(), "\"r-x\" (mode 0755)", "CAP_DAC_OVERRIDE", "removing \"f\""]);
}

#[test]
fn unlink_of_a_directory_suggests_rmdir() {
    let d = Scratch::new("unlink-eisdir");
    fs::create_dir(d.join("sub")).unwrap();
    assert_eq!(errno_of(fs::remove_file(d.join("sub"))), libc::EISDIR);
    let text = explain(&["-e", "EISDIR", "unlink", &d.s("sub")]);
    assert_facts(&text, &["is a directory", "rmdir(2)"]);
}

#[test]
fn unlink_eperm_reports_an_immutable_file() {
    let d = Scratch::new("unlink-immutable");
    fs::write(d.join("frozen"), "x").unwrap();
    assert!(Command::new("chattr").arg("+i").arg(d.join("frozen")).status().unwrap().success());
    let e = errno_of(fs::remove_file(d.join("frozen")));
    let _ = Command::new("chattr").arg("-i").arg(d.join("frozen")).status();
    assert_eq!(e, libc::EPERM);
    assert!(Command::new("chattr").arg("+i").arg(d.join("frozen")).status().unwrap().success());
    let text = explain(&["-e", "EPERM", "unlink", &d.s("frozen")]);
    let _ = Command::new("chattr").arg("-i").arg(d.join("frozen")).status();
    assert_facts(&text, &["is immutable (chattr +i)"]);
}

#[test]
fn rmdir_enotempty_counts_and_names_entries() {
    let d = Scratch::new("rmdir-enotempty");
    fs::create_dir(d.join("full")).unwrap();
    for n in ["one", "two", "three", "four"] {
        fs::write(d.join("full").join(n), "").unwrap();
    }
    assert_eq!(errno_of(fs::remove_dir(d.join("full"))), libc::ENOTEMPTY);
    let text = explain(&["-e", "ENOTEMPTY", "rmdir", &d.s("full")]);
    assert_facts(&text, &["is a directory holding 4 entries, among them"]);
    let named = ["\"one\"", "\"two\"", "\"three\"", "\"four\""].iter().filter(|n| text.contains(*n)).count();
    assert_eq!(named, 3, "three entries named in:\n{text}");
}

#[test]
fn rmdir_ebusy_names_the_mount() {
    let d = Scratch::new("rmdir-ebusy");
    let m = Tmpfs::mount(&d.join("mnt"), "size=64k");
    assert_eq!(errno_of(fs::remove_dir(&m.dir)), libc::EBUSY);
    let text = explain(&["-e", "EBUSY", "rmdir", &m.dir.to_string_lossy()]);
    let mnt = format!("is in use as a mount point: the \"tmpfs\" file system mounted on \"{}\"", m.dir.display());
    assert_facts(&text, &[mnt.as_str()]);
}

#[test]
fn rmdir_ebusy_names_a_process_working_there() {
    let d = Scratch::new("rmdir-cwd");
    fs::create_dir(d.join("held")).unwrap();
    let mut child = Command::new("sleep").arg("30").current_dir(d.join("held")).spawn().unwrap();
    let text = explain(&["-e", "EBUSY", "rmdir", &d.s("held")]);
    let _ = child.kill();
    let _ = child.wait();
    assert_facts(&text, &["is the current working directory of process ", "\"sleep\""]);
}

#[test]
fn rmdir_enotdir_names_the_type() {
    let d = Scratch::new("rmdir-enotdir");
    fs::write(d.join("plain"), "").unwrap();
    assert_eq!(errno_of(fs::remove_dir(d.join("plain"))), libc::ENOTDIR);
    let text = explain(&["-e", "ENOTDIR", "rmdir", &d.s("plain")]);
    assert_facts(&text, &["is a regular file, not a directory", "unlink(2)"]);
}

#[test]
fn mkdir_erofs_names_the_read_only_tmpfs() {
    let d = Scratch::new("mkdir-erofs");
    let m = Tmpfs::mount(&d.join("ro"), "size=64k,ro");
    assert_eq!(errno_of(fs::create_dir(m.dir.join("new"))), libc::EROFS);
    let text = explain(&["-e", "EROFS", "mkdir", &m.dir.join("new").to_string_lossy(), "0755"]);
    let mnt = format!("the \"tmpfs\" file system mounted on \"{}\" is read-only", m.dir.display());
    assert_facts(&text, &["mode = 0755", mnt.as_str()]);
}

#[test]
fn mkdir_enospc_says_the_inodes_ran_out() {
    let d = Scratch::new("mkdir-enospc");
    let m = Tmpfs::mount(&d.join("small"), "size=64k,nr_inodes=4");
    let mut e = 0;
    for i in 0..16 {
        if let Err(err) = fs::create_dir(m.dir.join(format!("d{i}"))) {
            e = err.raw_os_error().unwrap();
            break;
        }
    }
    assert_eq!(e, libc::ENOSPC);
    let text = explain(&["-e", "ENOSPC", "mkdir", &m.dir.join("more").to_string_lossy(), "0755"]);
    assert_facts(&text, &["has no free inodes left", "0 of 4 inodes free"]);
}

#[test]
fn mkdir_enoent_names_the_missing_parent_and_suggests() {
    let d = Scratch::new("mkdir-enoent");
    fs::create_dir(d.join("projects")).unwrap();
    assert_eq!(errno_of(fs::create_dir(d.join("projcts/new"))), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "mkdir", &d.s("projcts/new"), "0755"]);
    assert_facts(&text, &["no \"projcts\" directory in", "perhaps the \"projects\" directory was meant"]);
}

#[test]
fn mkdir_eexist_on_a_dangling_symlink_names_its_target() {
    let d = Scratch::new("mkdir-dangling");
    std::os::unix::fs::symlink("/nonexistent/target", d.join("link")).unwrap();
    assert_eq!(errno_of(fs::create_dir(d.join("link"))), libc::EEXIST);
    let text = explain(&["-e", "EEXIST", "mkdir", &d.s("link"), "0755"]);
    assert_facts(&text, &["is a symbolic link pointing to \"/nonexistent/target\"", "dangling"]);
}

#[test]
fn mkdir_eacces_as_nobody_names_the_parent() {
    let d = Scratch::new("mkdir-eacces");
    let p = d.s("new");
    assert!(!sh_as_nobody(&format!("mkdir {p}")).status.success());
    let text = explain_as_nobody(&["-e", "EACCES", "mkdir", &p, "0755"]);
    let dir = format!("lacks write permission on the \"{}\" directory", d.path.display());
    assert_facts(&text, &[dir.as_str(), "creating \"new\"", "CAP_DAC_OVERRIDE"]);
}

#[test]
fn rmdir_einval_on_a_final_dot() {
    let d = Scratch::new("rmdir-dot");
    fs::create_dir(d.join("sub")).unwrap();
    let p = format!("{}/.", d.s("sub"));
    assert_eq!(errno_of(fs::remove_dir(&p)), libc::EINVAL);
    let text = explain(&["-e", "EINVAL", "rmdir", &p]);
    assert_facts(&text, &["last component of pathname is \".\""]);
}

#[test]
fn mkdir_enoent_in_proc_names_the_pseudo_file_system() {
    assert_eq!(errno_of(fs::create_dir("/proc/explain-test-new")), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "mkdir", "/proc/explain-test-new", "0755"]);
    assert_facts(&text, &["the \"/proc\" directory exists", "\"proc\" file system mounted on \"/proc\" does not let new names be created there"]);
}
