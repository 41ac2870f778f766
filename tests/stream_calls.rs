//! fdopen, freopen, fileno, feof, ferror, setvbuf, popen and pclose explained on real
//! states: a pipe's read end given to fdopen "w", a descriptor closed under its stream,
//! a stream with no descriptor, a real failed freopen, a command that exits 3 or is
//! killed, a child with SIGCHLD ignored, a user at its RLIMIT_NPROC.
#[macro_use]
mod common;
use common::*;
use libc::{c_char, c_int, FILE};
use std::ffi::CString;

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

fn pipe() -> (c_int, c_int) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    (fds[0], fds[1])
}

/// Runs `f` in a forked child and returns the text it wrote back: for states that
/// must not touch this test process (SIGCHLD ignored, another user, a process limit).
fn in_child(f: impl FnOnce() -> String) -> String {
    let (r, w) = pipe();
    // SAFETY: the child only runs f, writes its result and _exits.
    match unsafe { libc::fork() } {
        0 => {
            let out = f();
            // SAFETY: a valid buffer; the child ends without running destructors.
            unsafe {
                libc::write(w, out.as_ptr() as *const _, out.len());
                libc::_exit(0);
            }
        }
        pid => {
            // SAFETY: closing our copy of the write end, then reading to the end.
            unsafe { libc::close(w) };
            let mut out = Vec::new();
            let mut buf = [0u8; 4096];
            loop {
                let n = unsafe { libc::read(r, buf.as_mut_ptr() as *mut _, buf.len()) };
                if n <= 0 {
                    break;
                }
                out.extend_from_slice(&buf[..n as usize]);
            }
            let mut status = 0;
            unsafe {
                libc::close(r);
                libc::waitpid(pid, &mut status, 0);
            }
            String::from_utf8_lossy(&out).into_owned()
        }
    }
}

#[test]
fn fdopen_w_on_a_pipes_read_end_says_the_descriptor_is_read_only() {
    let _serial = serial();
    let (r, w) = pipe();
    let mode = c("w");
    // SAFETY: r is open; mode is NUL-terminated.
    let fp = unsafe { libc::fdopen(r, mode.as_ptr()) };
    assert!(fp.is_null());
    assert_eq!(errno(), libc::EINVAL);
    let msg = explained!(explain_message_errno_fdopen(libc::EINVAL, r, mode.as_ptr()));
    assert_facts(&msg, &[&format!("fdopen(fildes = {r} \"pipe\""), "flags = \"w\") failed", "EINVAL", "asks for O_WRONLY", &format!("file descriptor {r} is open O_RDONLY")]);
    // "r+" wants both directions, which neither end of a pipe has.
    let rw = c("r+");
    let msg = explained!(explain_message_errno_fdopen(libc::EINVAL, w, rw.as_ptr()));
    assert_facts(&msg, &["asks for O_RDWR", "is open O_WRONLY"]);
    unsafe { libc::close(r) };
    unsafe { libc::close(w) };
}

#[test]
fn fdopen_on_a_closed_descriptor_says_it_is_not_open() {
    let _serial = serial();
    let (r, w) = pipe();
    unsafe { libc::close(r) };
    unsafe { libc::close(w) };
    let mode = c("r");
    // SAFETY: as above; the descriptor is closed, which fdopen reports.
    let fp = unsafe { libc::fdopen(r, mode.as_ptr()) };
    assert!(fp.is_null());
    assert_eq!(errno(), libc::EBADF);
    let msg = explained!(explain_message_errno_fdopen(libc::EBADF, r, mode.as_ptr()));
    assert_facts(&msg, &[&format!("fdopen(fildes = {r}, flags = \"r\")"), &format!("fildes {r} is not an open file descriptor")]);
}

