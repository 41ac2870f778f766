//! close(2), read(2) and write(2) explained on real failing states: each test makes the
//! call fail for real, then explains that errno in-process (through the C boundary) or
//! with the explain command, and checks the facts the diagnosis must name.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int, c_void};
use std::os::fd::AsRawFd;


fn explain_read(errnum: i32, fd: i32, data: usize, size: usize) -> String {
    let mut out = [0u8; 4096];
    // SAFETY: out is writable for its length; data is only examined, never dereferenced.
    unsafe { b::explain_message_errno_read(out.as_mut_ptr() as *mut c_char, out.len() as c_int, errnum, fd, data as *const c_void, size) };
    text(&out)
}

fn explain_write(errnum: i32, fd: i32, data: usize, size: usize) -> String {
    let mut out = [0u8; 4096];
    // SAFETY: as above.
    unsafe { b::explain_message_errno_write(out.as_mut_ptr() as *mut c_char, out.len() as c_int, errnum, fd, data as *const c_void, size) };
    text(&out)
}

fn explain_close(errnum: i32, fd: i32) -> String {
    let mut out = [0u8; 4096];
    // SAFETY: as above.
    unsafe { b::explain_message_errno_close(out.as_mut_ptr() as *mut c_char, out.len() as c_int, errnum, fd) };
    text(&out)
}

/// read(2) for real; returns its errno (the test fails if it succeeds).
fn failing_read(fd: i32, data: usize, size: usize) -> i32 {
    // SAFETY: the kernel checks the buffer; a bad one gives EFAULT, not a fault.
    let n = unsafe { libc::read(fd, data as *mut c_void, size) };
    assert_eq!(n, -1, "read was expected to fail");
    errno()
}

fn failing_write(fd: i32, data: usize, size: usize) -> i32 {
    // SAFETY: as above.
    let n = unsafe { libc::write(fd, data as *const c_void, size) };
    assert_eq!(n, -1, "write was expected to fail");
    errno()
}

fn pipe(flags: c_int) -> (std::os::fd::OwnedFd, std::os::fd::OwnedFd) {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), flags | libc::O_CLOEXEC) }, 0);
    // SAFETY: both were just opened and are owned here only.
    unsafe { (std::os::fd::OwnedFd::from_raw_fd(fds[0]), std::os::fd::OwnedFd::from_raw_fd(fds[1])) }
}

fn open(path: &std::path::Path, flags: c_int) -> std::os::fd::OwnedFd {
    use std::os::fd::FromRawFd;
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(cstr(path).as_ptr(), flags | libc::O_CLOEXEC, 0o644) };
    assert!(fd >= 0, "open {}: {}", path.display(), std::io::Error::last_os_error());
    // SAFETY: just opened, owned here only.
    unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) }
}

fn nofile_soft() -> u64 {
    let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: l is writable.
    unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) };
    l.rlim_cur
}

#[test]
fn read_closed_fd_says_it_is_not_open() {
    let _serial = serial();
    // High enough that no other test of this process is given it meanwhile.
    let fd = 1000;
    assert!((fd as u64) < nofile_soft());
    let e = failing_read(fd, 0x1000, 10);
    assert_eq!(e, libc::EBADF);
    let t = explain_read(e, fd, 0x1000, 10);
    assert_facts(&t, &["read(fildes = 1000, data = 0x00001000, data_size = 10) failed", "EBADF", "fildes 1000 is not an open file descriptor"]);
    assert!(!t.contains("RLIMIT_NOFILE"), "{t}");
}

#[test]
fn close_beyond_rlimit_nofile_prints_the_limit() {
    let _serial = serial();
    let soft = nofile_soft();
    let fd = (soft + 5) as c_int;
    // SAFETY: closing a descriptor that cannot be open.
    assert_eq!(unsafe { libc::close(fd) }, -1);
    let e = errno();
    assert_eq!(e, libc::EBADF);
    let t = explain_close(e, fd);
    assert_facts(&t, &[&format!("close(fildes = {fd}) failed"), "not an open file descriptor", &format!("RLIMIT_NOFILE, of {soft}")]);
}

