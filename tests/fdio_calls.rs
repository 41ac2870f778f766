//! lseek, pread, pwrite, readv, writev, fsync, dup, dup2, pipe, pipe2, fcntl and flock
//! explained on real failing states: each test makes the call fail for real (a second
//! process holding the lock, a pipe, a file too short, a bad pointer), then explains that
//! errno in-process through the C boundary (or with the explain command as another
//! user) and checks the facts the diagnosis must name.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_int, c_void};
use std::io::BufRead;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::{Command, Stdio};


/// Runs one explain_message_errno_NAME into a fresh buffer and returns the text.

fn open(path: &std::path::Path, flags: c_int) -> OwnedFd {
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(cstr(path).as_ptr(), flags | libc::O_CLOEXEC, 0o644) };
    assert!(fd >= 0, "open {}: {}", path.display(), std::io::Error::last_os_error());
    // SAFETY: just opened, owned here only.
    unsafe { OwnedFd::from_raw_fd(fd) }
}

fn pipe(flags: c_int) -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), flags | libc::O_CLOEXEC) }, 0);
    // SAFETY: both were just opened and are owned here only.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

fn file_with(d: &Scratch, name: &str, bytes: usize) -> std::path::PathBuf {
    let p = d.join(name);
    std::fs::write(&p, vec![b'x'; bytes]).unwrap();
    p
}

fn lock(kind: c_int, start: i64, len: i64) -> libc::flock {
    libc::flock { l_type: kind as i16, l_whence: libc::SEEK_SET as i16, l_start: start, l_len: len, l_pid: 0 }
}

fn nofile_soft() -> u64 {
    let mut l = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: l is writable.
    unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut l) };
    l.rlim_cur
}

fn comm(pid: i32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap().trim_end().to_string()
}

/// A forked child of this test process, killed and reaped on drop.
struct Child {
    pid: i32,
}

impl Drop for Child {
    fn drop(&mut self) {
        // SAFETY: our own child.
        unsafe {
            libc::kill(self.pid, libc::SIGKILL);
            libc::waitpid(self.pid, std::ptr::null_mut(), 0);
        }
    }
}

/// Forks a child that takes the lock `l` with `cmd` on `fd`, then (if `then` is given)
/// waits for a second lock with F_SETLKW, and otherwise sleeps; returns once the first
/// lock is held. Between fork and the child's end only async-signal-safe calls are made.
fn child_holding(fd: c_int, cmd: c_int, l: libc::flock, then: Option<libc::flock>) -> Child {
    let (r, w) = pipe(0);
    // SAFETY: the child makes only async-signal-safe calls (fcntl, write, pause, _exit).
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0);
    if pid == 0 {
        // SAFETY: as above.
        unsafe {
            let mut l = l;
            let ok = libc::fcntl(fd, cmd, &mut l as *mut libc::flock) == 0;
            libc::write(w.as_raw_fd(), [ok as u8].as_ptr() as *const c_void, 1);
            if let Some(mut second) = then {
                libc::fcntl(fd, libc::F_SETLKW, &mut second as *mut libc::flock);
            }
            loop {
                libc::pause();
            }
        }
    }
    drop(w);
    let mut ok = [0u8; 1];
    // SAFETY: ok is writable.
    assert_eq!(unsafe { libc::read(r.as_raw_fd(), ok.as_mut_ptr() as *mut c_void, 1) }, 1);
    let child = Child { pid };
    assert_eq!(ok[0], 1, "the child could not take its lock");
    child
}

/// fcntl(fd, cmd, want) for a lock the call must refuse: its errno and the
/// explanation of that errno.
fn refused_lock(fd: c_int, cmd: c_int, want: &mut libc::flock) -> (c_int, String) {
    // SAFETY: want is a valid struct flock.
    assert_eq!(unsafe { libc::fcntl(fd, cmd, want as *mut libc::flock) }, -1);
    let e = errno();
    (e, explained!(explain_message_errno_fcntl(e, fd, cmd, want as *mut libc::flock as i64)))
}