#[test]
fn every_mode_string_is_read_as_fopen_reads_it_and_rw_is_named_invalid() {
    let _serial = serial();
    let d = Scratch::new("streams-modes");
    std::fs::write(d.join("f"), "x").unwrap();
    let path = cstr(&d.join("f"));
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(path.as_ptr(), libc::O_RDWR | libc::O_CLOEXEC) };
    assert!(fd >= 0);
    for mode in ["r+", "wx", "ae", "rb", "w+e"] {
        let m = c(mode);
        let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        // SAFETY: an open descriptor of our own.
        let fp = unsafe { libc::fdopen(dup, m.as_ptr()) };
        assert!(!fp.is_null(), "fdopen {mode}: {}", std::io::Error::last_os_error());
        unsafe { libc::fclose(fp) };
        // A valid mode on a descriptor open both ways is not what failed.
        let msg = explained!(explain_message_errno_fdopen(libc::EINVAL, fd, m.as_ptr()));
        assert!(!msg.contains("is not a valid mode"), "{mode}: {msg}");
    }
    let bad = c("rw");
    let msg = explained!(explain_message_errno_fdopen(libc::EINVAL, fd, bad.as_ptr()));
    assert_facts(&msg, &["flags \"rw\" is not a valid mode", "\"r+\"", "\"w+\"", "\"a+\"", "\"x\"", "\"e\""]);
    let msg = explained!(explain_message_errno_freopen(libc::EINVAL, path.as_ptr(), bad.as_ptr(), std::ptr::null_mut()));
    assert_facts(&msg, &["fp is the NULL pointer"]);
    unsafe { libc::close(fd) };
}

#[test]
fn a_real_failed_freopen_gets_opens_path_diagnosis() {
    let _serial = serial();
    let d = Scratch::new("streams-freopen");
    std::fs::write(d.join("f"), "x").unwrap();
    let path = cstr(&d.join("f"));
    let r = c("r");
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { libc::fopen(path.as_ptr(), r.as_ptr()) };
    assert!(!fp.is_null());
    let missing = cstr(&d.join("missing/x"));
    // freopen fails and closes the stream's file; the FILE itself stays allocated.
    let again = unsafe { libc::freopen(missing.as_ptr(), r.as_ptr(), fp) };
    assert!(again.is_null());
    assert_eq!(errno(), libc::ENOENT);
    let msg = explained!(explain_message_errno_freopen(libc::ENOENT, missing.as_ptr(), r.as_ptr(), fp));
    assert_facts(&msg, &["freopen(pathname = \"", "missing/x\", flags = \"r\", fp = 0x", "ENOENT", "no \"missing\" directory", "closed all the same"]);
}

#[test]
fn fileno_feof_and_ferror_diagnose_a_null_or_hollow_stream_without_following_it() {
    let _serial = serial();
    let msg = explained!(explain_message_errno_feof(libc::EBADF, std::ptr::null_mut()));
    assert_facts(&msg, &["feof(fp = NULL) failed", "NULL pointer"]);
    let msg = explained!(explain_message_errno_ferror(libc::EBADF, std::ptr::null_mut()));
    assert_facts(&msg, &["ferror(fp = NULL) failed", "NULL pointer"]);
    // Readable memory that was never a FILE.
    let zeros = vec![0u64; 32];
    let msg = explained!(explain_message_errno_fileno(libc::EBADF, zeros.as_ptr() as *mut FILE));
    assert_facts(&msg, &["fileno(fp = 0x", "does not hold an open stream"]);
    // The _on_error forms refuse NULL with EBADF instead of crashing in glibc.
    // SAFETY: NULL is what is being tested.
    assert_eq!(unsafe { explain::abi::boundary::explain_feof_on_error(std::ptr::null_mut()) }, -1);
    assert_eq!(errno(), libc::EBADF);
}

#[test]
fn fileno_of_a_stream_whose_descriptor_was_closed_underneath_says_so() {
    let _serial = serial();
    let d = Scratch::new("streams-fileno");
    std::fs::write(d.join("f"), "x").unwrap();
    let r = c("r");
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { libc::fopen(cstr(&d.join("f")).as_ptr(), r.as_ptr()) };
    assert!(!fp.is_null());
    let fd = unsafe { libc::fileno(fp) };
    unsafe { libc::close(fd) };
    let msg = explained!(explain_message_errno_fileno(libc::EBADF, fp));
    assert_facts(&msg, &[&format!("its file descriptor {fd} is not open"), "closed underneath the stream"]);
    unsafe { libc::fclose(fp) };
    // A stream without any descriptor: glibc's fileno really fails on it.
    let mut buf = [0u8; 16];
    let mem = unsafe { libc::fmemopen(buf.as_mut_ptr() as *mut _, buf.len(), r.as_ptr()) };
    assert!(!mem.is_null());
    assert_eq!(unsafe { libc::fileno(mem) }, -1);
    assert_eq!(errno(), libc::EBADF);
    let msg = explained!(explain_message_errno_fileno(libc::EBADF, mem));
    // glibc gives a cookie stream the descriptor -2.
    assert_facts(&msg, &["a stream with no file descriptor ("]);
    unsafe { libc::fclose(mem) };
}

