//! Honest postmortems: the errno given is the errno explained, even when the present
//! state points elsewhere (which is said only as a note, "; note: at present, …"); and
//! the deeper diagnoses of ELOOP (every link of a loop), ENOSPC/EDQUOT (space held by
//! deleted files still open) and EEXIST (what exists, and whether it is already what
//! the call would have made), each on a real state.
#[macro_use]
mod common;
use common::*;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::fd::AsRawFd;
use std::os::unix::fs::symlink;
use std::process::{Command, Stdio};

/// The explain command's answer with its line wrapping undone.
fn said(args: &[&str]) -> String {
    flat(&explain(args))
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of a message after the call echo and the errno.
fn diagnosis(text: &str) -> &str {
    text.split_once(" because ").map_or("", |(_, d)| d)
}

/// The diagnosis proper (before any note) and the note, checked to be in that order.
fn diagnosis_then_note(text: &str) -> (&str, &str) {
    let d = diagnosis(text);
    d.split_once("; note: at present, ").unwrap_or_else(|| panic!("no note on the present state in:\n{text}"))
}

fn errno_of<T>(r: std::io::Result<T>) -> i32 {
    r.err().expect("the failing state is real").raw_os_error().unwrap()
}

/// A descriptor number no test in this process has open, closed again.
fn closed_fd() -> i32 {
    let f = fs::File::open("/dev/null").unwrap();
    // SAFETY: plain system call; the duplicate is closed at once.
    let fd = unsafe { libc::fcntl(f.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 3000) };
    assert!(fd >= 3000);
    // SAFETY: closes the duplicate made above.
    unsafe { libc::close(fd) };
    fd
}

// ---- the rule, call by call -------------------------------------------------------

#[test]
fn fstat_enomem_on_a_closed_descriptor_explains_enomem_and_notes_it_is_closed() {
    let t = said(&["-e", "ENOMEM", "fstat", "42"]);
    assert_facts(&t, &["fstat(fildes = 42", "(12, ENOMEM)"]);
    let (d, note) = diagnosis_then_note(&t);
    assert_facts(d, &["could not allocate the memory"]);
    assert!(!d.contains("not an open file descriptor"), "EBADF's diagnosis answered instead:\n{t}");
    assert_facts(note, &["fildes 42 is not an open file descriptor"]);
}

#[test]
fn open_enoent_on_a_file_that_exists_now_explains_enoent_and_notes_it_exists() {
    let d = Scratch::new("pm-enoent");
    fs::write(d.join("here"), "x").unwrap();
    let t = said(&["-e", "ENOENT", "open", &d.s("here")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["there was no \"here\" in the", "when the call was made"]);
    assert_facts(note, &[&format!("\"{}\" is a regular file, owned by user 0 \"root\"", d.s("here")), "modified", "ago", "the file system changed"]);
    // The same holds for /etc/passwd and for the library's explain_errno_open.
    let t = said(&["-e", "ENOENT", "open", "/etc/passwd"]);
    assert_facts(&t, &["there was no \"passwd\" in the \"/etc\" directory", "; note: at present, \"/etc/passwd\" is a regular file"]);
    let p = cstr(&d.join("here"));
    let t = flat(&explained!(explain_message_errno_open(libc::ENOENT, p.as_ptr(), libc::O_RDONLY, 0)));
    assert_facts(&t, &["(2, ENOENT) because there was no \"here\"", "; note: at present,"]);
}

#[test]
fn stat_enoent_on_an_existing_file_explains_enoent_first() {
    let d = Scratch::new("pm-stat");
    fs::write(d.join("f"), "x").unwrap();
    let t = said(&["-e", "ENOENT", "stat", &d.s("f")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["there was no \"f\" in the"]);
    assert_facts(note, &["is a regular file"]);
}

#[test]
fn open_eacces_explained_by_root_names_whom_the_bits_deny() {
    let d = Scratch::new("pm-eacces");
    let p = d.join("secret");
    fs::write(&p, "x").unwrap();
    chmod(&p, 0o600);
    std::os::unix::fs::chown(&p, Some(65534), Some(65534)).unwrap();
    // The state is real: another user is denied.
    let other = Command::new("setpriv").args(["--reuid=1", "--regid=1", "--clear-groups", "--inh-caps=-all", "cat"]).arg(&p).output().unwrap();
    assert!(!other.status.success(), "user 1 must be denied");
    let t = said(&["-e", "EACCES", "open", &d.s("secret")]);
    assert_facts(&t, &["owned by user 65534 \"nobody\"", "mode 0600", "deny read permission", "every user who is neither 65534 \"nobody\"", "the process explaining it now (effective user 0 \"root\""]);
}

#[test]
fn read_einval_names_the_o_direct_alignment_even_when_the_descriptor_lacks_it_now() {
    let d = Scratch::new("pm-odirect");
    let p = d.join("data");
    fs::write(&p, vec![1u8; 8192]).unwrap();
    // Opened without O_DIRECT: the call that failed may have had it (fcntl F_SETFL).
    let f = fs::File::open(&p).unwrap();
    let mut buf = vec![0u8; 16384];
    let aligned = (buf.as_mut_ptr() as usize + 4095) & !4095;
    let t = flat(&explained!(explain_message_errno_read(libc::EINVAL, f.as_raw_fd(), (aligned + 1) as *const libc::c_void, 4096)));
    assert_facts(&t, &["(22, EINVAL)", "is not open with O_DIRECT now", "needs the buffer address aligned to", &format!("the buffer address {:#x} is 1 byte past a multiple of", aligned + 1)]);
    // A descriptor that is not open at all: the alignment rule against the logical block
    // size, and the closed descriptor as a note.
    let fd = closed_fd();
    let t = flat(&explained!(explain_message_errno_pread(libc::EINVAL, fd, (aligned + 1) as *mut libc::c_void, 100, 3)));
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["O_DIRECT", "logical block size"]);
    assert_facts(note, &[&format!("fildes {fd} is not an open file descriptor")]);
}

#[test]
fn write_einval_on_a_pipe_does_not_claim_pipes_cannot_be_written() {
    let mut ends = [0; 2];
    // SAFETY: pipe2 fills the two descriptors, closed below.
    assert_eq!(unsafe { libc::pipe2(ends.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    let t = flat(&explained!(explain_message_errno_write(libc::EINVAL, ends[1], std::ptr::null(), 10)));
    // SAFETY: closes the pipe made above.
    unsafe { (libc::close(ends[0]), libc::close(ends[1])) };
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["cannot be written this way", "O_DIRECT"]);
    assert_facts(note, &["is a pipe, which takes transfers of any size"]);
}

#[test]
fn dup2_ebadf_and_emfile_are_measured_against_rlimit_nofile() {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit fills the struct.
    assert_eq!(unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) }, 0);
    let soft = lim.rlim_cur;
    let newfd = (soft / 2).max(10) as i32;
    let t = flat(&explained!(explain_message_errno_dup2(libc::EBADF, 0, newfd)));
    assert_facts(&t, &["(9, EBADF)", &format!("newfd is {newfd}"), &format!("(RLIMIT_NOFILE) is {soft}"), &format!("the limit was {newfd} or lower when the call failed")]);
    let t = flat(&explained!(explain_message_errno_dup2(libc::EMFILE, 0, 5)));
    assert_facts(&t, &["(24, EMFILE)", &format!("limit (RLIMIT_NOFILE) of {soft} file descriptors")]);
}

#[test]
fn mkdir_eexist_when_nothing_exists_now_explains_eexist_and_notes_the_absence() {
    let d = Scratch::new("pm-mkdir");
    let t = said(&["-e", "EEXIST", "mkdir", &d.s("gone")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["a file named \"gone\" in the", "already existed when the call was made", "mkdir does not replace"]);
    assert_facts(note, &["there is no \"gone\" in the"]);
}

#[test]
fn unlink_eisdir_on_a_regular_file_explains_eisdir() {
    let d = Scratch::new("pm-unlink");
    fs::write(d.join("plain"), "x").unwrap();
    let t = said(&["-e", "EISDIR", "unlink", &d.s("plain")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["pathname named a directory when the call was made", "unlink does not act on directories"]);
    assert_facts(note, &["is a regular file"]);
}

#[test]
fn rename_exdev_within_one_mount_explains_exdev_and_notes_the_shared_mount() {
    let d = Scratch::new("pm-exdev");
    fs::write(d.join("a"), "x").unwrap();
    let t = said(&["-e", "EXDEV", "rename", &d.s("a"), &d.s("b")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["were on different mounts when the call was made", "rename cannot cross"]);
    assert_facts(note, &["both are on the same mount", "file system mounted on"]);
    assert!(!t.contains(",;"), "{t}");
}

#[test]
fn rename_exdev_across_a_real_mount_names_both_mounts() {
    let d = Scratch::new("pm-exdev-real");
    let t = Tmpfs::mount(&d.join("mnt"), "size=64k");
    fs::write(d.join("a"), "x").unwrap();
    assert_eq!(errno_of(fs::rename(d.join("a"), t.dir.join("a"))), libc::EXDEV);
    let text = said(&["-e", "EXDEV", "rename", &d.s("a"), &d.s("mnt/a")]);
    assert_facts(&text, &["oldpath is on the", "newpath would be on the \"tmpfs\" file system mounted on"]);
    assert!(!text.contains("note: at present"), "{text}");
}

#[test]
fn chmod_eperm_explained_by_root_names_the_owner_and_capability() {
    let d = Scratch::new("pm-chmod");
    let p = d.join("theirs");
    fs::write(&p, "x").unwrap();
    std::os::unix::fs::chown(&p, Some(65534), Some(65534)).unwrap();
    let real = Command::new("setpriv").args(["--reuid=1", "--regid=1", "--clear-groups", "--inh-caps=-all", "chmod", "0600"]).arg(&p).output().unwrap();
    assert!(!real.status.success(), "user 1 may not chmod nobody's file");
    let t = said(&["-e", "EPERM", "chmod", &d.s("theirs"), "0644"]);
    assert_facts(&t, &["(1, EPERM)", "only its owner (user 65534 \"nobody\") or a process with the CAP_FOWNER capability may change its mode", "the process explaining it now (effective user 0 \"root\") has that capability"]);
}

#[test]
fn unlink_eperm_in_a_sticky_directory_explained_by_root_names_whom_it_denies() {
    let d = Scratch::new("pm-sticky");
    let tmp = d.join("tmp");
    fs::create_dir(&tmp).unwrap();
    chmod(&tmp, 0o1777);
    fs::write(tmp.join("f"), "x").unwrap();
    std::os::unix::fs::chown(tmp.join("f"), Some(65534), Some(65534)).unwrap();
    let real = Command::new("setpriv").args(["--reuid=1", "--regid=1", "--clear-groups", "--inh-caps=-all", "rm", "-f"]).arg(tmp.join("f")).output().unwrap();
    assert!(!real.status.success() && tmp.join("f").exists());
    let t = said(&["-e", "EPERM", "unlink", &d.s("tmp/f")]);
    assert_facts(&t, &["sticky bit set (mode 01777)", "only the owner of \"f\" (user 65534 \"nobody\")", "the directory's owner (user 0 \"root\")", "CAP_FOWNER", "explaining it now (effective user 0 \"root\") may"]);
}

#[test]
fn ftruncate_efbig_names_the_file_systems_largest_file() {
    let d = Scratch::new("pm-efbig");
    let f = fs::File::create(d.join("f")).unwrap();
    let t = flat(&explained!(explain_message_errno_ftruncate(libc::EFBIG, f.as_raw_fd(), 100)));
    assert_facts(&t, &["(27, EFBIG)", "length 100 is larger than the largest file (", "file system mounted on"]);
}

#[test]
fn close_ebadf_on_a_descriptor_open_now_explains_ebadf_and_notes_what_is_open() {
    let f = fs::File::open("/dev/null").unwrap();
    let fd = f.as_raw_fd();
    let t = flat(&explained!(explain_message_errno_close(libc::EBADF, fd)));
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &[&format!("fildes {fd} was not an open file descriptor when the call was made")]);
    assert_facts(note, &["\"/dev/null\" is open (O_RDONLY) on a character special device"]);
    assert!(!t.contains("yet the kernel refused"), "{t}");
}

#[test]
fn eloop_on_a_path_that_resolves_now_explains_eloop() {
    let d = Scratch::new("pm-eloop-now");
    fs::write(d.join("f"), "x").unwrap();
    let t = said(&["-e", "ELOOP", "open", &d.s("f")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["met a loop of symbolic links, or more of them than the kernel's limit, MAXSYMLINKS (40)"]);
    assert_facts(note, &["is a regular file"]);
}

// ---- ELOOP: every link of the loop, the length of a chain ----------------------------

#[test]
fn eloop_names_every_link_of_a_loop_of_three_in_order() {
    let d = Scratch::new("pm-loop3");
    symlink("b", d.join("a")).unwrap();
    symlink("c", d.join("b")).unwrap();
    symlink("a", d.join("c")).unwrap();
    assert_eq!(errno_of(fs::File::open(d.join("a"))), libc::ELOOP);
    let ring = format!("form a loop of 3: \"{0}/a\" -> \"{0}/b\" -> \"{0}/c\" -> \"{0}/a\" again", d.path.display());
    let t = said(&["-e", "ELOOP", "open", &d.s("a")]);
    assert_facts(&t, &[ring.as_str()]);
    // Entered from the middle and with a rest of path after it: the same ring, from b.
    let t = said(&["-e", "ELOOP", "stat", &d.s("b/x")]);
    let ring_b = format!("form a loop of 3: \"{0}/b\" -> \"{0}/c\" -> \"{0}/a\" -> \"{0}/b\" again", d.path.display());
    assert_facts(&t, &[ring_b.as_str()]);
    // The library's own function says the same.
    let p = cstr(&d.join("a"));
    let t = flat(&explained!(explain_message_errno_open(libc::ELOOP, p.as_ptr(), libc::O_RDONLY, 0)));
    assert_facts(&t, &[ring.as_str()]);
}

#[test]
fn eloop_counts_a_chain_longer_than_the_kernels_limit() {
    let d = Scratch::new("pm-chain");
    for i in 1..=45 {
        symlink(format!("l{}", i + 1), d.join(&format!("l{i}"))).unwrap();
    }
    fs::write(d.join("l46"), "end").unwrap();
    assert_eq!(errno_of(fs::File::open(d.join("l1"))), libc::ELOOP);
    let t = said(&["-e", "ELOOP", "open", &d.s("l1")]);
    assert_facts(&t, &["follows a chain of 45 symbolic links, more than the kernel's limit, MAXSYMLINKS (40)", &format!("gave up at link 41, \"{}\"", d.s("l41"))]);
    // A chain within the limit resolves.
    assert!(fs::File::open(d.join("l10")).is_ok());
}

// ---- ENOSPC / EDQUOT: deleted files still held open -------------------------------------

#[test]
fn enospc_names_the_process_holding_a_deleted_file_open() {
    let d = Scratch::new("pm-enospc");
    let t = Tmpfs::mount(&d.join("mnt"), "size=256k");
    let hog = t.dir.join("hog");
    // The child opens a file, removes it, fills the file system through it, then holds it.
    let script = format!("exec 3>{0}; rm {0}; head -c 1000000 /dev/zero >&3 2>/dev/null; echo filled; exec sleep 600", hog.display());
    let mut child = Command::new("sh").args(["-c", &script]).stdout(Stdio::piped()).spawn().unwrap();
    let pid = child.id();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert_eq!(line.trim(), "filled");
    // After `echo`, the shell execs sleep: wait until the process is sleep.
    let comm = format!("/proc/{pid}/comm");
    while fs::read_to_string(&comm).map_or(true, |c| c.trim() != "sleep") {
        std::thread::yield_now();
    }
    assert!(!hog.exists());

    // The failure is real: nothing more fits.
    let f = fs::File::create(t.dir.join("new")).unwrap();
    let block = [7u8; 8192];
    // SAFETY: writes from a valid buffer to our descriptor.
    let n = unsafe { libc::write(f.as_raw_fd(), block.as_ptr() as *const libc::c_void, block.len()) };
    assert_eq!((n, errno()), (-1, libc::ENOSPC));

    let facts = [
        "has no free space left".to_string(),
        "1 deleted file still open holds 256.0 KiB of it".to_string(),
        format!("by process {pid} \"sleep\" (descriptor 3, once \"{}\")", hog.display()),
    ];
    let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
    let w = flat(&explained!(explain_message_errno_write(libc::ENOSPC, f.as_raw_fd(), block.as_ptr() as *const libc::c_void, block.len())));
    assert_facts(&w, &facts);
    let m = said(&["-e", "ENOSPC", "mkdir", &t.dir.join("sub").to_string_lossy()]);
    assert_facts(&m, &facts);
    let q = said(&["-e", "EDQUOT", "mkdir", &t.dir.join("sub").to_string_lossy()]);
    assert_facts(&q, &["disk quota", &format!("by process {pid} \"sleep\"")]);
    let path = cstr(&t.dir.join("new"));
    // SAFETY: a valid path and mode; the stream is closed below.
    let fp = unsafe { libc::fopen(path.as_ptr(), c"a".as_ptr()) };
    assert!(!fp.is_null());
    let s = flat(&explained!(explain_message_errno_fwrite(libc::ENOSPC, block.as_ptr() as *const libc::c_void, 1, block.len(), fp)));
    // SAFETY: the stream opened above.
    unsafe { libc::fclose(fp) };
    assert_facts(&s, &facts);

    child.kill().unwrap();
    child.wait().unwrap();
    // Once the holder is gone, its space is free and nothing is named.
    let m = said(&["-e", "ENOSPC", "mkdir", &t.dir.join("sub").to_string_lossy()]);
    assert!(!m.contains("deleted file"), "{m}");
    drop(f);
}

// ---- EEXIST: what exists, and whether it is already what was wanted -------------------

#[test]
fn mkdir_eexist_on_an_existing_directory_says_it_is_already_what_mkdir_makes() {
    let d = Scratch::new("pm-eexist-dir");
    fs::create_dir(d.join("cache")).unwrap();
    std::os::unix::fs::chown(d.join("cache"), Some(65534), None).unwrap();
    assert_eq!(errno_of(fs::create_dir(d.join("cache"))), libc::EEXIST);
    let t = said(&["-e", "EEXIST", "mkdir", &d.s("cache")]);
    assert_facts(&t, &[
        &format!("\"{}\" is a directory, owned by user 65534 \"nobody\", modified ", d.s("cache")),
        " ago, already there",
        "it is already a directory, just what mkdir would have made, so for setup code that only needs it to exist this is not an error",
    ]);
    // A regular file in the way is not what mkdir makes.
    fs::write(d.join("file"), "x").unwrap();
    let t = said(&["-e", "EEXIST", "mkdir", &d.s("file")]);
    assert_facts(&t, &["is a regular file, owned by user 0 \"root\""]);
    assert!(!t.contains("not an error"), "{t}");
}

#[test]
fn symlink_eexist_with_the_same_target_says_so() {
    let d = Scratch::new("pm-eexist-link");
    symlink("../target", d.join("ln")).unwrap();
    assert_eq!(errno_of(symlink("../target", d.join("ln"))), libc::EEXIST);
    let t = said(&["-e", "EEXIST", "symlink", "../target", &d.s("ln")]);
    assert_facts(&t, &["is a symbolic link pointing to \"../target\"", "owned by user 0 \"root\"", "it is already a symbolic link to that very target, just what symlink would have made"]);
    let t = said(&["-e", "EEXIST", "symlink", "elsewhere", &d.s("ln")]);
    assert!(!t.contains("would have made"), "{t}");
}

#[test]
fn open_excl_and_mknod_eexist_name_type_owner_and_age() {
    let d = Scratch::new("pm-eexist-open");
    fs::write(d.join("f"), "x").unwrap();
    let t = said(&["-e", "EEXIST", "open", &d.s("f"), "O_WRONLY|O_CREAT|O_EXCL", "0600"]);
    assert_facts(&t, &["is a regular file, owned by user 0 \"root\", modified", "O_CREAT|O_EXCL asks for a new file"]);
    assert!(Command::new("mkfifo").arg(d.join("fifo")).status().unwrap().success());
    let t = said(&["-e", "EEXIST", "mknod", &d.s("fifo"), "S_IFIFO|0644", "0"]);
    assert_facts(&t, &["is a named pipe (FIFO), owned by user 0", "just what mknod would have made"]);
    let t = said(&["-e", "EEXIST", "link", &d.s("f"), &d.s("f")]);
    assert_facts(&t, &["it is already a hard link to the same file, just what link would have made"]);
}

#[test]
fn truncate_eisdir_on_a_regular_file_explains_eisdir() {
    let d = Scratch::new("pm-truncate");
    fs::write(d.join("f"), "x").unwrap();
    let t = said(&["-e", "EISDIR", "truncate", &d.s("f"), "0"]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["pathname named a directory when the call was made", "truncate does not act on directories"]);
    assert_facts(note, &["is a regular file"]);
}

#[test]
fn eacces_explained_by_root_names_the_directory_on_the_way_that_denies_search() {
    let d = Scratch::new("pm-search");
    fs::create_dir_all(d.join("private/sub")).unwrap();
    fs::write(d.join("private/sub/f"), "x").unwrap();
    chmod(&d.join("private"), 0o750);
    let real = Command::new("setpriv").args(["--reuid=1", "--regid=1", "--clear-groups", "--inh-caps=-all", "cat"]).arg(d.join("private/sub/f")).output().unwrap();
    assert!(!real.status.success(), "user 1 may not reach the file");
    let facts = [format!("the \"{}\" directory is owned by user 0 \"root\"", d.s("private")), "mode 0750".into(), "deny search permission to every user who is neither 0 \"root\" nor in group 0 \"root\"".into()];
    let facts: Vec<&str> = facts.iter().map(String::as_str).collect();
    assert_facts(&said(&["-e", "EACCES", "open", &d.s("private/sub/f")]), &facts);
    assert_facts(&said(&["-e", "EACCES", "stat", &d.s("private/sub/f")]), &facts);
}

#[test]
fn descriptor_errnos_on_a_descriptor_that_is_something_else_now_explain_the_errno() {
    let d = Scratch::new("pm-fd-kind");
    fs::write(d.join("f"), "data").unwrap();
    let f = fs::File::open(d.join("f")).unwrap();
    let fd = f.as_raw_fd();
    // ESPIPE on a regular file: the errno's pipe, FIFO, socket or terminal, then the file.
    let t = flat(&explained!(explain_message_errno_lseek(libc::ESPIPE, fd, 0, libc::SEEK_SET)));
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["a pipe, FIFO, socket or terminal, which has no file offset"]);
    assert_facts(note, &["is a regular file, which has a file offset"]);
    // EPIPE on a regular file.
    let t = flat(&explained!(explain_message_errno_write(libc::EPIPE, fd, std::ptr::null(), 1)));
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["a pipe, FIFO or socket whose reading end every reader had closed"]);
    assert_facts(note, &["is a regular file"]);
    // EISDIR from read on a regular file.
    let t = flat(&explained!(explain_message_errno_read(libc::EISDIR, fd, std::ptr::null(), 1)));
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["a directory, which read(2) cannot read"]);
    assert_facts(note, &["is a regular file, not a directory"]);
}

#[test]
fn open_etxtbsy_and_enxio_on_a_plain_file_explain_the_errno() {
    let d = Scratch::new("pm-open-kind");
    fs::write(d.join("prog"), "#!/bin/sh\n").unwrap();
    let t = said(&["-e", "ETXTBSY", "open", &d.s("prog"), "O_WRONLY"]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["pathname named a program being run (or an active swap file) when the call was made"]);
    assert_facts(note, &[&format!("no process runs \"{}\"", d.s("prog")), "the program ended since"]);
    let t = said(&["-e", "ENXIO", "open", &d.s("prog")]);
    let (diag, note) = diagnosis_then_note(&t);
    assert_facts(diag, &["a device special file with no device present"]);
    assert_facts(note, &["is a regular file"]);
}
