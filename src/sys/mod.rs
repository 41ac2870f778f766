//! The library's own way to the kernel.
//!
//! Probes reach the kernel only through this module, by raw system call numbers, never
//! through libc wrappers (`stat`, `opendir`, `getpwuid`, `strerror`…) that a preload
//! library may intercept, that allocate, or that touch `errno` behind our back. Every
//! function returns `Result<_, i32>` with the kernel's error number; `errno` is untouched.

pub mod ctypes;
// The syslog and journal outputs' way to their daemons.
pub mod datagram;
mod cpath;
mod dirent;
mod env;
pub mod dirstream;
mod fd;
pub mod acl;
pub mod io;
mod memory;
pub use memory::Explaining;
mod pid;
mod status;
// stdio (issue 11): a FILE's header read without following it.
pub mod stream;
pub mod valgrind;
// The environment and character sets (issue 11, environ): glibc's iconv_t, read safely.
pub mod iconv;
// printf and the conversions (issue 11): the caller's variadic arguments; the locale.
pub mod locale;
pub mod varargs;

pub use cpath::CPath;
pub use dirent::{for_each_entry, for_each_entry_fd};
pub use env::secure_var;
pub use env::environ_table;
pub use memory::read_word;
pub use fd::Fd;
pub use memory::{read_c_string, read_memory, readable};
pub use pid::getpid;
pub use status::{mount_id, status_at, Status};

use libc::{c_int, c_long};

pub type Result<T> = core::result::Result<T, i32>;

/// Converts a raw system call return into a Result (the kernel returns -errno).
pub(crate) fn check(ret: c_long) -> Result<c_long> {
    if ret < 0 {
        Err(-ret as i32)
    } else {
        Ok(ret)
    }
}

/// The one way into the kernel: the x86_64 `syscall` instruction with six arguments
/// (the kernel ignores those a call does not take). Unlike libc's syscall(3) it leaves
/// `errno` alone and cannot be intercepted by a preload library.
#[inline]
pub(crate) fn syscall6(nr: c_long, a: c_long, b: c_long, c: c_long, d: c_long, e: c_long, f: c_long) -> c_long {
    let ret: c_long;
    // SAFETY: every caller passes arguments valid for the system call `nr`: pointers to
    // live buffers of the sizes given, or plain numbers.
    unsafe {
        core::arch::asm!("syscall",
            inlateout("rax") nr => ret,
            in("rdi") a, in("rsi") b, in("rdx") c, in("r10") d, in("r8") e, in("r9") f,
            lateout("rcx") _, lateout("r11") _,
            options(nostack));
    }
    ret
}

/// `raw!(SYS_x, args…)`: a system call returning `Result<c_long>` (-errno on failure).
macro_rules! raw {
    ($nr:expr $(, $a:expr)*) => {{
        let v: [libc::c_long; 6] = {
            let mut v = [0 as libc::c_long; 6];
            let given: &[libc::c_long] = &[$($a as libc::c_long),*];
            v[..given.len()].copy_from_slice(given);
            v
        };
        $crate::sys::check($crate::sys::syscall6($nr as libc::c_long, v[0], v[1], v[2], v[3], v[4], v[5]))
    }};
}
pub(crate) use raw;

pub type Stat = libc::stat;

/// `fstatat(2)`: the file at `path` relative to `dirfd`; `follow` decides symlinks.
pub fn stat_at(dirfd: c_int, path: &CPath, follow: bool) -> Result<Stat> {
    let mut st: Stat = unsafe { core::mem::zeroed() };
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    raw!(libc::SYS_newfstatat, dirfd, path.as_ptr(), &mut st as *mut Stat, flags)?;
    Ok(st)
}

/// `fstat(2)`.
pub fn stat_fd(fd: c_int) -> Result<Stat> {
    let mut st: Stat = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_fstat, fd, &mut st as *mut Stat)?;
    Ok(st)
}