#[test]
fn ferror_after_a_write_on_a_read_only_stream_reports_the_set_indicator() {
    let _serial = serial();
    let d = Scratch::new("streams-ferror");
    std::fs::write(d.join("f"), "x").unwrap();
    let r = c("r");
    // SAFETY: NUL-terminated strings; fp is live until fclose.
    let fp = unsafe { libc::fopen(cstr(&d.join("f")).as_ptr(), r.as_ptr()) };
    assert_eq!(unsafe { libc::fputc(b'y' as c_int, fp) }, libc::EOF);
    let e = errno();
    assert_ne!(unsafe { libc::ferror(fp) }, 0);
    let msg = explained!(explain_message_errno_ferror(e, fp));
    assert_facts(&msg, &["ferror(fp = 0x", "error indicator is set", "EBADF", "opened for reading only"]);
    // The _on_error form takes the set indicator as the failure.
    assert_ne!(unsafe { explain::abi::boundary::explain_ferror_on_error(fp) }, 0);
    unsafe { libc::clearerr(fp) };
    let msg = explained!(explain_message_errno_ferror(libc::EIO, fp));
    assert_facts(&msg, &["error indicator is clear"]);
    unsafe { libc::fclose(fp) };
}

#[test]
fn setvbuf_einval_names_the_bad_mode_the_valid_ones_and_the_size() {
    let _serial = serial();
    let d = Scratch::new("streams-setvbuf");
    let w = c("w");
    // SAFETY: NUL-terminated strings; fp is live until fclose.
    let fp = unsafe { libc::fopen(cstr(&d.join("f")).as_ptr(), w.as_ptr()) };
    assert_ne!(unsafe { libc::setvbuf(fp, std::ptr::null_mut(), 5, 10) }, 0);
    // glibc leaves errno alone there; the _on_error form gives the failure EINVAL.
    unsafe { *libc::__errno_location() = 0 };
    assert_ne!(unsafe { explain::abi::boundary::explain_setvbuf_on_error(fp, std::ptr::null_mut(), 5, 10) }, 0);
    assert_eq!(errno(), libc::EINVAL);
    let msg = explained!(explain_message_errno_setvbuf(libc::EINVAL, fp, std::ptr::null_mut(), 5, 10));
    assert_facts(&msg, &["setvbuf(fp = 0x", "data = NULL, mode = 5, size = 10) failed", "mode 5 is not a buffering mode", "_IONBF", "_IOLBF", "_IOFBF", "10 bytes"]);
    let msg = explained!(explain_message_errno_setvbuf(libc::EINVAL, fp, std::ptr::null_mut(), 1, 10));
    assert_facts(&msg, &["mode = _IOLBF", "the mode is valid"]);
    unsafe { libc::fclose(fp) };
}

#[test]
fn fflush_of_null_says_every_output_stream_was_flushed() {
    let _serial = serial();
    let msg = explained!(explain_message_errno_fflush(libc::EBADF, std::ptr::null_mut()));
    assert_facts(&msg, &["fflush(fp = NULL) failed", "EBADF) because fp is NULL, which flushes every open output stream"]);
}

#[test]
fn popen_with_an_invalid_type_says_which_are_valid() {
    let _serial = serial();
    let (cmd, rw) = (c("true"), c("rw"));
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { explain::perform::popen(cmd.as_ptr(), rw.as_ptr()) };
    assert!(fp.is_null());
    assert_eq!(errno(), libc::EINVAL);
    let msg = explained!(explain_message_errno_popen(libc::EINVAL, cmd.as_ptr(), rw.as_ptr()));
    assert_facts(&msg, &["popen(command = \"true\", flags = \"rw\")", "not a valid mode for popen", "\"r\"", "\"w\""]);
}

