//! The arguments of the process calls as libexplain's call echo
//! prints them: a pid with its program name (`1234 "nginx"`), a signal by name
//! (`SIGTERM`, `SIGRTMIN + 3`), wait options, ptrace requests, getpriority's which and
//! who, and execve's argv (`["ls", "-l"]`) and envp (`[/* 35 vars */]`).

use super::{write_pointer, Entry, Text, TextState};
use crate::message::Message;

/// The options of the wait family libexplain's echo names (generated from wait_options.in).
pub static WAIT_OPTIONS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/wait_options.rs"));
/// The options the kernel accepts beyond those (generated from wait_options_more.in).
pub static WAIT_OPTIONS_MORE: &[Entry] = include!(concat!(env!("OUT_DIR"), "/wait_options_more.rs"));
/// ptrace(2) requests by their PT_ names (generated from ptrace_requests.in).
pub static PTRACE_REQUESTS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ptrace_requests.rs"));
/// …and by their PTRACE_ names (generated from ptrace_names.in).
pub static PTRACE_NAMES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ptrace_names.rs"));
/// getpriority(2)'s which (generated from priority_which.in).
pub static PRIORITY_WHICH: &[Entry] = include!(concat!(env!("OUT_DIR"), "/priority_which.rs"));

/// The lowest real-time signal as glibc numbers it (the kernel's 32 and 33 are glibc's).
pub const SIGRTMIN: i32 = 34;
pub const SIGRTMAX: i32 = 64;

/// A pid, followed by its program's name when it is a live process: `1 "init"`.
pub fn write_pid(m: &mut Message, pid: i64) {
    m.number(pid);
    let mut name = [0u8; 256];
    if let Some((n, glimpse)) = crate::probe::process::program_name(pid as i32, &mut name) {
        if let Some(g) = glimpse {
            m.glimpsed(g);
        }
        m.text(" ");
        m.quoted(&name[..n]);
    }
}

/// The wait family's pid: a process, -1 (any child) bare, or a process group named with
/// its leader: `0 = process group 42 "sh"`, `-42 = process group 42 "sh"`.
pub fn write_wait_pid(m: &mut Message, pid: i64) {
    if pid > 0 || pid == -1 {
        return write_pid(m, pid);
    }
    m.number(pid);
    let group = if pid == 0 { crate::sys::io::getpgrp() as i64 } else { -pid };
    m.text(" = process group ");
    write_pid(m, group);
}

/// A signal by name: `SIGTERM`, `SIGRTMIN + 3`, `SIGRTMAX`; a number otherwise.
pub fn write_signal(m: &mut Message, sig: i64) {
    match signal_name(sig as i32) {
        Some(name) => m.text(name),
        None if (SIGRTMIN as i64..SIGRTMAX as i64).contains(&sig) && sig > SIGRTMIN as i64 => {
            let _ = core::fmt::write(m, format_args!("SIGRTMIN + {}", sig - SIGRTMIN as i64));
        }
        None => m.number(sig),
    }
}

/// The name of signal `sig`, where it has one of its own (libexplain's echo calls SIGIO
/// by its System V name, SIGPOLL).
pub fn signal_name(sig: i32) -> Option<&'static str> {
    match sig {
        libc::SIGIO => Some("SIGPOLL"),
        SIGRTMIN => Some("SIGRTMIN"),
        SIGRTMAX => Some("SIGRTMAX"),
        _ => super::signal(sig).map(|e| e.name),
    }
}

/// Wait options: `WNOHANG | WUNTRACED`, other bits in upper-case hex, `0` for none.
pub fn write_wait_options(m: &mut Message, options: i64) {
    write_names_then_hex(m, options as u32 as i64, WAIT_OPTIONS);
}

/// Names of `table` joined by ` | ` (symbols::write_flags), then the bits no name covers
/// in upper-case hex, as libexplain prints them (`WNOHANG | 0x1000000`).
fn write_names_then_hex(m: &mut Message, value: i64, table: &[Entry]) {
    let rest = super::symbols::unknown_bits(value, table);
    if value == 0 || rest != value {
        super::symbols::write_flags(m, value & !rest, table, "0");
    }
    if rest != 0 {
        if rest != value {
            m.text(" | ");
        }
        let _ = core::fmt::write(m, format_args!("0x{:X}", rest));
    }
}

/// A ptrace request by its PT_ name, else the number.
pub fn write_ptrace_request(m: &mut Message, request: i64) {
    match PTRACE_REQUESTS.iter().find(|e| e.value == request) {
        Some(e) => m.text(e.name),
        None => m.number(request),
    }
}

