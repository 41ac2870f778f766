//! The caller's own process attributes asked of the kernel by raw system call: its nice
//! value, session and parent.

/// The process's nice value (-20..19): getpriority(2) answers 20 - nice, never negative.
pub fn nice_value() -> Option<i32> {
    raw!(libc::SYS_getpriority, libc::PRIO_PROCESS as libc::c_long, 0).ok().map(|v| 20 - v as i32)
}

/// The session of process `pid` (0: the caller).
pub fn session_of(pid: i32) -> Option<i32> {
    raw!(libc::SYS_getsid, pid).ok().map(|v| v as i32)
}

/// The process group of process `pid` (0: the caller).
pub fn group_of(pid: i32) -> Option<i32> {
    raw!(libc::SYS_getpgid, pid).ok().map(|v| v as i32)
}

pub fn parent() -> i32 {
    raw!(libc::SYS_getppid).unwrap_or(0) as i32
}