#[test]
fn popen_eagain_names_rlimit_nproc_and_the_users_processes() {
    let _serial = serial();
    let msg = in_child(|| {
        let (cmd, r) = (c("true"), c("r"));
        // SAFETY: in the forked child only: become nobody with no process to spare.
        unsafe {
            libc::setgroups(0, std::ptr::null());
            libc::setgid(65534);
            libc::setuid(65534);
            let lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
            libc::setrlimit(libc::RLIMIT_NPROC, &lim);
        }
        let fp = unsafe { explain::perform::popen(cmd.as_ptr(), r.as_ptr()) };
        if !fp.is_null() {
            return "popen did not fail".into();
        }
        let e = errno();
        explained!(explain_message_errno_popen(e, cmd.as_ptr(), r.as_ptr()))
    });
    // glibc's popen reports the refused process as ENOMEM.
    assert_facts(&msg, &["popen(command = \"true\", flags = \"r\") failed", "ENOMEM", "(uid 65534) already has", "RLIMIT_NPROC is 0", "/bin/sh -c \"true\""]);
}

fn status_of(command: &str) -> c_int {
    let (cmd, r) = (c(command), c("r"));
    // SAFETY: NUL-terminated strings; the stream is closed by pclose.
    let fp = unsafe { explain::perform::popen(cmd.as_ptr(), r.as_ptr()) };
    assert!(!fp.is_null());
    unsafe { libc::pclose(fp) }
}