#[test]
fn read_on_write_only_fd_says_open_only_for_writing_and_names_the_file() {
    let _serial = serial();
    let d = Scratch::new("read-wronly");
    let p = d.join("out.log");
    let f = open(&p, libc::O_WRONLY | libc::O_CREAT);
    let mut buf = [0u8; 16];
    let e = failing_read(f.as_raw_fd(), buf.as_mut_ptr() as usize, buf.len());
    assert_eq!(e, libc::EBADF);
    let t = explain_read(e, f.as_raw_fd(), buf.as_mut_ptr() as usize, buf.len());
    assert_facts(&t, &[&format!("{} \"{}\"", f.as_raw_fd(), p.display()), "open only for writing (O_WRONLY), not for reading"]);
}

#[test]
fn read_from_the_write_end_of_a_pipe_says_which_end() {
    let _serial = serial();
    let (_r, w) = pipe(0);
    let mut buf = [0u8; 4];
    let e = failing_read(w.as_raw_fd(), buf.as_mut_ptr() as usize, 4);
    assert_eq!(e, libc::EBADF);
    let t = explain_read(e, w.as_raw_fd(), buf.as_mut_ptr() as usize, 4);
    assert_facts(&t, &["\"pipe\"", "open only for writing", "the write end of a pipe"]);
}

