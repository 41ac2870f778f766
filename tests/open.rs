//! open(2) explained on real failing states.
mod common;
use common::*;

#[test]
fn open_enoent_suggests_nearest_sibling() {
    let d = Scratch::new("open-typo");
    std::fs::write(d.join("fcntl.h"), "").unwrap();
    let p = d.s("fcntll.h");
    assert!(std::fs::File::open(&p).is_err());
    let text = explain(&["-e", "ENOENT", "open", &p, "O_RDONLY"]);
    assert_facts(&text, &["open(pathname = \"", "flags = O_RDONLY) failed, ", "(2, ENOENT)", "\"fcntll.h\"", "perhaps the \"fcntl.h\" regular file was meant"]);
}

#[test]
fn open_enoent_names_missing_directory_component() {
    let d = Scratch::new("open-dir");
    std::fs::create_dir(d.join("a")).unwrap();
    let p = d.s("a/missing/file");
    let text = explain(&["-e", "ENOENT", "open", &p, "O_RDONLY"]);
    assert_facts(&text, &["no \"missing\" directory in the \"", "/a\" directory"]);
}

#[test]
fn open_eacces_names_user_bits_and_capability() {
    let d = Scratch::new("open-eacces");
    let f = d.join("secret");
    std::fs::write(&f, "x").unwrap();
    chmod(&f, 0o600);
    let p = f.to_string_lossy().to_string();
    // The real failing state: nobody cannot read it.
    assert!(!sh_as_nobody(&format!("cat {p}")).status.success());
    let text = explain_as_nobody(&["-e", "EACCES", "open", &p, "O_RDONLY"]);
    assert_facts(&text, &["65534 \"nobody\"", "lacks read permission", "\"---\"", "mode 0600", "0 \"root\"", "CAP_DAC_OVERRIDE"]);
}

#[test]
fn open_eexist_with_excl_names_the_existing_file_type() {
    let d = Scratch::new("open-eexist");
    std::fs::create_dir(d.join("there")).unwrap();
    let text = explain(&["-e", "EEXIST", "open", &d.s("there"), "O_WRONLY|O_CREAT|O_EXCL", "0644"]);
    assert_facts(&text, &["O_WRONLY | O_CREAT | O_EXCL", "mode = 0644", "is a directory, owned by user 0 \"root\"", "already there"]);
}

#[test]
fn open_eloop_tells_a_loop_from_a_long_chain() {
    let d = Scratch::new("open-loop");
    std::os::unix::fs::symlink("b", d.join("a")).unwrap();
    std::os::unix::fs::symlink("a", d.join("b")).unwrap();
    let text = explain(&["-e", "ELOOP", "open", &d.s("a"), "O_RDONLY"]);
    assert_facts(&text, &["form a loop"]);
    // A chain of 41 distinct links, no loop.
    for i in 0..41 {
        std::os::unix::fs::symlink(format!("l{}", i + 1), d.path.join(format!("l{i}"))).unwrap();
    }
    std::fs::write(d.path.join("l41"), "").unwrap();
    let text = explain(&["-e", "ELOOP", "open", &d.s("l0"), "O_RDONLY"]);
    assert_facts(&text, &["a chain of 41 symbolic links, more than the kernel's limit, MAXSYMLINKS (40)"]);
}

#[test]
fn open_enametoolong_prints_the_limits() {
    let d = Scratch::new("open-long");
    let long = "n".repeat(300);
    let text = explain(&["-e", "ENAMETOOLONG", "open", &d.s(&long), "O_RDONLY"]);
    assert_facts(&text, &["300 bytes long", "NAME_MAX (255 bytes)"]);
    let path = format!("/{}", "d/".repeat(2600));
    let text = explain(&["-e", "ENAMETOOLONG", "open", &path, "O_RDONLY"]);
    assert_facts(&text, &["5201 bytes long", "PATH_MAX (4095 bytes)", "(5201 bytes)"]);
}