#[test]
fn fcntl_setlk_conflict_names_the_holding_process_and_the_range() {
    let _serial = serial();
    let d = Scratch::new("fcntl-conflict");
    let p = file_with(&d, "db", 100);
    let theirs = open(&p, libc::O_RDWR);
    let holder = child_holding(theirs.as_raw_fd(), libc::F_SETLK, lock(libc::F_WRLCK, 10, 20), None);
    let ours = open(&p, libc::O_RDWR);
    let mut want = lock(libc::F_WRLCK, 0, 0);
    let (e, t) = refused_lock(ours.as_raw_fd(), libc::F_SETLK, &mut want);
    assert!(e == libc::EAGAIN || e == libc::EACCES, "errno {e}");
    assert_facts(
        &t,
        &[
            "command = F_SETLK, data = { l_type = F_WRLCK, l_whence = SEEK_SET, l_start = 0, l_len = 0, l_pid = 0 }",
            &format!("held by process {} \"{}\"", holder.pid, comm(holder.pid)),
            "an exclusive (write) record lock",
            "on bytes 10 to 29",
        ],
    );
}

#[test]
fn fcntl_ofd_setlk_conflict_finds_the_holder_through_fdinfo() {
    let _serial = serial();
    let d = Scratch::new("ofd-conflict");
    let p = file_with(&d, "db", 10);
    let theirs = open(&p, libc::O_RDWR);
    let holder = child_holding(theirs.as_raw_fd(), libc::F_OFD_SETLK, lock(libc::F_RDLCK, 0, 0), None);
    // The child's descriptor is shared with ours after fork; close ours so only the
    // child holds that open file description.
    drop(theirs);
    let ours = open(&p, libc::O_RDWR);
    let mut want = lock(libc::F_WRLCK, 0, 0);
    let (e, t) = refused_lock(ours.as_raw_fd(), libc::F_OFD_SETLK, &mut want);
    assert!(e == libc::EAGAIN || e == libc::EACCES, "errno {e}");
    assert_facts(
        &t,
        &[
            "a shared (read) open file description lock",
            &format!("held by process {} \"{}\"", holder.pid, comm(holder.pid)),
            "on the whole file",
            "in the way of the exclusive lock asked for",
        ],
    );
}