/// `readlinkat(2)` into `buf`; returns the length of the target.
pub fn readlink_at(dirfd: c_int, path: &CPath) -> Result<CPath> {
    CPath::filled_by(|buf, room| raw!(libc::SYS_readlinkat, dirfd, path.as_ptr(), buf, room).map(|n| n as usize))
}

/// `openat(2)` with O_CLOEXEC always added: the library never leaks a descriptor.
pub fn open_at(dirfd: c_int, path: &CPath, flags: c_int) -> Result<Fd> {
    let fd = raw!(libc::SYS_openat, dirfd, path.as_ptr(), flags | libc::O_CLOEXEC, 0)?;
    Ok(Fd::own(fd as c_int))
}

/// Opens a file for reading, like /proc/self/mountinfo.
pub fn open_read(path: &[u8]) -> Result<Fd> {
    // The files the probes read (/proc/PID/cmdline, /etc/passwd) have short names: those
    // are NUL-terminated on a small stack buffer, since a CPath is 4 KiB and every move
    // of one copies all of it (a third of kill EPERM's instructions went to such copies).
    let mut short = [0u8; 96];
    if path.len() < short.len() {
        if path.contains(&0) {
            return Err(libc::ENAMETOOLONG); // as CPath refuses it
        }
        short[..path.len()].copy_from_slice(path);
        let fd = raw!(libc::SYS_openat, libc::AT_FDCWD, short.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC, 0)?;
        return Ok(Fd::own(fd as c_int));
    }
    let p = CPath::from_bytes(path).ok_or(libc::ENAMETOOLONG)?;
    open_at(libc::AT_FDCWD, &p, libc::O_RDONLY)
}

pub fn read(fd: c_int, buf: &mut [u8]) -> Result<usize> {
    raw!(libc::SYS_read, fd, buf.as_mut_ptr(), buf.len()).map(|n| n as usize)
}

pub fn write(fd: c_int, buf: &[u8]) -> Result<usize> {
    raw!(libc::SYS_write, fd, buf.as_ptr(), buf.len()).map(|n| n as usize)
}

/// Reads a whole small file (a /proc or /sys entry) into `buf`; returns the length.
pub fn read_file(path: &[u8], buf: &mut [u8]) -> Result<usize> {
    let fd = open_read(path)?;
    let mut len = 0;
    while len < buf.len() {
        match read(fd.raw(), &mut buf[len..])? {
            0 => break,
            n => len += n,
        }
    }
    Ok(len)
}

/// `getdents64(2)`: fills `buf` with directory entries; 0 at the end.
pub fn getdents(fd: c_int, buf: &mut [u8]) -> Result<usize> {
    raw!(libc::SYS_getdents64, fd, buf.as_mut_ptr(), buf.len()).map(|n| n as usize)
}

/// `fcntl(2)` with an integer argument.
pub fn fcntl(fd: c_int, cmd: c_int, arg: c_long) -> Result<c_long> {
    raw!(libc::SYS_fcntl, fd, cmd, arg)
}

/// A resource limit, as (soft, hard); `RLIM_INFINITY` where unlimited.
pub fn rlimit(resource: c_int) -> Result<(u64, u64)> {
    // getrlimit(2), not prlimit64 on pid 0: on x86_64 both give the full 64-bit limits,
    // and getrlimit costs less than half (no task lookup, no security hook).
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    raw!(libc::SYS_getrlimit, resource, &mut lim as *mut libc::rlimit)?;
    Ok((lim.rlim_cur, lim.rlim_max))
}

pub fn statfs(path: &CPath) -> Result<libc::statfs> {
    let mut st: libc::statfs = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_statfs, path.as_ptr(), &mut st as *mut libc::statfs)?;
    Ok(st)
}

pub fn fstatfs(fd: c_int) -> Result<libc::statfs> {
    let mut st: libc::statfs = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_fstatfs, fd, &mut st as *mut libc::statfs)?;
    Ok(st)
}