#[test]
fn write_on_read_only_fd_says_open_only_for_reading() {
    let _serial = serial();
    let f = open(std::path::Path::new("/etc/passwd"), libc::O_RDONLY);
    let e = failing_write(f.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_eq!(e, libc::EBADF);
    let t = explain_write(e, f.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_facts(&t, &["\"/etc/passwd\"", "open only for reading (O_RDONLY), not for writing"]);
}

#[test]
fn write_to_pipe_without_reader_says_epipe_pipe_no_reader() {
    let _serial = serial();
    let (r, w) = pipe(0);
    drop(r);
    // The Rust runtime ignores SIGPIPE, so the error comes back instead of the signal.
    let e = failing_write(w.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_eq!(e, libc::EPIPE);
    let t = explain_write(e, w.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_facts(&t, &["EPIPE", "is a pipe", "no process has its read end open", "SIGPIPE is ignored or blocked"]);
}

#[test]
fn write_eagain_on_full_nonblocking_pipe_prints_capacity() {
    let _serial = serial();
    let (_r, w) = pipe(libc::O_NONBLOCK);
    let chunk = [0u8; 4096];
    // SAFETY: chunk is readable for its length.
    while unsafe { libc::write(w.as_raw_fd(), chunk.as_ptr() as *const c_void, chunk.len()) } > 0 {}
    assert_eq!(errno(), libc::EAGAIN);
    let t = explain_write(libc::EAGAIN, w.as_raw_fd(), chunk.as_ptr() as usize, chunk.len());
    assert_facts(&t, &["is a pipe in non-blocking mode (O_NONBLOCK)", "pipe is full", "holds 65536 bytes", "capacity (F_GETPIPE_SZ) is 65536 bytes"]);
}

#[test]
fn read_eagain_on_empty_nonblocking_pipe_says_empty() {
    let _serial = serial();
    let (r, _w) = pipe(libc::O_NONBLOCK);
    let mut buf = [0u8; 8];
    let e = failing_read(r.as_raw_fd(), buf.as_mut_ptr() as usize, 8);
    assert_eq!(e, libc::EAGAIN);
    let t = explain_read(e, r.as_raw_fd(), buf.as_mut_ptr() as usize, 8);
    assert_facts(&t, &["is a pipe in non-blocking mode (O_NONBLOCK)", "the pipe is empty"]);
}

#[test]
fn write_enospc_on_full_tmpfs_names_mount_type_and_sizes() {
    let _serial = serial();
    let d = Scratch::new("write-enospc");
    let m = Tmpfs::mount(&d.join("full"), "size=64k");
    let f = open(&m.dir.join("big"), libc::O_WRONLY | libc::O_CREAT);
    let chunk = [7u8; 8192];
    // SAFETY: chunk is readable for its length.
    while unsafe { libc::write(f.as_raw_fd(), chunk.as_ptr() as *const c_void, chunk.len()) } > 0 {}
    assert_eq!(errno(), libc::ENOSPC);
    let t = explain_write(libc::ENOSPC, f.as_raw_fd(), chunk.as_ptr() as usize, chunk.len());
    let point = format!("mounted on \"{}\"", m.dir.display());
    assert_facts(&t, &["\"tmpfs\" file system", &point, "no free space left", "64.0 KiB in all", "0 bytes available"]);
}

#[test]
fn write_efbig_prints_rlimit_fsize_and_offset() {
    let _serial = serial();
    use std::os::unix::process::CommandExt;
    let d = Scratch::new("write-efbig");
    let p = d.join("grown");
    std::fs::write(&p, vec![b'x'; 2048]).unwrap();
    let f = open(&p, libc::O_WRONLY | libc::O_APPEND);
    let raw = f.as_raw_fd();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_explain"));
    cmd.args(["-e", "EFBIG", "write", "3", "0x1000", "1"]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit { rlim_cur: 1024, rlim_max: 1024 };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            // Ignored, so the write fails with EFBIG instead of the signal killing the child.
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            // dup2 onto itself would keep O_CLOEXEC.
            if raw == 3 {
                libc::fcntl(3, libc::F_SETFD, 0);
            } else {
                libc::dup2(raw, 3);
            }
            // The real failing write, in the process that explains it.
            if libc::write(3, b"y".as_ptr() as *const c_void, 1) != -1 || *libc::__errno_location() != libc::EFBIG {
                return Err(std::io::Error::other("the write past RLIMIT_FSIZE did not fail with EFBIG"));
            }
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    let t = String::from_utf8_lossy(&out.stdout);
    assert_facts(&t, &[&format!("fildes = 3 \"{}\"", p.display()), "EFBIG", "at offset 2048", "file size limit (RLIMIT_FSIZE) of 1024 bytes"]);
}

#[test]
fn read_eisdir_on_directory_fd_names_it() {
    let _serial = serial();
    let d = Scratch::new("read-eisdir");
    let f = open(&d.path, libc::O_RDONLY | libc::O_DIRECTORY);
    let mut buf = [0u8; 64];
    let e = failing_read(f.as_raw_fd(), buf.as_mut_ptr() as usize, 64);
    assert_eq!(e, libc::EISDIR);
    let t = explain_read(e, f.as_raw_fd(), buf.as_mut_ptr() as usize, 64);
    assert_facts(&t, &[&format!("\"{}\" is a directory", d.path.display()), "getdents"]);
}

#[test]
fn read_efault_names_argument_address_and_size() {
    let _serial = serial();
    let f = open(std::path::Path::new("/dev/zero"), libc::O_RDONLY);
    let e = failing_read(f.as_raw_fd(), 0x10, 10);
    assert_eq!(e, libc::EFAULT);
    let t = explain_read(e, f.as_raw_fd(), 0x10, 10);
    assert_facts(&t, &["data = 0x00000010", "data (0x10, 10 bytes) must be writable memory", "0x10 (its start) is not mapped for writing"]);
}

#[test]
fn read_efault_into_read_only_memory_says_not_writable() {
    let _serial = serial();
    // A page that may be read but not written: only the writability check can tell.
    // SAFETY: a fresh anonymous mapping, unmapped below.
    let page = unsafe { libc::mmap(core::ptr::null_mut(), 4096, libc::PROT_READ, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
    assert_ne!(page, libc::MAP_FAILED);
    let f = open(std::path::Path::new("/dev/zero"), libc::O_RDONLY);
    let e = failing_read(f.as_raw_fd(), page as usize, 100);
    assert_eq!(e, libc::EFAULT);
    let t = explain_read(e, f.as_raw_fd(), page as usize, 100);
    // SAFETY: mapped above.
    unsafe { libc::munmap(page, 4096) };
    assert_facts(&t, &[&format!("{:#x} (its start) is not mapped for writing", page as usize)]);
}

#[test]
fn write_efault_says_not_readable() {
    let _serial = serial();
    let (_r, w) = pipe(0);
    let e = failing_write(w.as_raw_fd(), 0x10, 3);
    assert_eq!(e, libc::EFAULT);
    let t = explain_write(e, w.as_raw_fd(), 0x10, 3);
    assert_facts(&t, &["data (0x10, 3 bytes) must be readable memory", "not mapped for reading"]);
}

#[test]
fn read_einval_timerfd_needs_eight_bytes() {
    let _serial = serial();
    use std::os::fd::FromRawFd;
    // SAFETY: plain system call; the descriptor is owned below.
    let fd = unsafe { libc::timerfd_create(libc::CLOCK_MONOTONIC, libc::TFD_CLOEXEC) };
    assert!(fd >= 0);
    // SAFETY: just opened.
    let f = unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) };
    let mut buf = [0u8; 4];
    let e = failing_read(f.as_raw_fd(), buf.as_mut_ptr() as usize, 4);
    assert_eq!(e, libc::EINVAL);
    let t = explain_read(e, f.as_raw_fd(), buf.as_mut_ptr() as usize, 4);
    assert_facts(&t, &["timerfd", "at least 8 bytes", "the size given is 4"]);
}

#[test]
fn read_einval_odirect_names_alignment_and_misaligned_values() {
    let _serial = serial();
    let d = Scratch::new("read-odirect");
    let p = d.join("data");
    std::fs::write(&p, vec![1u8; 16384]).unwrap();
    let f = open(&p, libc::O_RDONLY | libc::O_DIRECT);
    let mut buf = vec![0u8; 16384];
    let aligned = (buf.as_mut_ptr() as usize + 4095) & !4095;
    // A buffer one byte past an aligned address.
    let e = failing_read(f.as_raw_fd(), aligned + 1, 4096);
    assert_eq!(e, libc::EINVAL);
    let t = explain_read(e, f.as_raw_fd(), aligned + 1, 4096);
    assert_facts(&t, &["O_DIRECT", "buffer address aligned to", &format!("the buffer address {:#x} is 1 byte past a multiple of", aligned + 1)]);
    assert!(!t.contains("file offset 0 is"), "{t}");
    // An aligned buffer at an unaligned file offset.
    // SAFETY: plain system call on our descriptor.
    assert_eq!(unsafe { libc::lseek(f.as_raw_fd(), 100, libc::SEEK_SET) }, 100);
    let e = failing_read(f.as_raw_fd(), aligned, 4096);
    assert_eq!(e, libc::EINVAL);
    let t = explain_read(e, f.as_raw_fd(), aligned, 4096);
    assert_facts(&t, &["the file offset 100 is not a multiple of"]);
    assert!(!t.contains("buffer address 0x"), "{t}");
}

#[test]
fn write_eperm_on_sealed_memfd_names_the_seal() {
    let _serial = serial();
    use std::os::fd::FromRawFd;
    // SAFETY: plain system calls; the descriptor is owned below.
    let fd = unsafe { libc::memfd_create(c"sealed".as_ptr(), libc::MFD_CLOEXEC | libc::MFD_ALLOW_SEALING) };
    assert!(fd >= 0);
    // SAFETY: just opened.
    let f = unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) };
    // SAFETY: as above.
    assert_eq!(unsafe { libc::fcntl(f.as_raw_fd(), libc::F_ADD_SEALS, libc::F_SEAL_WRITE) }, 0);
    let e = failing_write(f.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_eq!(e, libc::EPERM);
    let t = explain_write(e, f.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_facts(&t, &["\"/memfd:sealed", "sealed against writing (F_SEAL_WRITE)", "F_GET_SEALS"]);
}

#[test]
fn write_edestaddrreq_on_unconnected_udp_socket() {
    let _serial = serial();
    use std::net::UdpSocket;
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    let e = failing_write(s.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_eq!(e, libc::EDESTADDRREQ);
    let t = explain_write(e, s.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_facts(&t, &["is a socket", "no peer set", "connect(2)"]);
}

#[test]
fn explain_command_read_ebadf() {
    let _serial = serial();
    let t = explain(&["-e", "EBADF", "read", "42", "NULL", "10"]);
    assert_facts(&t, &["read(fildes = 42, data = NULL, data_size = 10) failed", "EBADF", "fildes 42 is not an open file descriptor"]);
}

#[test]
fn explain_command_close_ebadf() {
    let _serial = serial();
    let t = explain(&["-e", "EBADF", "close", "77"]);
    assert_facts(&t, &["close(fildes = 77) failed", "fildes 77 is not an open file descriptor"]);
}

#[test]
fn read_eio_from_background_process_group_names_both_groups() {
    let _serial = serial();
    use std::os::unix::process::CommandExt;
    let (mut master, mut slave) = (0, 0);
    // SAFETY: both out-pointers are valid; no name, termios or winsize wanted.
    let rc = unsafe { libc::openpty(&mut master, &mut slave, core::ptr::null_mut(), core::ptr::null(), core::ptr::null()) };
    assert_eq!(rc, 0);
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_explain"));
    cmd.args(["-e", "EIO", "read", "0", "NULL", "1"]);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            // A session of our own with the pty as its controlling terminal; the session
            // leader stays in the foreground group and waits, while a child of it moves
            // to a group of its own, in the background, and becomes the explain command.
            libc::setsid();
            libc::ioctl(slave, libc::TIOCSCTTY, 0);
            let pid = libc::fork();
            if pid > 0 {
                let mut status = 0;
                libc::waitpid(pid, &mut status, 0);
                libc::_exit(if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 1 });
            }
            libc::setpgid(0, 0);
            // Ignored, so the read fails with EIO instead of the signal stopping us.
            libc::signal(libc::SIGTTIN, libc::SIG_IGN);
            let mut byte = 0u8;
            if libc::read(slave, &mut byte as *mut u8 as *mut c_void, 1) != -1 || *libc::__errno_location() != libc::EIO {
                libc::_exit(3);
            }
            libc::dup2(slave, 0);
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    // SAFETY: ours, no longer needed.
    unsafe {
        libc::close(slave);
        libc::close(master);
    }
    assert!(out.status.success(), "the background read did not fail with EIO: {:?}", out.status);
    let t = String::from_utf8_lossy(&out.stdout);
    assert_facts(&t, &["EIO", "fildes 0 \"/dev/pts/", "is a terminal", "background process group (", "\"explain\") while", "the terminal's foreground group is ", "ignores SIGTTIN"]);
}

#[test]
fn read_eintr_names_what_was_waited_on() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain"))
        .args(["-e", "EINTR", "read", "0", "0x1000", "1"])
        .stdin(std::process::Stdio::from(r))
        .output()
        .unwrap();
    let t = String::from_utf8_lossy(&out.stdout);
    assert_facts(&t, &["EINTR", "SA_RESTART", "it was waiting on fildes 0 \"pipe\"", "a pipe"]);
}

#[test]
fn read_eagain_on_blocking_socket_names_the_expired_timeout() {
    let _serial = serial();
    use std::net::UdpSocket;
    let s = UdpSocket::bind("127.0.0.1:0").unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_millis(20))).unwrap();
    let mut buf = [0u8; 8];
    // A signal meant for another test's child may interrupt the wait: read again.
    let mut e = failing_read(s.as_raw_fd(), buf.as_mut_ptr() as usize, 8);
    while e == libc::EINTR {
        e = failing_read(s.as_raw_fd(), buf.as_mut_ptr() as usize, 8);
    }
    assert_eq!(e, libc::EAGAIN, "{}", std::io::Error::from_raw_os_error(e));
    let t = explain_read(e, s.as_raw_fd(), buf.as_mut_ptr() as usize, 8);
    assert_facts(&t, &["is a socket", "timeout (SO_RCVTIMEO) of 0.020000 seconds expired"]);
    assert!(!t.contains("O_NONBLOCK"), "{t}");
}

#[test]
fn read_on_error_returns_the_calls_result_and_errno() {
    let _serial = serial();
    let mut buf = [0u8; 4];
    // SAFETY: buf is writable; fd 1003 is not open (see read_closed_fd_says_it_is_not_open).
    let n = unsafe { b::explain_read_on_error(1003, buf.as_mut_ptr() as *mut c_void, buf.len()) };
    assert_eq!(n, -1);
    assert_eq!(errno(), libc::EBADF);
    let (r, w) = pipe(0);
    // SAFETY: a one-byte readable buffer.
    assert_eq!(unsafe { b::explain_write_on_error(w.as_raw_fd(), b"z".as_ptr() as *const c_void, 1) }, 1);
    // SAFETY: buf is writable.
    assert_eq!(unsafe { b::explain_read_on_error(r.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 4) }, 1);
    assert_eq!(buf[0], b'z');
}

#[test]
fn write_enospc_on_dev_full_names_the_device_not_a_file_system() {
    let _serial = serial();
    let f = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    // SAFETY: a valid descriptor and buffer.
    let r = unsafe { libc::write(f.as_raw_fd(), b"x".as_ptr() as *const c_void, 1) };
    assert_eq!((r, errno()), (-1, libc::ENOSPC));
    let text = explain_write(libc::ENOSPC, f.as_raw_fd(), b"x".as_ptr() as usize, 1);
    assert_facts(&text, &["\"/dev/full\" is a character device (major 1, minor 7", "answers every write"]);
    assert!(!text.contains("file system mounted on"), "{text}");
}
