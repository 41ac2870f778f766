//! rename(2) explained on real failing states.
mod common;
use common::*;
use std::fs;

fn errno_of(r: std::io::Result<()>) -> i32 {
    r.expect_err("the failing state is real").raw_os_error().unwrap()
}

#[test]
fn rename_exdev_names_both_mount_points_and_types() {
    let d = Scratch::new("rename-exdev");
    let a = Tmpfs::mount(&d.join("one"), "size=64k");
    let b = Tmpfs::mount(&d.join("two"), "size=64k");
    fs::write(a.dir.join("f"), "x").unwrap();
    let (old, new) = (a.dir.join("f"), b.dir.join("f"));
    assert_eq!(errno_of(fs::rename(&old, &new)), libc::EXDEV);
    let text = explain(&["-e", "EXDEV", "rename", &old.to_string_lossy(), &new.to_string_lossy()]);
    let one = format!("\"tmpfs\" file system mounted on \"{}\"", a.dir.display());
    let two = format!("\"tmpfs\" file system mounted on \"{}\"", b.dir.display());
    assert_facts(&text, &["oldpath is on", one.as_str(), "newpath would be on", two.as_str()]);
}

#[test]
fn rename_einval_names_the_directory_and_its_own_subdirectory() {
    let d = Scratch::new("rename-einval");
    fs::create_dir_all(d.join("top/sub")).unwrap();
    let (old, new) = (d.s("top"), d.s("top/sub/moved"));
    assert_eq!(errno_of(fs::rename(&old, &new)), libc::EINVAL);
    let text = explain(&["-e", "EINVAL", "rename", &old, &new]);
    let o = format!("oldpath \"{old}\" is a directory");
    let n = format!("newpath \"{new}\" lies inside it");
    assert_facts(&text, &[o.as_str(), n.as_str()]);
}

#[test]
fn rename_file_onto_directory_is_eisdir() {
    let d = Scratch::new("rename-eisdir");
    fs::write(d.join("file"), "x").unwrap();
    fs::create_dir_all(d.join("dir/inside")).unwrap();
    assert_eq!(errno_of(fs::rename(d.join("file"), d.join("dir"))), libc::EISDIR);
    let text = explain(&["-e", "EISDIR", "rename", &d.s("file"), &d.s("dir")]);
    let n = format!("\"{}\" is a directory, and oldpath is not a directory", d.s("dir"));
    assert_facts(&text, &[n.as_str()]);
}

#[test]
fn rename_directory_onto_non_empty_directory_counts_its_entries() {
    let d = Scratch::new("rename-enotempty");
    fs::create_dir(d.join("src")).unwrap();
    fs::create_dir(d.join("dst")).unwrap();
    fs::write(d.join("dst/alpha"), "").unwrap();
    fs::write(d.join("dst/beta"), "").unwrap();
    let e = errno_of(fs::rename(d.join("src"), d.join("dst")));
    assert!(e == libc::ENOTEMPTY || e == libc::EEXIST);
    let text = explain(&["-e", "ENOTEMPTY", "rename", &d.s("src"), &d.s("dst")]);
    let n = format!("\"{}\" is a directory holding 2 entries", d.s("dst"));
    assert_facts(&text, &[n.as_str(), "\"alpha\"", "\"beta\""]);
}

#[test]
fn rename_in_sticky_directory_names_both_owners_the_caller_and_cap_fowner() {
    let d = Scratch::new("rename-sticky");
    let tmp = d.join("tmp");
    fs::create_dir(&tmp).unwrap();
    chmod(&tmp, 0o1777);
    fs::write(tmp.join("roots"), "x").unwrap();
    let (old, new) = (tmp.join("roots"), tmp.join("mine"));
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    let real = sh_as_nobody(&format!("mv -T {old} {new}"));
    assert!(!real.status.success(), "nobody renamed root's file in a sticky directory");
    assert!(String::from_utf8_lossy(&real.stderr).contains("not permitted"));
    let text = explain_as_nobody(&["-e", "EPERM", "rename", &old, &new]);
    assert_facts(&text, &["sticky bit", "mode 01777", "file's owner (0 \"root\")", "directory's owner (0 \"root\")", "effective user is 65534 \"nobody\"", "CAP_FOWNER"]);
}

