//! Resource limits and how close the process is to them.

use super::lines::number;
use crate::sys;

/// RLIMIT_NOFILE as (soft, hard).
pub fn open_files_limit() -> Option<(u64, u64)> {
    sys::rlimit(libc::RLIMIT_NOFILE as i32).ok()
}

/// How many descriptors below `limit` are open, counted with F_GETFD (no descriptor
/// needed, so it works when there is none left). Counting stops at 65536.
pub fn open_descriptors(limit: u64) -> u64 {
    (0..limit.min(65536) as i32).filter(|&fd| sys::fd_is_open(fd)).count() as u64
}

/// The system-wide file table: (allocated, maximum) from /proc/sys/fs/file-nr.
/// None when it cannot be read, for instance with no free descriptor.
pub fn system_files() -> Option<(u64, u64)> {
    let mut buf = [0u8; 128];
    let n = sys::read_file(b"/proc/sys/fs/file-nr", &mut buf).ok()?;
    let mut fields = buf[..n].split(|c| c.is_ascii_whitespace()).filter(|f| !f.is_empty());
    let allocated = number(fields.next()?)?;
    let _free = fields.next()?;
    let max = number(fields.next()?)?;
    Some((allocated, max))
}

/// RLIMIT_FSIZE soft limit in bytes; None when unlimited.
pub fn file_size_limit() -> Option<u64> {
    sys::rlimit(libc::RLIMIT_FSIZE as i32).ok().map(|l| l.0).filter(|&v| v != libc::RLIM_INFINITY)
}

/// A number from a one-line /proc/sys file.
fn proc_sys_number(path: &[u8]) -> Option<u64> {
    let mut buf = [0u8; 32];
    let n = sys::read_file(path, &mut buf).ok()?;
    number(&buf[..n])
}

/// The largest pipe capacity an unprivileged process may set with F_SETPIPE_SZ, in
/// bytes (/proc/sys/fs/pipe-max-size).
pub fn pipe_max_size() -> Option<u64> {
    proc_sys_number(b"/proc/sys/fs/pipe-max-size")
}

/// The pages of pipe buffers one user may hold: (soft, hard) from
/// /proc/sys/fs/pipe-user-pages-soft and -hard; 0 means no limit.
pub fn pipe_user_pages() -> (Option<u64>, Option<u64>) {
    (proc_sys_number(b"/proc/sys/fs/pipe-user-pages-soft"), proc_sys_number(b"/proc/sys/fs/pipe-user-pages-hard"))
}
