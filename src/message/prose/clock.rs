//! Clocks, sleeping, event descriptors and waiting for descriptors: the capability that
//! setting the clock needs and who the caller is, a time
//! field out of its range, an interrupted sleep and the time left, flags and clock ids
//! by name, select's and poll's culprit descriptors and limits.

use super::ids;
use crate::decode::clock::{write_date, write_signal, CLOCK_IDS};
use crate::decode::{write_fd, Entry};
use crate::message::Message;
use core::fmt::Write as _;

/// EPERM: `what` (setting the system clock…) needs capability `cap` in the initial user
/// namespace; whether the process holds it (`held`) and is in that namespace
/// (`initial`), and who it runs as (real, effective and saved user ids, with names).
pub fn needs_capability(m: &mut Message, what: &str, cap: &str, held: bool, initial: Option<bool>) {
    m.because();
    m.text(what);
    m.text(" needs the ");
    m.text(cap);
    m.text(" capability");
    match (held, initial) {
        (true, Some(false)) => m.text(
            ", and the process holds it only in its own user namespace (a container): the clocks belong to the initial namespace, where it has no such capability",
        ),
        (true, _) => m.text(
            "; the process holds it now, so it lacked it when the call was made (privileges dropped or gained since), or a security policy (seccomp, SELinux, AppArmor) refused the call",
        ),
        (false, _) => m.text(", which the process does not have"),
    }
    let (real, effective, saved) = crate::sys::uids();
    m.text("; it runs as effective user ");
    ids::user(m, effective);
    if real != effective || saved != effective {
        m.text(" (real user ");
        ids::user(m, real);
        m.text(", saved user ");
        ids::user(m, saved);
        m.text(")");
    }
    if effective != 0 && !held {
        m.text(", not as root");
    }
}

/// EINVAL: `arg`'s field is `value`, outside `min`..=`max`.
pub fn field_out_of_range(m: &mut Message, arg: &str, field: &str, value: i64, min: i64, max: i64) {
    m.because();
    let _ = write!(m, "{arg}->{field} is {value}, outside the range {min} to {max}");
}

/// EINVAL: a number argument at or over a bound.
pub fn value_too_large(m: &mut Message, arg: &str, value: i64, bound: &str, limit: i64) {
    m.because();
    let _ = write!(m, "{arg} is {value}, and must be less than {limit} ({bound})");
}

/// settimeofday EINVAL: the time asked for is before the system booted (the kernel
/// keeps CLOCK_MONOTONIC from going negative).
pub fn before_boot(m: &mut Message, wanted: i64, monotonic: i64) {
    m.because();
    let _ = write!(m, "tv asks for {wanted} seconds after the epoch");
    write_date(m, wanted);
    let _ = write!(
        m,
        ", earlier than the {monotonic} seconds the system has been running (CLOCK_MONOTONIC): the clock may not be set to a time before the system booted"
    );
}

/// settimeofday EINVAL: the time zone's minutes west of Greenwich out of ±15 hours.
pub fn bad_timezone(m: &mut Message, west: i32, dst: i32) {
    m.because();
    let _ = write!(
        m,
        "tz->tz_minuteswest is {west}, outside the range -900 to 900 (15 hours either side of Greenwich); tz->tz_dsttime is {dst}; the time zone argument is obsolete, and should normally be NULL"
    );
}

/// The time structure `arg` at `addr` cannot be read (EFAULT).
pub fn unreadable(m: &mut Message, arg: &str, addr: usize, len: usize) {
    super::fd::bad_pointer(m, arg, addr, len);
}

/// EINTR of a sleep: a signal was delivered; the signals still pending by name, and the
/// time that was left (nanosleep's rem, when it can be read).
pub fn interrupted(m: &mut Message, call: &str, pending: u64, left: Option<(i64, i64)>) {
    m.because();
    m.text("a signal was delivered to the thread before the ");
    m.text(call);
    m.text(" was complete, and its handler ran (the call is not restarted after a handler, whatever SA_RESTART says)");
    if let Some((sec, nsec)) = left {
        let _ = write!(m, "; {sec}.{nsec:09} seconds of the interval were left (rem), and may be slept again");
    }
    write_pending(m, pending);
}

/// EINTR of a wait for descriptors: a signal arrived before any descriptor was ready.
pub fn wait_interrupted(m: &mut Message, call: &str, pending: u64) {
    m.because();
    m.text("a signal was caught before any descriptor became ready, and ");
    m.text(call);
    m.text(" is never restarted after a handler (not even with SA_RESTART); the call may be retried with the time that is left");
    write_pending(m, pending);
}