#[test]
fn rename_eacces_names_the_unwritable_new_directory() {
    let d = Scratch::new("rename-eacces");
    let open = d.join("open");
    fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    fs::create_dir(d.join("closed")).unwrap();
    fs::write(open.join("f"), "").unwrap();
    let (old, new) = (d.s("open/f"), d.s("closed/f"));
    assert!(!sh_as_nobody(&format!("mv -T {old} {new}")).status.success());
    let text = explain_as_nobody(&["-e", "EACCES", "rename", &old, &new]);
    let dir = format!("permission on the \"{}\" directory", d.s("closed"));
    assert_facts(&text, &["lacks write permission", dir.as_str(), "\"r-x\"", "CAP_DAC_OVERRIDE", "placing \"f\" there"]);
}

#[test]
fn rename_ebusy_names_the_mount_point() {
    let d = Scratch::new("rename-ebusy");
    let m = Tmpfs::mount(&d.join("mnt"), "size=64k");
    assert_eq!(errno_of(fs::rename(&m.dir, d.join("elsewhere"))), libc::EBUSY);
    let text = explain(&["-e", "EBUSY", "rename", &m.dir.to_string_lossy(), &d.s("elsewhere")]);
    assert_facts(&text, &["oldpath", "is in use as a mount point", "\"tmpfs\" file system mounted on"]);
}

#[test]
fn rename_enoent_says_oldpath_and_suggests() {
    let d = Scratch::new("rename-enoent");
    fs::write(d.join("report.txt"), "").unwrap();
    assert_eq!(errno_of(fs::rename(d.join("reprot.txt"), d.join("x"))), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "rename", &d.s("reprot.txt"), &d.s("x")]);
    assert_facts(&text, &["oldpath names nothing", "no \"reprot.txt\"", "perhaps the \"report.txt\" regular file was meant"]);
}

#[test]
fn rename_enoent_with_newpath_directory_missing_too_names_that_directory() {
    // The kernel looks up both parents before the names: a missing directory of newpath
    // is what it reports, even when oldpath is missing as well.
    let d = Scratch::new("rename-enoent-both");
    fs::create_dir(d.join("archive")).unwrap();
    assert_eq!(errno_of(fs::rename(d.join("gone.txt"), d.join("archve/gone.txt"))), libc::ENOENT);
    let text = explain(&["-e", "ENOENT", "rename", &d.s("gone.txt"), &d.s("archve/gone.txt")]);
    assert_facts(&text, &["the directory newpath would be in does not exist (and neither does oldpath)", "no \"archve\"", "perhaps the \"archive\" directory was meant"]);
    // With newpath's directory there, the missing oldpath is the answer.
    let text = explain(&["-e", "ENOENT", "rename", &d.s("gone.txt"), &d.s("archive/gone.txt")]);
    assert_facts(&text, &["oldpath names nothing", "no \"gone.txt\""]);
}

#[test]
fn rename_eacces_moving_a_directory_needs_write_on_it_for_dotdot() {
    let d = Scratch::new("rename-dotdot");
    for p in ["from", "to"] {
        fs::create_dir(d.join(p)).unwrap();
        chmod(&d.join(p), 0o777);
    }
    fs::create_dir(d.join("from/roots")).unwrap();
    let (old, new) = (d.s("from/roots"), d.s("to/roots"));
    assert!(!sh_as_nobody(&format!("mv -T {old} {new}")).status.success());
    let text = explain_as_nobody(&["-e", "EACCES", "rename", &old, &new]);
    let on = format!("lacks write permission on \"{old}\"");
    assert_facts(&text, &[on.as_str(), "rewrite its \"..\" entry", "CAP_DAC_OVERRIDE"]);
}

#[test]
fn rename_directory_onto_file_is_enotdir() {
    let d = Scratch::new("rename-enotdir");
    fs::create_dir(d.join("dir")).unwrap();
    fs::write(d.join("file"), "").unwrap();
    assert_eq!(errno_of(fs::rename(d.join("dir"), d.join("file"))), libc::ENOTDIR);
    let text = explain(&["-e", "ENOTDIR", "rename", &d.s("dir"), &d.s("file")]);
    let n = format!("\"{}\" is a regular file, and oldpath is a directory", d.s("file"));
    assert_facts(&text, &[n.as_str()]);
}
