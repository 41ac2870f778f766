//! Clocks and plain structures of the caller's memory, for the time family:
//! clock_gettime(2)/clock_getres(2) by number, and a copy of a `T` from an address that
//! may not be readable.

use super::Result;

/// The clocks the caches read on every explanation (CLOCK_MONOTONIC_COARSE, and
/// CLOCK_REALTIME against file times), through the vDSO: a read of shared memory with
/// no kernel entry (5 ns here, where the system call costs 230 ns). libc's
/// clock_gettime is the one way to the vDSO, and no explaining preload intercepts it.
pub fn vdso_time(clock: i32) -> Result<(i64, i64)> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: ts is a live timespec; clock_gettime writes only it.
    if unsafe { libc::clock_gettime(clock, &mut ts) } != 0 {
        return clock_time(clock);
    }
    Ok((ts.tv_sec, ts.tv_nsec))
}

/// `clock_gettime(2)` of `clock`: (seconds, nanoseconds).
pub fn clock_time(clock: i32) -> Result<(i64, i64)> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    raw!(libc::SYS_clock_gettime, clock, &mut ts as *mut libc::timespec)?;
    Ok((ts.tv_sec, ts.tv_nsec))
}

/// Whether the kernel knows `clock` (clock_getres(2) refuses an unknown one with EINVAL).
pub fn clock_exists(clock: i32) -> bool {
    raw!(libc::SYS_clock_getres, clock, 0usize).is_ok()
}

/// A copy of the `T` at `addr`, when all of it is readable. `T` is a plain C structure
/// (every bit pattern is a value): timeval, timespec, timex, pollfd, fd_set, sigset_t.
pub fn read_value<T: Copy>(addr: usize) -> Option<T> {
    let mut v = core::mem::MaybeUninit::<T>::zeroed();
    // SAFETY: the bytes of a zeroed MaybeUninit<T>, written only through read_memory.
    let bytes = unsafe { core::slice::from_raw_parts_mut(v.as_mut_ptr() as *mut u8, core::mem::size_of::<T>()) };
    if super::read_memory(addr, bytes) != bytes.len() {
        return None;
    }
    // SAFETY: every byte was copied from the caller's T, a plain C structure.
    Some(unsafe { v.assume_init() })
}

/// `rt_sigpending(2)`: the signals pending for the calling thread or its process, as a
/// mask (bit n-1 for signal n).
pub fn pending_signals() -> u64 {
    let mut set = 0u64;
    raw!(libc::SYS_rt_sigpending, &mut set as *mut u64, 8usize).map_or(0, |_| set)
}