#[test]
fn fcntl_setlkw_deadlock_names_the_other_process() {
    let _serial = serial();
    let d = Scratch::new("deadlock");
    let p = file_with(&d, "db", 10);
    let ours = open(&p, libc::O_RDWR);
    let mut mine = lock(libc::F_WRLCK, 1, 1);
    // SAFETY: a valid struct flock.
    assert_eq!(unsafe { libc::fcntl(ours.as_raw_fd(), libc::F_SETLK, &mut mine as *mut libc::flock) }, 0);
    // The child locks byte 0, then waits for byte 1, which we hold.
    let theirs = open(&p, libc::O_RDWR);
    let other = child_holding(theirs.as_raw_fd(), libc::F_SETLK, lock(libc::F_WRLCK, 0, 1), Some(lock(libc::F_WRLCK, 1, 1)));
    // Only once the child waits does our F_SETLKW close the cycle (else it would block).
    let waiting = format!(" {} ", other.pid);
    let blocked = (0..500).any(|_| {
        let locks = std::fs::read_to_string("/proc/locks").unwrap();
        let seen = locks.lines().any(|l| l.contains("->") && l.contains(&waiting));
        if !seen {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        seen
    });
    assert!(blocked, "the child never waited for our lock");
    let mut want = lock(libc::F_WRLCK, 0, 1);
    let (e, t) = refused_lock(ours.as_raw_fd(), libc::F_SETLKW, &mut want);
    assert_eq!(e, libc::EDEADLK);
    assert_facts(&t, &["EDEADLK", "would deadlock", &format!("held by process {} \"{}\"", other.pid, comm(other.pid)), "on byte 0 stands in the way"]);
}

#[test]
fn flock_lock_nb_against_a_holder_names_it() {
    let _serial = serial();
    let d = Scratch::new("flock-holder");
    let p = file_with(&d, "spool", 1);
    use std::os::unix::process::CommandExt;
    let mut holder = Command::new("flock")
        .arg("-x")
        .arg(&p)
        .args(["-c", "echo ready; exec sleep 30"])
        .stdout(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(holder.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n");
    let ours = open(&p, libc::O_RDONLY);
    // SAFETY: a plain call on our descriptor.
    let r = unsafe { libc::flock(ours.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    let e = errno();
    let pid = holder.id() as i32;
    let t = explained!(explain_message_errno_flock(e, ours.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB));
    // SAFETY: the holder's process group, ours to end.
    unsafe { libc::kill(-pid, libc::SIGKILL) };
    let _ = holder.wait();
    assert_eq!(r, -1);
    assert_eq!(e, libc::EWOULDBLOCK);
    assert_facts(&t, &["command = LOCK_EX | LOCK_NB", "an exclusive (write) flock lock", &format!("held by process {pid} \"flock\""), "on the whole file"]);
}

#[test]
fn flock_taken_by_a_shell_through_flock_1_names_the_process_still_holding_it() {
    let _serial = serial();
    // The shell idiom: flock(1) takes the lock on the shell's descriptor and exits, so
    // /proc/locks records a pid that is gone; the holder is the shell (now sleep).
    let d = Scratch::new("flock-idiom");
    let p = file_with(&d, "lock", 0);
    use std::os::unix::process::CommandExt;
    let script = format!("exec 9>>'{}'; flock -x 9; echo ready; exec sleep 30", p.display());
    let mut holder = Command::new("sh").args(["-c", &script]).stdout(Stdio::piped()).process_group(0).spawn().unwrap();
    let mut line = String::new();
    std::io::BufReader::new(holder.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert_eq!(line, "ready\n");
    let pid = holder.id() as i32;
    // "ready" comes just before the shell execs sleep: wait for the new command name.
    for _ in 0..500 {
        if comm(pid) == "sleep" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let ours = open(&p, libc::O_RDONLY);
    // SAFETY: a plain call on our descriptor.
    let r = unsafe { libc::flock(ours.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB) };
    let e = errno();
    let t = explained!(explain_message_errno_flock(e, ours.as_raw_fd(), libc::LOCK_SH | libc::LOCK_NB));
    // SAFETY: the holder's process group, ours to end.
    unsafe { libc::kill(-pid, libc::SIGKILL) };
    let _ = holder.wait();
    assert_eq!((r, e), (-1, libc::EWOULDBLOCK));
    assert_facts(&t, &[&format!("held by process {pid} \"sleep\""), "in the way of the shared lock asked for"]);
}

#[test]
fn lseek_and_fcntl_on_error_return_the_calls_own_result_and_errno() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    // SAFETY: plain calls through the library; they print to stderr on failure.
    let (res, e) = unsafe { (b::explain_lseek_on_error(r.as_raw_fd(), 0, libc::SEEK_SET), errno()) };
    assert_eq!((res, e), (-1, libc::ESPIPE));
    // SAFETY: as above; F_GETPIPE_SZ succeeds with the capacity, which is not an error.
    let cap = unsafe { b::explain_fcntl_on_error(r.as_raw_fd(), libc::F_GETPIPE_SZ, 0) };
    assert_eq!(cap, 65536);
    // SAFETY: as above, on a descriptor that is not open.
    let (res, e) = unsafe { (b::explain_fcntl_on_error(1002, libc::F_GETFD, 0), errno()) };
    assert_eq!((res, e), (-1, libc::EBADF));
}

#[test]
fn fcntl_write_lock_on_read_only_fd_says_read_only_versus_write_lock() {
    let _serial = serial();
    let d = Scratch::new("lock-rdonly");
    let p = file_with(&d, "f", 10);
    let f = open(&p, libc::O_RDONLY);
    let mut want = lock(libc::F_WRLCK, 0, 0);
    let (e, t) = refused_lock(f.as_raw_fd(), libc::F_SETLK, &mut want);
    assert_eq!(e, libc::EBADF);
    assert_facts(&t, &["is open only for reading (O_RDONLY)", "a write lock (F_WRLCK) needs a descriptor open for writing"]);
}

#[test]
fn fcntl_setpipe_sz_above_pipe_max_size_prints_the_limit() {
    let _serial = serial();
    let max: u64 = std::fs::read_to_string("/proc/sys/fs/pipe-max-size").unwrap().trim().parse().unwrap();
    let want = (max * 4) as c_int;
    // The real failure, as nobody: a child drops to uid 65534 (and so every capability).
    let (r, w) = pipe(0);
    // SAFETY: the child makes only raw system calls and _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: as above.
        unsafe {
            libc::syscall(libc::SYS_setresgid, 65534, 65534, 65534);
            libc::syscall(libc::SYS_setresuid, 65534, 65534, 65534);
            let ok = libc::fcntl(w.as_raw_fd(), libc::F_SETPIPE_SZ, want) >= 0;
            libc::_exit(if ok { 0 } else { *libc::__errno_location() });
        }
    }
    let mut status = 0;
    // SAFETY: our own child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(libc::WEXITSTATUS(status), libc::EPERM);
    // The explanation, by the explain command run as nobody with the pipe as stdin.
    let out = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", &explain_bin_for_others()])
        .args(["-e", "EPERM", "fcntl", "0", "F_SETPIPE_SZ", &want.to_string()])
        .stdin(Stdio::from(r))
        .output()
        .unwrap();
    drop(w);
    let t = String::from_utf8_lossy(&out.stdout);
    assert_facts(&t, &["command = F_SETPIPE_SZ", &format!("{want} bytes"), &format!("{max} bytes (/proc/sys/fs/pipe-max-size)"), "CAP_SYS_RESOURCE"]);
}

#[test]
fn fcntl_setpipe_sz_below_the_content_says_how_much_it_holds() {
    let _serial = serial();
    let (_r, w) = pipe(0);
    let chunk = [7u8; 8192];
    // SAFETY: chunk is readable.
    assert_eq!(unsafe { libc::write(w.as_raw_fd(), chunk.as_ptr() as *const c_void, chunk.len()) }, 8192);
    // SAFETY: plain fcntl.
    assert_eq!(unsafe { libc::fcntl(w.as_raw_fd(), libc::F_SETPIPE_SZ, 4096) }, -1);
    assert_eq!(errno(), libc::EBUSY);
    let t = explained!(explain_message_errno_fcntl(libc::EBUSY, w.as_raw_fd(), libc::F_SETPIPE_SZ, 4096));
    assert_facts(&t, &["the pipe holds 8192 bytes", "new capacity of 4096 bytes"]);
}

#[test]
fn fcntl_dupfd_beyond_rlimit_nofile_prints_the_limit() {
    let _serial = serial();
    let soft = nofile_soft();
    // SAFETY: plain fcntl.
    assert_eq!(unsafe { libc::fcntl(0, libc::F_DUPFD, soft as c_int) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_fcntl(libc::EINVAL, 0, libc::F_DUPFD, soft as i64));
    assert_facts(&t, &[&format!("data = {soft}"), &format!("(RLIMIT_NOFILE) is {soft}, so descriptors go from 0 to {}", soft - 1)]);
}

#[test]
fn dup2_newfd_beyond_rlimit_nofile_prints_the_limit() {
    let _serial = serial();
    let soft = nofile_soft();
    let newfd = soft as c_int;
    // SAFETY: plain dup2; newfd cannot be open.
    assert_eq!(unsafe { libc::dup2(0, newfd) }, -1);
    assert_eq!(errno(), libc::EBADF);
    let t = explained!(explain_message_errno_dup2(libc::EBADF, 0, newfd));
    assert_facts(&t, &[&format!("newfd is {newfd}"), &format!("(RLIMIT_NOFILE) is {soft}")]);
}

#[test]
fn dup_of_a_closed_descriptor_says_it_is_not_open() {
    let _serial = serial();
    let fd = 1001;
    // SAFETY: plain dup.
    assert_eq!(unsafe { libc::dup(fd) }, -1);
    assert_eq!(errno(), libc::EBADF);
    let t = explained!(explain_message_errno_dup(libc::EBADF, fd));
    assert_facts(&t, &["dup(fildes = 1001) failed", "fildes 1001 is not an open file descriptor"]);
}

#[test]
fn lseek_on_a_pipe_says_it_is_a_pipe() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    // SAFETY: plain lseek.
    assert_eq!(unsafe { libc::lseek(r.as_raw_fd(), 10, libc::SEEK_SET) }, -1);
    assert_eq!(errno(), libc::ESPIPE);
    let t = explained!(explain_message_errno_lseek(libc::ESPIPE, r.as_raw_fd(), 10, libc::SEEK_SET));
    assert_facts(&t, &["whence = SEEK_SET", "\"pipe\"", "is a pipe, which has no file offset"]);
}

#[test]
fn lseek_seek_data_past_the_end_prints_the_file_size() {
    let _serial = serial();
    let d = Scratch::new("seek-data");
    let p = file_with(&d, "short", 100);
    let f = open(&p, libc::O_RDONLY);
    // SAFETY: plain lseek.
    assert_eq!(unsafe { libc::lseek(f.as_raw_fd(), 1000, libc::SEEK_DATA) }, -1);
    assert_eq!(errno(), libc::ENXIO);
    let t = explained!(explain_message_errno_lseek(libc::ENXIO, f.as_raw_fd(), 1000, libc::SEEK_DATA));
    assert_facts(&t, &["whence = SEEK_DATA", "searches from offset 1000", "whose size is 100 bytes"]);
}

#[test]
fn lseek_to_a_negative_offset_shows_the_computed_value() {
    let _serial = serial();
    let d = Scratch::new("seek-neg");
    let p = file_with(&d, "f", 100);
    let f = open(&p, libc::O_RDONLY);
    // SAFETY: plain lseek.
    assert_eq!(unsafe { libc::lseek(f.as_raw_fd(), 30, libc::SEEK_SET) }, 30);
    assert_eq!(unsafe { libc::lseek(f.as_raw_fd(), -50, libc::SEEK_CUR) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_lseek(libc::EINVAL, f.as_raw_fd(), -50, libc::SEEK_CUR));
    assert_facts(&t, &["would be -20 (the current offset 30 plus offset -50)", "cannot be negative"]);
}

#[test]
fn pread_on_a_pipe_and_with_a_negative_offset() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    let mut buf = [0u8; 8];
    // SAFETY: buf is writable.
    assert_eq!(unsafe { libc::pread(r.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 8, 0) }, -1);
    assert_eq!(errno(), libc::ESPIPE);
    let t = explained!(explain_message_errno_pread(libc::ESPIPE, r.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 8, 0));
    assert_facts(&t, &["pread(fildes = ", "offset = 0) failed", "is a pipe, which has no file offset"]);

    let d = Scratch::new("pread-neg");
    let f = open(&file_with(&d, "f", 10), libc::O_RDONLY);
    // SAFETY: as above.
    assert_eq!(unsafe { libc::pread(f.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 8, -1) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_pread(libc::EINVAL, f.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 8, -1));
    assert_facts(&t, &["offset is -1, and a file position cannot be negative"]);
}

#[test]
fn pwrite_on_a_read_only_descriptor_says_so() {
    let _serial = serial();
    let f = open(std::path::Path::new("/etc/passwd"), libc::O_RDONLY);
    // SAFETY: the buffer is readable.
    assert_eq!(unsafe { libc::pwrite(f.as_raw_fd(), b"x".as_ptr() as *const c_void, 1, 5) }, -1);
    assert_eq!(errno(), libc::EBADF);
    let t = explained!(explain_message_errno_pwrite(libc::EBADF, f.as_raw_fd(), b"x".as_ptr() as *const c_void, 1, 5));
    assert_facts(&t, &["offset = 5", "open only for reading (O_RDONLY), not for writing"]);
}

#[test]
fn readv_with_2000_vectors_shows_iov_max() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    let iov = vec![libc::iovec { iov_base: std::ptr::null_mut(), iov_len: 0 }; 2000];
    // SAFETY: the array has 2000 elements.
    assert_eq!(unsafe { libc::readv(r.as_raw_fd(), iov.as_ptr(), 2000) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_readv(libc::EINVAL, r.as_raw_fd(), iov.as_ptr(), 2000));
    assert_facts(&t, &["data_size = 2000", "is 2000, and it must be between 0 and 1024 (IOV_MAX)"]);
}

#[test]
fn writev_with_a_bad_buffer_names_the_element() {
    let _serial = serial();
    let d = Scratch::new("writev-fault");
    let f = open(&d.join("out"), libc::O_WRONLY | libc::O_CREAT);
    let ok = b"hello";
    let iov = [
        libc::iovec { iov_base: ok.as_ptr() as *mut c_void, iov_len: 0 },
        libc::iovec { iov_base: 0x10 as *mut c_void, iov_len: 5 },
    ];
    // SAFETY: the kernel checks the buffers; a bad one gives EFAULT.
    assert_eq!(unsafe { libc::writev(f.as_raw_fd(), iov.as_ptr(), 2) }, -1);
    assert_eq!(errno(), libc::EFAULT);
    let t = explained!(explain_message_errno_writev(libc::EFAULT, f.as_raw_fd(), iov.as_ptr(), 2));
    assert_facts(
        &t,
        &[
            &format!("data = {{{{ 0x{:08X}, 0 }}, {{ 0x00000010, 5 }}}}, data_size = 2)", ok.as_ptr() as usize),
            "data[1] ({iov_base=0x10, iov_len=5}) must be readable memory",
            "is not mapped for reading",
        ],
    );
}

#[test]
fn pipe_with_a_bad_pointer_says_pipefd_is_not_writable() {
    let _serial = serial();
    // SAFETY: the kernel checks the pointer; a bad one gives EFAULT.
    assert_eq!(unsafe { libc::pipe(0x10 as *mut c_int) }, -1);
    assert_eq!(errno(), libc::EFAULT);
    let t = explained!(explain_message_errno_pipe(libc::EFAULT, 0x10 as *mut c_int));
    assert_facts(&t, &["pipe(fildes = 0x00000010) failed", "pipefd (0x10, 8 bytes) must be writable memory", "not mapped for writing"]);
}

#[test]
fn pipe2_with_unknown_flags_shows_the_bits() {
    let _serial = serial();
    let mut fds = [0; 2];
    // SAFETY: fds is writable.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC | 0x4) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_pipe2(libc::EINVAL, fds.as_mut_ptr(), libc::O_CLOEXEC | 0x4));
    assert_facts(&t, &["flags = O_RDONLY | O_CLOEXEC | 04", "flags has the bits 0x4"]);
}

#[test]
fn fsync_on_a_pipe_names_its_type() {
    let _serial = serial();
    let (_r, w) = pipe(0);
    // SAFETY: plain fsync.
    assert_eq!(unsafe { libc::fsync(w.as_raw_fd()) }, -1);
    let e = errno();
    assert!(e == libc::EINVAL || e == libc::EROFS, "errno {e}");
    let t = explained!(explain_message_errno_fsync(e, w.as_raw_fd()));
    assert_facts(&t, &["is a pipe", "does not support synchronization"]);
}

#[test]
fn explain_command_decodes_fcntl_and_flock_arguments() {
    let _serial = serial();
    let t = explain(&["-e", "EINVAL", "fcntl", "0", "F_GETFD"]);
    assert_facts(&t, &["fcntl(fildes = 0", "command = F_GETFD) failed"]);
    let t = explain(&["-e", "EINVAL", "flock", "0", "LOCK_SH|LOCK_EX"]);
    assert_facts(&t, &["command = LOCK_SH | LOCK_EX", "not exactly one of LOCK_SH, LOCK_EX or LOCK_UN"]);
    let t = explain(&["-e", "EINVAL", "lseek", "0", "0", "42"]);
    assert_facts(&t, &["whence = 42", "whence is 42, which is none of SEEK_SET"]);
}

#[test]
fn readv_with_a_length_above_ssize_max_shows_the_element_and_the_sum() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    let mut buf = [0u8; 10];
    let iov = [
        libc::iovec { iov_base: buf.as_mut_ptr() as *mut c_void, iov_len: 10 },
        libc::iovec { iov_base: buf.as_mut_ptr() as *mut c_void, iov_len: 1usize << 63 },
    ];
    // SAFETY: the kernel checks the lengths before touching any buffer.
    assert_eq!(unsafe { libc::readv(r.as_raw_fd(), iov.as_ptr(), 2) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_readv(libc::EINVAL, r.as_raw_fd(), iov.as_ptr(), 2));
    assert_facts(&t, &["data[1].iov_len is 9223372036854775808, more than SSIZE_MAX", "add up to 9223372036854775818"]);
}

#[test]
fn fcntl_add_seals_after_f_seal_seal_says_sealed() {
    let _serial = serial();
    // SAFETY: a NUL-terminated name.
    let fd = unsafe { libc::memfd_create(c"sealed".as_ptr(), libc::MFD_ALLOW_SEALING | libc::MFD_CLOEXEC) };
    assert!(fd >= 0);
    // SAFETY: just created, owned here only.
    let f = unsafe { OwnedFd::from_raw_fd(fd) };
    // SAFETY: plain fcntl calls.
    assert_eq!(unsafe { libc::fcntl(f.as_raw_fd(), libc::F_ADD_SEALS, libc::F_SEAL_SEAL) }, 0);
    assert_eq!(unsafe { libc::fcntl(f.as_raw_fd(), libc::F_ADD_SEALS, libc::F_SEAL_WRITE) }, -1);
    assert_eq!(errno(), libc::EPERM);
    let t = explained!(explain_message_errno_fcntl(libc::EPERM, f.as_raw_fd(), libc::F_ADD_SEALS, libc::F_SEAL_WRITE as i64));
    assert_facts(&t, &["command = F_ADD_SEALS, data = F_SEAL_WRITE", "\"/memfd:sealed", "already carries F_SEAL_SEAL"]);
}

#[test]
fn fcntl_get_seals_on_a_plain_file_says_it_cannot_be_sealed() {
    let _serial = serial();
    let d = Scratch::new("seals");
    let f = open(&file_with(&d, "plain", 1), libc::O_RDONLY);
    // SAFETY: plain fcntl.
    assert_eq!(unsafe { libc::fcntl(f.as_raw_fd(), libc::F_GET_SEALS) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_fcntl(libc::EINVAL, f.as_raw_fd(), libc::F_GET_SEALS, 0));
    assert_facts(&t, &["command = F_GET_SEALS) failed", "cannot be sealed", "MFD_ALLOW_SEALING"]);
}

#[test]
fn fcntl_clearing_o_append_on_an_append_only_file_says_append_only() {
    let _serial = serial();
    let d = Scratch::new("append-only");
    let p = file_with(&d, "log", 1);
    let st = Command::new("chattr").arg("+a").arg(&p).status().unwrap();
    assert!(st.success(), "chattr +a");
    let f = open(&p, libc::O_WRONLY | libc::O_APPEND);
    // SAFETY: plain fcntl.
    assert_eq!(unsafe { libc::fcntl(f.as_raw_fd(), libc::F_SETFL, 0) }, -1);
    assert_eq!(errno(), libc::EPERM);
    let t = explained!(explain_message_errno_fcntl(libc::EPERM, f.as_raw_fd(), libc::F_SETFL, 0));
    assert_facts(&t, &["command = F_SETFL, data = O_RDONLY", "append-only file (chattr +a)"]);
}

#[test]
fn pread_whose_range_passes_the_largest_offset_shows_the_sum() {
    let _serial = serial();
    let d = Scratch::new("pread-range");
    let f = open(&file_with(&d, "f", 10), libc::O_RDONLY);
    let mut buf = [0u8; 10];
    let offset = i64::MAX - 5;
    // SAFETY: buf is writable.
    assert_eq!(unsafe { libc::pread(f.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 10, offset) }, -1);
    assert_eq!(errno(), libc::EINVAL);
    let t = explained!(explain_message_errno_pread(libc::EINVAL, f.as_raw_fd(), buf.as_mut_ptr() as *mut c_void, 10, offset));
    assert_facts(&t, &["plus data_size 10 is 9223372036854775812, beyond the largest file offset"]);
}

#[test]
fn readv_with_an_unreadable_vector_says_which_element() {
    let _serial = serial();
    let (r, _w) = pipe(0);
    // SAFETY: the kernel checks the array; an unreadable one gives EFAULT.
    assert_eq!(unsafe { libc::readv(r.as_raw_fd(), 0x10 as *const libc::iovec, 3) }, -1);
    assert_eq!(errno(), libc::EFAULT);
    let t = explained!(explain_message_errno_readv(libc::EFAULT, r.as_raw_fd(), 0x10 as *const libc::iovec, 3));
    assert_facts(&t, &["data = 0x00000010, data_size = 3", "must point to the iovec array in readable memory, and its element 0 at 0x10 cannot be read"]);
}

#[test]
fn fcntl_o_noatime_on_another_users_file_names_owner_and_caller() {
    let _serial = serial();
    // The real failure, as nobody: a child drops to uid 65534 and tries on /etc/passwd.
    // SAFETY: the child makes only raw system calls and _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: as above.
        unsafe {
            libc::syscall(libc::SYS_setresgid, 65534, 65534, 65534);
            libc::syscall(libc::SYS_setresuid, 65534, 65534, 65534);
            let fd = libc::open(c"/etc/passwd".as_ptr(), libc::O_RDONLY);
            let ok = fd >= 0 && libc::fcntl(fd, libc::F_SETFL, libc::O_NOATIME) == 0;
            libc::_exit(if ok { 0 } else { *libc::__errno_location() });
        }
    }
    let mut status = 0;
    // SAFETY: our own child.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(libc::WEXITSTATUS(status), libc::EPERM);
    // The explanation, by the explain command run as nobody on the same file.
    let out = Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", &explain_bin_for_others()])
        .args(["-e", "EPERM", "fcntl", "0", "F_SETFL", "O_RDONLY|O_NOATIME"])
        .stdin(std::fs::File::open("/etc/passwd").unwrap())
        .output()
        .unwrap();
    let t = String::from_utf8_lossy(&out.stdout);
    assert_facts(&t, &["data = O_RDONLY | O_NOATIME", "O_NOATIME may be set only by the owner", "belongs to user 0 \"root\"", "effective user is 65534 \"nobody\""]);
}
