//! Explanations when the process has nothing to spare (issue 14): every descriptor in
//! use (RLIMIT_NOFILE lowered in a child and filled with dups), and an address space
//! limited to just above the process's size (RLIMIT_AS). The library may then say less
//! (it cannot open /proc or /etc/passwd), but it must say something: the call, the error
//! and a reason, for the messages written into a buffer and for `_or_die` on stderr.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int};
use std::io::Read;
use std::os::fd::FromRawFd;

/// What the starved child reports: its messages (one a line), what `_or_die` wrote on
/// stderr, and how it ended.
struct Starved {
    messages: String,
    stderr: String,
    status: c_int,
}

fn pipe() -> [c_int; 2] {
    let mut fds = [0; 2];
    // SAFETY: room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    fds
}

fn read_all(fd: c_int) -> String {
    // SAFETY: the read end is ours alone.
    let mut f = unsafe { std::fs::File::from_raw_fd(fd) };
    let mut v = Vec::new();
    f.read_to_end(&mut v).unwrap();
    String::from_utf8_lossy(&v).into_owned()
}

/// Four explanations written with the process starved by `starve`, then open's
/// `_or_die` on the same missing path; in a child whose stderr is a pipe.
fn starved_with(deep: &CString, existing: &CString, starve: fn()) -> Starved {
    let (out, err) = (pipe(), pipe());
    // SAFETY: the child calls the library and plain system calls, then leaves.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0);
    if pid == 0 {
        // SAFETY: the child's own descriptors and stack buffers.
        unsafe {
            libc::dup2(err[1], 2);
            let mut report: Vec<u8> = Vec::with_capacity(1 << 16);
            let mut buf = [0u8; 4096];
            let (m, n) = (buf.as_mut_ptr() as *mut c_char, buf.len() as c_int);
            let data = [0u8; 16];
            starve();
            for k in 0..4 {
                buf[0] = 0;
                match k {
                    0 => b::explain_message_errno_open(m, n, libc::ENOENT, deep.as_ptr(), libc::O_RDONLY, 0),
                    1 => b::explain_message_errno_read(m, n, libc::EBADF, 1000, data.as_ptr() as *const _, data.len()),
                    2 => b::explain_message_errno_fopen(m, n, libc::ENOENT, deep.as_ptr(), c"r".as_ptr()),
                    _ => b::explain_message_errno_mkdir(m, n, libc::EEXIST, existing.as_ptr(), 0o755),
                }
                let len = buf.iter().position(|&c| c == 0).unwrap_or(buf.len());
                // Within the capacity reserved before starving: no allocation here.
                report.extend_from_slice(&buf[..len.min(4000)]);
                report.push(b'\n');
            }
            libc::write(out[1], report.as_ptr() as *const _, report.len());
            libc::close(out[1]);
            let fd = b::explain_open_or_die(deep.as_ptr(), libc::O_RDONLY, 0);
            libc::_exit(if fd >= 0 { 3 } else { 4 });
        }
    }
    // SAFETY: stderr's write end is the child's.
    unsafe { libc::close(err[1]) };
    let (messages, status) = reap(pid, out);
    let stderr = read_all(err[0]);
    Starved { messages, stderr, status }
}

use std::ffi::CString;

/// The explanations of a starved child, about a deep missing path and an existing
/// directory of a fresh scratch directory; checked to say something (below).
fn starved(what: &str, starve: fn()) -> Starved {
    let _serial = serial();
    let s = Scratch::new("limits");
    std::fs::create_dir_all(s.join("a/b/c")).unwrap();
    let deep = CString::new(s.s("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/file")).unwrap();
    let r = starved_with(&deep, &CString::new(s.s("a/b")).unwrap(), starve);
    assert_says_something(&r, what);
    r
}

/// Each message names its call and errno and gives a reason; `_or_die` printed one
/// on stderr and exited with EXIT_FAILURE.
#[track_caller]
fn assert_says_something(r: &Starved, what: &str) {
    println!("{what}:\n{}{}", r.messages, r.stderr);
    assert!(libc::WIFEXITED(r.status) && libc::WEXITSTATUS(r.status) == 1, "{what}: the child ended with {:#x}; stderr: {}", r.status, r.stderr);
    let lines: Vec<&str> = r.messages.lines().collect();
    assert_eq!(lines.len(), 4, "{what}: {:?}", r.messages);
    for (line, (call, errno)) in lines.iter().zip([("open(", "ENOENT"), ("read(", "EBADF"), ("fopen(", "ENOENT"), ("mkdir(", "EEXIST")]) {
        assert_facts(line, &[call, ") failed, ", errno, " because "]);
    }
    assert_facts(&r.stderr, &["open(pathname = \"", "/a/b/c/d/e/", ") failed, ", "ENOENT", " because "]);
}

fn no_descriptor_left() {
    let lim = libc::rlimit { rlim_cur: 32, rlim_max: 32 };
    // SAFETY: lowering our own limit, then taking every descriptor it allows.
    unsafe {
        assert_eq!(libc::setrlimit(libc::RLIMIT_NOFILE, &lim), 0);
        while libc::dup(0) >= 0 {}
    }
}

fn no_memory_to_spare() {
    // The size now, from /proc/self/statm (pages), read before the limit is set.
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = statm.split_whitespace().next().unwrap().parse().unwrap();
    let size = pages * 4096;
    let lim = libc::rlimit { rlim_cur: size + (256 << 10), rlim_max: size + (256 << 10) };
    // SAFETY: lowering our own limit.
    unsafe { assert_eq!(libc::setrlimit(libc::RLIMIT_AS, &lim), 0) };
    // Proof that the limit bites: a 1 MiB mapping fails.
    // SAFETY: an anonymous mapping, unmapped if it succeeds.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), 1 << 20, libc::PROT_READ, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
    assert_eq!(p, libc::MAP_FAILED, "RLIMIT_AS did not bite");
}

fn both() {
    // Memory first: reading /proc/self/statm needs a descriptor.
    no_memory_to_spare();
    no_descriptor_left();
}

#[test]
fn every_descriptor_in_use_still_gives_messages() {
    let r = starved("RLIMIT_NOFILE exhausted", no_descriptor_left);
    // The path walk needs no descriptor: the missing component is still named.
    assert_facts(&r.messages, &["there is no \"d\" directory", "RLIMIT_NOFILE, of 32"]);
}

#[test]
fn an_address_space_just_above_the_process_still_gives_messages() {
    let r = starved("RLIMIT_AS just above the size", no_memory_to_spare);
    assert_facts(&r.messages, &["there is no \"d\" directory"]);
}

#[test]
fn no_descriptor_and_no_memory_at_once_still_give_messages() {
    starved("both limits", both);
}

/// The same explanations without the limits, to show what the starved ones may leave out.
#[test]
fn unstarved_messages_for_comparison() {
    let r = starved("no limit", || {});
    assert_facts(&r.messages, &["\"d\""]);
}