/// The effective capability set (64 bits).
pub fn capabilities() -> Result<u64> {
    capability_sets().map(|(effective, _)| effective)
}

/// The effective and permitted capability sets (64 bits each).
pub fn capability_sets() -> Result<(u64, u64)> {
    #[repr(C)]
    struct Header {
        version: u32,
        pid: c_int,
    }
    #[repr(C)]
    #[derive(Clone, Copy)]
    struct Data {
        effective: u32,
        permitted: u32,
        inheritable: u32,
    }
    let mut h = Header { version: 0x2008_0522, pid: 0 }; // _LINUX_CAPABILITY_VERSION_3
    let mut d = [Data { effective: 0, permitted: 0, inheritable: 0 }; 2];
    raw!(libc::SYS_capget, &mut h as *mut Header, d.as_mut_ptr())?;
    Ok((d[0].effective as u64 | (d[1].effective as u64) << 32, d[0].permitted as u64 | (d[1].permitted as u64) << 32))
}

/// The inode flags (FS_IOC_GETFLAGS: immutable, append-only…) of the file at `path`,
/// through a descriptor opened read-only and non-blocking, closed on return.
pub fn inode_flags(dirfd: c_int, path: &CPath) -> Result<u32> {
    let fd = open_at(dirfd, path, libc::O_RDONLY | libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_NOFOLLOW)?;
    let mut flags: c_int = 0;
    raw!(libc::SYS_ioctl, fd.raw(), libc::FS_IOC_GETFLAGS, &mut flags as *mut c_int)?;
    Ok(flags as u32)
}

/// (real, effective, saved) user ids.
pub fn uids() -> (u32, u32, u32) {
    let (mut r, mut e, mut s) = (0u32, 0u32, 0u32);
    let _ = raw!(libc::SYS_getresuid, &mut r as *mut u32, &mut e as *mut u32, &mut s as *mut u32);
    (r, e, s)
}

/// The effective user and group ids: two calls cheaper than getresuid and getresgid,
/// and what every permission decision asks.
pub fn effective_ids() -> (u32, u32) {
    (raw!(libc::SYS_geteuid).unwrap_or(0) as u32, raw!(libc::SYS_getegid).unwrap_or(0) as u32)
}

/// (real, effective, saved) group ids.
pub fn gids() -> (u32, u32, u32) {
    let (mut r, mut e, mut s) = (0u32, 0u32, 0u32);
    let _ = raw!(libc::SYS_getresgid, &mut r as *mut u32, &mut e as *mut u32, &mut s as *mut u32);
    (r, e, s)
}

/// The supplementary groups; returns how many were stored.
pub fn groups(buf: &mut [u32]) -> usize {
    raw!(libc::SYS_getgroups, buf.len(), buf.as_mut_ptr()).map_or(0, |n| n as usize)
}

/// `clock_gettime(2)` of CLOCK_REALTIME, the clock file times are stamped from: (s, ns).
pub fn realtime() -> Result<(i64, i64)> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    raw!(libc::SYS_clock_gettime, libc::CLOCK_REALTIME, &mut ts as *mut libc::timespec)?;
    Ok((ts.tv_sec, ts.tv_nsec))
}

/// `getcwd(2)`: the current directory, as the kernel gives it.
pub fn getcwd() -> Result<CPath> {
    // The kernel's count includes the NUL; PATH_MAX bytes of room, as getcwd(3) has.
    CPath::filled_by(|buf, room| raw!(libc::SYS_getcwd, buf, room.min(4096)).map(|n| (n as usize).saturating_sub(1)))
}

/// The width of the terminal on `fd`, if it is one.
pub fn terminal_width(fd: c_int) -> Option<u16> {
    let mut ws = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    raw!(libc::SYS_ioctl, fd, libc::TIOCGWINSZ, &mut ws as *mut libc::winsize).ok()?;
    Some(ws.ws_col).filter(|&c| c > 0)
}