fn ended(status: c_int) -> String {
    let mut buf = [0u8; 512];
    let mut m = explain::message::Message::new(&mut buf);
    explain::calls::stream::pclose::ended(&mut m, status);
    let n = m.finish();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[test]
fn pclose_success_reads_an_exit_status_and_a_signal_as_a_shell_user_would() {
    let _serial = serial();
    let s = status_of("exit 3");
    assert_facts(&ended(s), &["exited with status 3", "$? = 3"]);
    let s = status_of("kill -TERM $$");
    assert_facts(&ended(s), &["killed by signal SIGTERM (15, termination request", "$? = 143"]);
    assert!(!ended(s).contains("dumped core"));
    let s = status_of("exec /nonexistent-command-xyz 2>/dev/null");
    assert_facts(&ended(s), &["status 127", "command not found"]);
}

#[test]
fn pclose_success_prints_through_the_output_and_returns_the_status() {
    let _serial = serial();
    // In a child: the registered output is global to the process.
    let msg = in_child(|| {
        let d = Scratch::new("streams-pclose-out");
        let log = cstr(&d.join("log"));
        unsafe {
            let out = explain::abi::outputs::explain_output_file_new(log.as_ptr(), 0);
            explain::abi::output::explain_output_register(out);
        }
        let (cmd, r) = (c("exit 3"), c("r"));
        let fp = unsafe { explain::perform::popen(cmd.as_ptr(), r.as_ptr()) };
        let status = unsafe { explain::abi::streams::explain_pclose_success(fp) };
        format!("{status} {}", std::fs::read_to_string(d.join("log")).unwrap_or_default())
    });
    assert_facts(&msg, &["768 ", "pclose(fp = 0x", "): success, but the command exited with status 3"]);
}

#[test]
fn pclose_echild_with_sigchld_ignored_says_the_kernel_discarded_the_child() {
    let _serial = serial();
    let msg = in_child(|| {
        // SAFETY: in the forked child only.
        unsafe { libc::signal(libc::SIGCHLD, libc::SIG_IGN) };
        let (cmd, r) = (c("true"), c("r"));
        let fp = unsafe { explain::perform::popen(cmd.as_ptr(), r.as_ptr()) };
        let rc = unsafe { libc::pclose(fp) };
        let e = errno();
        format!("{rc} {}", explained!(explain_message_errno_pclose(e, fp)))
    });
    assert_facts(&msg, &["-1 pclose(fp = 0x", "ECHILD", "ignores SIGCHLD (SIG_IGN)", "discards each child"]);
}

#[test]
fn filename_from_stream_and_fildes_give_the_path_and_refuse_a_closed_one() {
    let _serial = serial();
    let d = Scratch::new("streams-filename");
    let w = c("w");
    // SAFETY: NUL-terminated strings; fp is live until fclose.
    let fp = unsafe { libc::fopen(cstr(&d.join("named")).as_ptr(), w.as_ptr()) };
    let mut buf = [0u8; 256];
    let rc = unsafe { explain::abi::streams::explain_filename_from_stream(fp, buf.as_mut_ptr() as *mut c_char, buf.len()) };
    assert_eq!(rc, 0);
    assert!(text(&buf).ends_with("/named"), "{}", text(&buf));
    let mut small = [0xffu8; 4];
    let fd = unsafe { libc::fileno(fp) };
    assert_eq!(unsafe { explain::abi::streams::explain_filename_from_fildes(fd, small.as_mut_ptr() as *mut c_char, small.len()) }, 0);
    assert_eq!(small[3], 0);
    unsafe { libc::fclose(fp) };
    assert_eq!(unsafe { explain::abi::streams::explain_filename_from_fildes(fd, buf.as_mut_ptr() as *mut c_char, buf.len()) }, -1);
    assert_eq!(unsafe { explain::abi::streams::explain_filename_from_stream(std::ptr::null_mut(), buf.as_mut_ptr() as *mut c_char, buf.len()) }, -1);
}

#[test]
fn the_command_takes_standard_streams_by_name_and_echoes_them_as_libexplain() {
    let _serial = serial();
    assert_facts(&explain(&["-e", "EBADF", "fileno", "stdout"]), &["fileno(fp = stdout"]);
    assert_facts(&explain(&["-e", "EINVAL", "setvbuf", "stdout", "NULL", "5", "10"]), &["setvbuf(fp = stdout", "data = NULL, mode = 5, size = 10) failed"]);
    assert_facts(&explain(&["-e", "ECHILD", "pclose", "stdin"]), &["pclose(fp = stdin", "ECHILD"]);
    assert_facts(&explain(&["-e", "EBADF", "fileno", "0x1234"]), &["fileno(fp = 0x00001234) failed"]);
}

#[test]
fn freopen_null_on_a_read_only_mount_names_the_streams_own_file() {
    let _serial = serial();
    let d = Scratch::new("streams-reopen");
    let t = Tmpfs::mount(&d.join("ro"), "size=64k");
    std::fs::write(t.dir.join("f"), "x").unwrap();
    let r = c("r");
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { libc::fopen(cstr(&t.dir.join("f")).as_ptr(), r.as_ptr()) };
    assert!(!fp.is_null());
    t.remount("ro");
    let w = c("w");
    // The _on_error form remembers the file before freopen closes its descriptor.
    let again = unsafe { explain::abi::boundary::explain_freopen_on_error(std::ptr::null(), w.as_ptr(), fp) };
    assert!(again.is_null());
    assert_eq!(errno(), libc::EROFS);
    let msg = explained!(explain_message_errno_freopen(libc::EROFS, std::ptr::null(), w.as_ptr(), fp));
    assert_facts(&msg, &["freopen(pathname = NULL, flags = \"w\", fp = 0x", "pathname is NULL", "own file \"", "/ro/f\"", "EROFS", "read-only", "closed all the same"]);
}

#[test]
fn popen_emfile_gives_the_descriptor_limit() {
    let _serial = serial();
    let msg = in_child(|| {
        let (cmd, r) = (c("true"), c("r"));
        // SAFETY: in the forked child only: no descriptor to spare for popen's pipe.
        unsafe {
            let fd = libc::fcntl(0, libc::F_DUPFD_CLOEXEC, 0);
            let lim = libc::rlimit { rlim_cur: fd as u64, rlim_max: 4096 };
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
        let fp = unsafe { explain::perform::popen(cmd.as_ptr(), r.as_ptr()) };
        if !fp.is_null() {
            return "popen did not fail".into();
        }
        let e = errno();
        explained!(explain_message_errno_popen(e, cmd.as_ptr(), r.as_ptr()))
    });
    assert_facts(&msg, &["popen(command = \"true\", flags = \"r\") failed", "EMFILE", "RLIMIT_NOFILE", "/bin/sh -c \"true\""]);
}

#[test]
fn setbuf_and_setlinebuf_on_null_fail_with_ebadf_instead_of_crashing() {
    let _serial = serial();
    // SAFETY: NULL is what is being tested; the library refuses it.
    unsafe {
        *libc::__errno_location() = 0;
        explain::abi::boundary::explain_setbuf_on_error(std::ptr::null_mut(), std::ptr::null_mut());
    }
    assert_eq!(errno(), libc::EBADF);
    let msg = explained!(explain_message_errno_setlinebuf(libc::EBADF, std::ptr::null_mut()));
    assert_facts(&msg, &["setlinebuf(fp = NULL) failed", "NULL pointer"]);
    let msg = explained!(explain_message_errno_setbuffer(libc::EBADF, std::ptr::null_mut(), std::ptr::null_mut(), 0));
    assert_facts(&msg, &["setbuffer(fp = NULL, data = NULL, size = 0) failed", "NULL pointer"]);
}