#[test]
fn open_dangling_symlink_names_its_target() {
    let d = Scratch::new("open-dangling");
    std::os::unix::fs::symlink("nowhere", d.join("link")).unwrap();
    let text = explain(&["-e", "ENOENT", "open", &d.s("link"), "O_RDONLY"]);
    assert_facts(&text, &["symbolic link", "points to \"nowhere\""]);
}

#[test]
fn open_relative_path_is_shown_from_its_directory() {
    let d = Scratch::new("open-rel");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(["-e", "ENOENT", "open", "nofile", "O_RDONLY"])
        .current_dir(&d.path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let want = format!("the current directory \"{}\"", d.path.display());
    assert_facts(&text, &[want.as_str()]);
}

#[test]
fn open_erofs_names_mount_point_and_type() {
    let d = Scratch::new("open-erofs");
    let m = Tmpfs::mount(&d.join("ro"), "size=64k,ro");
    let p = m.dir.join("new");
    let text = explain(&["-e", "EROFS", "open", &p.to_string_lossy(), "O_WRONLY|O_CREAT", "0644"]);
    assert_facts(&text, &["\"tmpfs\" file system mounted on", "/ro\"", "read-only"]);
}

#[test]
fn open_enospc_reports_how_full() {
    let d = Scratch::new("open-enospc");
    let m = Tmpfs::mount(&d.join("full"), "size=64k");
    // Fill it for real.
    let _ = std::fs::write(m.dir.join("big"), vec![0u8; 200_000]);
    let text = explain(&["-e", "ENOSPC", "open", &m.dir.join("x").to_string_lossy(), "O_WRONLY|O_CREAT", "0644"]);
    assert_facts(&text, &["no free space left", "64.0 KiB in all", "0 bytes available"]);
}

#[test]
fn open_emfile_after_descriptors_were_freed_names_a_free_one() {
    // The explain command is far below its limit: the state changed since the "call".
    // The highest descriptor the limit allows is free, which shows it.
    let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) };
    let text = explain(&["-e", "EMFILE", "open", "/etc/passwd", "O_RDONLY"]);
    let limit = format!("had used up its limit (RLIMIT_NOFILE) of {} file descriptors", l.rlim_cur);
    assert_facts(&text, &[limit.as_str(), &format!("; descriptor {} is free now, so some were closed since the call", l.rlim_cur - 1)]);
}

#[test]
fn dialect_specific_off_names_limits_without_their_values() {
    let d = Scratch::new("open-dialect");
    let long = "n".repeat(300);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(["-e", "ENAMETOOLONG", "open", &d.s(&long), "O_RDONLY"])
        .env("EXPLAIN_OPTIONS", "no-dialect-specific")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &["longer than the limit for a name, NAME_MAX, on the file system"]);
    // Not "255" anywhere: the scratch directory's name holds the test's pid.
    assert!(!text.contains("NAME_MAX (") && !text.contains("255 bytes"), "{text}");
}

#[test]
fn extra_device_info_names_the_driver_and_can_be_turned_off() {
    let text = explain(&["-e", "ENXIO", "open", "/dev/null", "O_WRONLY"]);
    assert_facts(&text, &["device special file (major 1, minor 3, driver \"mem\")"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(["-e", "ENXIO", "open", "/dev/null", "O_WRONLY"])
        .env("EXPLAIN_OPTIONS", "extra-device-info=false")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("device special file with no device present") && !text.contains("major"), "{text}");
}

#[test]
fn debug_says_which_errno_has_no_diagnosis_of_its_own() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(["-e", "ENOLINK", "open", "/etc/passwd", "O_RDONLY"])
        .env("EXPLAIN_OPTIONS", "debug")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_facts(&text, &["[libexplain debug: open has no diagnosis of its own for ENOLINK]"]);
    let plain = explain(&["-e", "ENOLINK", "open", "/etc/passwd", "O_RDONLY"]);
    assert!(!plain.contains("debug"), "{plain}");
}
