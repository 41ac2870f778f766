//! Questions about an open descriptor that only the kernel can answer: its offset, what
//! an ioctl or socket option says, its O_DIRECT alignment, and how the process treats a
//! signal. All are read-only: nothing here changes the descriptor or the process.

use super::{raw, Result};
use libc::c_int;

/// `lseek(fd, 0, SEEK_CUR)`: the file offset, unchanged.
pub fn offset(fd: c_int) -> Result<i64> {
    raw!(libc::SYS_lseek, fd, 0, libc::SEEK_CUR)
}

/// An ioctl that stores an `int` (TIOCGPGRP, FIONREAD).
pub fn ioctl_int(fd: c_int, request: libc::Ioctl) -> Result<i32> {
    let mut v: c_int = 0;
    raw!(libc::SYS_ioctl, fd, request, &mut v as *mut c_int)?;
    Ok(v)
}

/// Whether `fd` is a terminal (TCGETS answers only for one).
pub fn is_terminal(fd: c_int) -> bool {
    let mut t: libc::termios = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_ioctl, fd, libc::TCGETS, &mut t as *mut libc::termios).is_ok()
}

pub fn getpgrp() -> i32 {
    raw!(libc::SYS_getpgid, 0).unwrap_or(0) as i32
}

/// `getsockopt(fd, SOL_SOCKET, opt)` for an `int` option (SO_TYPE, SO_SNDBUF…).
pub fn socket_int(fd: c_int, opt: c_int) -> Result<i32> {
    let mut v: c_int = 0;
    let mut len = core::mem::size_of::<c_int>() as libc::socklen_t;
    raw!(libc::SYS_getsockopt, fd, libc::SOL_SOCKET, opt, &mut v as *mut c_int, &mut len as *mut libc::socklen_t)?;
    Ok(v)
}

/// `getsockopt(fd, SOL_SOCKET, opt)` for a timeout (SO_RCVTIMEO, SO_SNDTIMEO), in
/// microseconds; 0 means none.
pub fn socket_timeout(fd: c_int, opt: c_int) -> Result<u64> {
    let mut tv = libc::timeval { tv_sec: 0, tv_usec: 0 };
    let mut len = core::mem::size_of::<libc::timeval>() as libc::socklen_t;
    raw!(libc::SYS_getsockopt, fd, libc::SOL_SOCKET, opt, &mut tv as *mut libc::timeval, &mut len as *mut libc::socklen_t)?;
    Ok(tv.tv_sec as u64 * 1_000_000 + tv.tv_usec as u64)
}

/// Whether a socket has a peer (getpeername succeeds).
pub fn socket_has_peer(fd: c_int) -> bool {
    let mut addr: libc::sockaddr_storage = unsafe { core::mem::zeroed() };
    let mut len = core::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
    raw!(libc::SYS_getpeername, fd, &mut addr as *mut libc::sockaddr_storage, &mut len as *mut libc::socklen_t).is_ok()
}

/// The alignment O_DIRECT needs for (memory, file offset and length), from statx's
/// STATX_DIOALIGN; None when the file system does not report it.
pub fn direct_io_alignment(fd: c_int) -> Option<(u32, u32)> {
    // struct statx is 256 bytes; stx_mask at 0, stx_dio_mem_align and
    // stx_dio_offset_align at bytes 152 and 156 (linux/stat.h).
    let mut buf = [0u64; 32];
    raw!(libc::SYS_statx, fd, c"".as_ptr(), libc::AT_EMPTY_PATH, libc::STATX_DIOALIGN, buf.as_mut_ptr()).ok()?;
    let mask = buf[0] as u32;
    let mem = buf[19] as u32;
    let off = (buf[19] >> 32) as u32;
    (mask & libc::STATX_DIOALIGN != 0 && mem != 0).then_some((mem, off))
}

/// How the process treats a signal: (ignored, blocked). Asks without changing anything:
/// rt_sigaction and rt_sigprocmask with no new value only report the current one.
pub fn signal_state(sig: c_int) -> Option<(bool, bool)> {
    // The kernel's struct sigaction: handler, flags, restorer, mask.
    let mut old = [0u64; 4];
    raw!(libc::SYS_rt_sigaction, sig, 0usize, old.as_mut_ptr(), 8).ok()?;
    let mut mask: u64 = 0;
    raw!(libc::SYS_rt_sigprocmask, libc::SIG_BLOCK, 0usize, &mut mask as *mut u64, 8).ok()?;
    Some((old[0] == libc::SIG_IGN as u64, mask & (1u64 << (sig - 1)) != 0))
}

/// `fcntl(fd, cmd, lock)` for the commands that take a `struct flock` (F_GETLK,
/// F_OFD_GETLK): the kernel fills `lock` in; only the asking commands are used here.
pub fn fcntl_lock(fd: c_int, cmd: c_int, lock: &mut libc::flock) -> Result<()> {
    raw!(libc::SYS_fcntl, fd, cmd, lock as *mut libc::flock).map(|_| ())
}

/// The sa_flags of the process's disposition of `sig` (SA_NOCLDWAIT for SIGCHLD…),
/// asked without changing anything.
pub fn signal_flags(sig: c_int) -> Option<u64> {
    let mut old = [0u64; 4];
    raw!(libc::SYS_rt_sigaction, sig, 0usize, old.as_mut_ptr(), 8).ok()?;
    Some(old[1])
}
