//! Facts about clocks, sleeping and waiting for descriptors: the
//! caller's time structures read without faulting, how long the system has been up, the
//! pending signals, and what a descriptor is (a signalfd or something else).

use crate::sys::{self, clock};

/// A `struct timeval` or `struct timespec` (two longs on Linux x86_64): seconds and the
/// fraction (microseconds or nanoseconds).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Stamp {
    pub sec: i64,
    pub frac: i64,
}

/// The stamp at `addr`; None for NULL or memory that cannot be read.
pub fn stamp(addr: usize) -> Option<Stamp> {
    clock::read_value::<[i64; 2]>(addr).map(|[sec, frac]| Stamp { sec, frac })
}

/// The `time_t` at `addr`.
pub fn time_value(addr: usize) -> Option<i64> {
    clock::read_value::<i64>(addr)
}

/// A `struct timezone`: minutes west of Greenwich and the obsolete DST kind.
pub fn timezone(addr: usize) -> Option<(i32, i32)> {
    clock::read_value::<[i32; 2]>(addr).map(|[w, d]| (w, d))
}

pub fn timex(addr: usize) -> Option<libc::timex> {
    clock::read_value::<libc::timex>(addr)
}

pub fn pollfd(addr: usize, i: usize) -> Option<libc::pollfd> {
    let at = addr.checked_add(i.checked_mul(core::mem::size_of::<libc::pollfd>())?)?;
    clock::read_value::<libc::pollfd>(at)
}

/// The bits of an `fd_set` (FD_SETSIZE, 1024 descriptors).
pub type FdBits = [u64; 16];

pub fn fd_set(addr: usize) -> Option<FdBits> {
    clock::read_value::<FdBits>(addr)
}

pub fn fd_in_set(bits: &FdBits, fd: usize) -> bool {
    fd < 1024 && bits[fd / 64] & (1 << (fd % 64)) != 0
}

/// The first 64 signals of a `sigset_t` (bit n-1 for signal n): all Linux has.
pub fn sigset(addr: usize) -> Option<u64> {
    clock::read_value::<u64>(addr)
}

/// The descriptors of select's set, below `nfds` (and FD_SETSIZE), that are not open:
/// the first such, for EBADF.
pub fn first_closed(bits: &FdBits, nfds: i32) -> Option<i32> {
    (0..nfds.clamp(0, 1024)).find(|&fd| fd_in_set(bits, fd as usize) && !sys::fd_is_open(fd))
}

/// `clock_gettime(2)` of `clockid`.
pub fn now(clockid: i32) -> Option<(i64, i64)> {
    clock::clock_time(clockid).ok()
}

/// Whether the kernel has the clock.
pub fn clock_exists(clockid: i32) -> bool {
    clock::clock_exists(clockid)
}

/// The signals pending now, as a mask (bit n-1 for signal n).
pub fn pending_signals() -> u64 {
    clock::pending_signals()
}

/// What the kernel says a descriptor is, from its /proc/self/fd link
/// (`anon_inode:[signalfd]`, `pipe:[123]`, a path): true when it is a signalfd.
pub fn is_signalfd(fd: i32) -> bool {
    let mut path = sys::CPath::new();
    crate::probe::fd::path_of(fd, &mut path) && path.as_bytes() == b"anon_inode:[signalfd]"
}

/// The capability that setting the clocks needs (capability.h).
pub const CAP_SYS_TIME: u32 = 25;
/// The capability that an alarm timer (CLOCK_*_ALARM) needs.
pub const CAP_WAKE_ALARM: u32 = 35;

/// Whether timerfd_create(2) takes the clock.
pub fn timer_clock(clockid: i32) -> bool {
    matches!(
        clockid,
        libc::CLOCK_REALTIME | libc::CLOCK_MONOTONIC | libc::CLOCK_BOOTTIME | libc::CLOCK_REALTIME_ALARM | libc::CLOCK_BOOTTIME_ALARM
    )
}

pub fn is_alarm_clock(clockid: i32) -> bool {
    matches!(clockid, libc::CLOCK_REALTIME_ALARM | libc::CLOCK_BOOTTIME_ALARM)
}

/// Whether the process holds capability `cap` (its effective set).
pub fn has_capability(cap: u32) -> bool {
    sys::capabilities().is_ok_and(|caps| caps & (1u64 << cap) != 0)
}

/// Whether the process is in the initial user namespace (its /proc/self/uid_map maps
/// every id to itself): the clocks belong to that namespace, and CAP_SYS_TIME held in
/// another (a container's) does not let a process set them. None when unknown.
pub fn in_initial_user_namespace() -> Option<bool> {
    let mut initial = None;
    crate::probe::lines::for_each_line(b"/proc/self/uid_map", |line| {
        let mut f = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
        initial = Some(f.next() == Some(b"0") && f.next() == Some(b"0") && f.next() == Some(b"4294967295"));
        false
    })
    .ok()?;
    initial
}