/// Whether `fd` is open: F_GETFD answers without touching the descriptor.
pub fn fd_is_open(fd: c_int) -> bool {
    fcntl(fd, libc::F_GETFD, 0).is_ok()
}


/// `statx(2)` attributes of the file at `path` relative to `dirfd` (an empty path with
/// AT_EMPTY_PATH asks about `dirfd` itself): (stx_attributes, stx_attributes_mask), the
/// second saying which attributes the file system reports.
pub fn statx_attributes(dirfd: c_int, path: &CPath, flags: c_int) -> Result<(u64, u64)> {
    let mut stx: libc::statx = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_statx, dirfd, path.as_ptr(), flags | libc::AT_STATX_SYNC_AS_STAT, 0, &mut stx as *mut libc::statx)?;
    Ok((stx.stx_attributes, stx.stx_attributes_mask))
}

/// `ustat(2)` into the caller's buffer at `buf` (the kernel checks the address). glibc
/// keeps no wrapper, so `dev` is passed in the kernel's 32-bit encoding, as glibc did;
/// a dev_t that does not fit is EINVAL, as it was there.
pub fn ustat(dev: u64, buf: usize) -> Result<()> {
    if dev >> 32 != 0 {
        return Err(libc::EINVAL);
    }
    raw!(libc::SYS_ustat, dev as u32, buf).map(|_| ())
}

/// For the performers of calls the libc crate lacks (named in a call table's `perform:`
/// column): C's convention, 0 on success, -1 with `errno` set on failure. The only
/// function of this module that writes `errno`, and only for the caller's own call.
pub fn c_result(r: Result<()>) -> c_int {
    match r {
        Ok(()) => 0,
        Err(e) => {
            // SAFETY: __errno_location always returns the calling thread's errno.
            unsafe { *libc::__errno_location() = e };
            -1
        }
    }
}

/// The size of the extended attribute `name` (NUL-terminated) of the file at `path`,
/// following symbolic links; `Err(EOPNOTSUPP)` when the file system has no such
/// attributes, `Err(ENODATA)` when the file has none of that name.
pub fn xattr_size(path: &CPath, name: &[u8]) -> Result<usize> {
    debug_assert!(name.ends_with(b"\0"));
    raw!(libc::SYS_getxattr, path.as_ptr(), name.as_ptr(), 0usize, 0usize).map(|n| n as usize)
}

/// The value of the extended attribute `name` (NUL-terminated) of the file at `path`,
/// following symbolic links, into `buf`; its length.
pub fn xattr(path: &CPath, name: &[u8], buf: &mut [u8]) -> Result<usize> {
    debug_assert!(name.ends_with(b"\0"));
    raw!(libc::SYS_getxattr, path.as_ptr(), name.as_ptr(), buf.as_mut_ptr(), buf.len()).map(|n| n as usize)
}

/// The same for an open descriptor.
pub fn fxattr_size(fd: c_int, name: &[u8]) -> Result<usize> {
    debug_assert!(name.ends_with(b"\0"));
    raw!(libc::SYS_fgetxattr, fd, name.as_ptr(), 0usize, 0usize).map(|n| n as usize)
}

// Memory and System V shared memory.
pub mod vm;

// Host names.
/// `uname(2)`: the UTS namespace's names (system, node, release, version, machine,
/// domain), 65 bytes each.
pub fn uname() -> Result<libc::utsname> {
    // SAFETY: utsname is plain bytes; all zeros is a valid value.
    let mut u: libc::utsname = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_uname, &mut u as *mut libc::utsname)?;
    Ok(u)
}
// --- name resolution: h_errno, a name server's reply.
pub mod netdb;
// Clocks and the caller's time structures.
pub mod clock;
// Sockets: options, names, peer credentials.
pub mod socket;
// Processes, signals and waiting: the caller's nice value,
// session, group and parent.
pub mod process;
// Sockets' holders: the sock_diag netlink dumps; whether an
// AF_UNIX name is bound.
pub mod sock_diag;
// Sockets in depth: an interface's flags.
pub mod netif;