/// getpriority's which: PRIO_PROCESS, PRIO_PGRP, PRIO_USER, else the number.
pub fn write_priority_which(m: &mut Message, which: i64) {
    match PRIORITY_WHICH.iter().find(|e| e.value == which) {
        Some(e) => m.text(e.name),
        None => m.number(which),
    }
}

/// getpriority's who, as its which says: a user for PRIO_USER, else a process (a group's
/// id is its leader's pid).
pub fn write_priority_who(m: &mut Message, which: i64, who: i64) {
    match which as u32 {
        libc::PRIO_USER => super::write_uid(m, who),
        libc::PRIO_PROCESS | libc::PRIO_PGRP => write_pid(m, who),
        _ => m.number(who),
    }
}

/// The most elements of an argv the echo lists before `...`, and the most bytes of
/// echo they may take: the explanation must still fit after a huge argv (E2BIG).
const ARGV_SHOWN: usize = 64;
const ARGV_ECHO_BYTES: usize = 1024;

/// An argv array: `["ls", "-l"]`, each string quoted; NULL; the address when the array
/// cannot be read.
pub fn write_argv(m: &mut Message, argv: i64) {
    let argv = argv as usize;
    if argv == 0 {
        return m.text("NULL");
    }
    if !crate::sys::readable(argv, core::mem::size_of::<usize>()) {
        return write_pointer(m, argv as i64);
    }
    m.text("[");
    let start = m.as_bytes().len();
    let mut i = 0;
    while let Some(p) = element(argv, i) {
        if p == 0 {
            break;
        }
        if i > 0 {
            m.text(", ");
        }
        if i == ARGV_SHOWN || m.as_bytes().len() - start > ARGV_ECHO_BYTES {
            m.text("...");
            break;
        }
        let t = Text::copy(p);
        match t.state {
            TextState::Ok => m.quoted_text(&t),
            _ => write_pointer(m, p as i64),
        }
        i += 1;
    }
    m.text("]");
}

/// execlp's strings after `arg`, then the NULL that ends them: `"-l", "/tmp", NULL`.
pub fn write_exec_rest(m: &mut Message, rest: i64) {
    let rest = rest as usize;
    let start = m.as_bytes().len();
    let mut i = 0;
    while let Some(p) = (rest != 0).then(|| element(rest, i)).flatten() {
        if p == 0 {
            break;
        }
        if i == ARGV_SHOWN || m.as_bytes().len() - start > ARGV_ECHO_BYTES {
            m.text("..., ");
            break;
        }
        let t = Text::copy(p);
        match t.state {
            TextState::Ok => m.quoted_text(&t),
            _ => write_pointer(m, p as i64),
        }
        m.text(", ");
        i += 1;
    }
    m.text("NULL");
}

/// An environment: `[/* 35 vars */]`, as strace and libexplain count it.
pub fn write_envp(m: &mut Message, envp: i64) {
    if envp == 0 {
        return m.text("NULL");
    }
    match argv_count(envp as usize) {
        Some(n) => {
            let _ = core::fmt::write(m, format_args!("[/* {n} vars */]"));
        }
        None => write_pointer(m, envp),
    }
}

/// The `i`th pointer of the array at `array`, when it can be read (never an overflow:
/// the address is the caller's, perhaps wild).
pub fn element(array: usize, i: usize) -> Option<usize> {
    crate::sys::read_word(array.checked_add(i.checked_mul(core::mem::size_of::<usize>())?)?)
}

/// The number of pointers before the NULL that ends an argv or envp array; None when
/// the array cannot be read from its start.
pub fn argv_count(argv: usize) -> Option<usize> {
    let mut n = 0;
    loop {
        match element(argv, n) {
            Some(0) => return Some(n),
            Some(_) => n += 1,
            None if n == 0 => return None,
            None => return Some(n),
        }
    }
}

/// The bytes an argv or envp array costs the kernel's argument area: each string with
/// its NUL and each pointer (execve(2), "Limits on size of arguments and environment").
pub fn argv_bytes(argv: usize) -> u64 {
    let step = core::mem::size_of::<usize>();
    let mut total = 0u64;
    let mut i = 0;
    while let Some(p) = element(argv, i) {
        if p == 0 {
            break;
        }
        let len = crate::sys::read_c_string(p, usize::MAX, |_| {}).unwrap_or(0);
        total += len as u64 + 1 + step as u64;
        i += 1;
    }
    total
}