fn write_pending(m: &mut Message, pending: u64) {
    if pending == 0 {
        return;
    }
    m.text("; pending now: ");
    let mut first = true;
    for sig in 1..=64 {
        if pending & (1 << (sig - 1)) != 0 {
            if !first {
                m.text(", ");
            }
            write_signal(m, sig);
            first = false;
        }
    }
}

/// EINVAL for flags with bits the call does not know: the bits, and the names it takes.
pub fn unknown_flags(m: &mut Message, arg: &str, bits: i64, known: &[Entry], extra: &[&str]) {
    m.because();
    let _ = write!(m, "{arg} contains {bits:#x}, bits the call does not define; it takes ");
    let mut first = true;
    for name in known.iter().map(|e| e.name).chain(extra.iter().copied()) {
        if !first {
            m.text(", ");
        }
        m.text(name);
        first = false;
    }
    m.text(" or 0");
}

/// timerfd_create EINVAL: the clock is not one a timer may use: its name (or that no
/// clock has that id), and the clocks that may.
pub fn bad_timer_clock(m: &mut Message, clockid: i32, exists: bool) {
    m.because();
    match crate::decode::clock::clock_name(clockid) {
        Some(e) => {
            let _ = write!(m, "clockid is {} ({}), a clock a timer cannot use", e.name, e.text);
        }
        None if exists => {
            let _ = write!(m, "clockid {clockid} names a clock a timer cannot use (a process or thread CPU-time clock)");
        }
        None => {
            let _ = write!(m, "there is no clock with id {clockid}");
        }
    }
    m.text("; a timer may use ");
    let mut first = true;
    for e in CLOCK_IDS.iter().filter(|e| crate::probe::clock::timer_clock(e.value as i32)) {
        if !first {
            m.text(", ");
        }
        m.text(e.name);
        first = false;
    }
}

/// signalfd EINVAL: the descriptor is not a signalfd: what it is (its path or kind).
pub fn not_a_signalfd(m: &mut Message, fd: i32) {
    m.because();
    m.text("fildes ");
    write_fd(m, fd as i64);
    m.text(" is ");
    match crate::probe::fd::facts(fd).and_then(|f| f.stat) {
        Some(st) => {
            m.text("a ");
            m.text(crate::probe::fd::type_name(st.st_mode));
            m.text(", not a signalfd descriptor");
        }
        None => m.text("not a signalfd descriptor"),
    }
    m.text("; only a descriptor made by an earlier signalfd call, or -1 to make a new one, may be given");
}

/// poll/select EINVAL: the count is beyond the process's RLIMIT_NOFILE.
pub fn over_nofile(m: &mut Message, arg: &str, n: i64, limit: Option<u64>) {
    m.because();
    match limit {
        Some(soft) => {
            if n as u64 > soft {
                let _ = write!(m, "{arg} is {n}, more than the process's limit on open file descriptors (RLIMIT_NOFILE), which is {soft}");
            } else {
                let _ = write!(
                    m,
                    "{arg} was more than the process's limit on open file descriptors (RLIMIT_NOFILE); it is {n}, within the limit of {soft} now, so the limit was lower when the call was made (or was raised since)"
                );
            }
        }
        None => {
            let _ = write!(m, "{arg} is {n}, more than the process's limit on open file descriptors (RLIMIT_NOFILE)");
        }
    }
}

/// select EINVAL: nfds negative.
pub fn negative(m: &mut Message, arg: &str, n: i64) {
    m.because();
    let _ = write!(m, "{arg} is {n}, and must not be negative");
}

/// select EBADF: descriptor `fd` of set `set` is not open.
pub fn closed_in_set(m: &mut Message, set: &str, fd: i32) {
    m.because();
    let _ = write!(m, "descriptor {fd} is in {set}, and is not an open file descriptor");
    if let Some((soft, _)) = crate::probe::limits::open_files_limit() {
        if fd as u64 >= soft {
            let _ = write!(m, " (it is beyond the process's limit, RLIMIT_NOFILE, of {soft})");
        }
    }
}

/// select EBADF when every descriptor in the sets is open now.
pub fn all_open_now(m: &mut Message) {
    m.because();
    m.text("a descriptor in one of the sets was not open when the call was made; every descriptor in them below nfds is open now, so it has been reused since");
}

/// ENOMEM of poll/select: the kernel's tables for the descriptors.
pub fn no_kernel_memory(m: &mut Message, what: &str, n: i64) {
    m.because();
    let _ = write!(m, "the kernel could not allocate its tables for {n} {what}");
}

/// adjtimex: the modes asked for, by name.
pub fn modes_need_capability(m: &mut Message, modes: i64) {
    m.text("; modes ");
    crate::decode::clock::write_adjtimex_modes(m, modes);
    m.text(" sets the clock; only 0 and ADJ_OFFSET_SS_READ merely read it");
}
