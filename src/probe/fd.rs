//! Questions about a file descriptor: is it open, what is it, how was it opened.

use crate::sys::{self, CPath, Stat};

/// Writes the path `fd` refers to (from /proc/self/fd) into `out`; false when closed
/// or unknown. Costs no descriptor.
pub fn path_of(fd: i32, out: &mut CPath) -> bool {
    // F_GETFD answers "not open" far faster than a failed lookup in /proc.
    fd >= 0 && sys::fd_is_open(fd) && path_of_open(fd, out)
}

/// The same for a descriptor already known to be open.
pub fn path_of_open(fd: i32, out: &mut CPath) -> bool {
    let mut link = CPath::new();
    link.push(b"/proc/self/fd/");
    link.push(crate::decode::decimal(fd as u32 as u64, &mut [0; 20]));
    match sys::readlink_at(libc::AT_FDCWD, &link) {
        Ok(target) => {
            *out = target;
            true
        }
        Err(_) => false,
    }
}

/// What an open descriptor is.
pub struct FdFacts {
    pub stat: Option<Stat>,
    /// The file status flags (F_GETFL), including the access mode.
    pub flags: i32,
}

/// None when `fd` is not open.
pub fn facts(fd: i32) -> Option<FdFacts> {
    if fd < 0 {
        return None;
    }
    let flags = sys::fcntl(fd, libc::F_GETFL, 0).ok()? as i32;
    Some(FdFacts { stat: sys::stat_fd(fd).ok(), flags })
}

/// A file type's name for prose: "regular file", "directory"…
pub fn type_name(mode: u32) -> &'static str {
    match mode & libc::S_IFMT {
        libc::S_IFREG => "regular file",
        libc::S_IFDIR => "directory",
        libc::S_IFLNK => "symbolic link",
        libc::S_IFCHR => "character special device",
        libc::S_IFBLK => "block special device",
        libc::S_IFIFO => "named pipe (FIFO)",
        libc::S_IFSOCK => "socket",
        _ => "file",
    }
}

/// The same names from a directory entry's d_type.
pub fn dtype_name(d_type: u8) -> &'static str {
    match d_type {
        libc::DT_REG => "regular file",
        libc::DT_DIR => "directory",
        libc::DT_LNK => "symbolic link",
        libc::DT_CHR => "character special device",
        libc::DT_BLK => "block special device",
        libc::DT_FIFO => "named pipe (FIFO)",
        libc::DT_SOCK => "socket",
        _ => "file",
    }
}

/// What kind of object a descriptor refers to, as far as reading and writing go.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    File,
    Directory,
    /// An anonymous pipe (pipe(2)): /proc shows `pipe:[inode]`.
    Pipe,
    /// A named pipe in the file system.
    Fifo,
    Socket,
    Terminal,
    CharDevice,
    BlockDevice,
    /// anon_inode descriptors, by what made them.
    TimerFd,
    EventFd,
    SignalFd,
    Inotify,
    Epoll,
    Other,
}

/// None when `fd` is not open.
pub fn kind(fd: i32) -> Option<Kind> {
    let st = sys::stat_fd(fd).ok()?;
    let mut path = CPath::new();
    let named = path_of(fd, &mut path);
    let p = path.as_bytes();
    Some(match st.st_mode & libc::S_IFMT {
        libc::S_IFREG => Kind::File,
        libc::S_IFDIR => Kind::Directory,
        libc::S_IFIFO if p.starts_with(b"pipe:") => Kind::Pipe,
        libc::S_IFIFO => Kind::Fifo,
        libc::S_IFSOCK => Kind::Socket,
        libc::S_IFCHR if sys::io::is_terminal(fd) => Kind::Terminal,
        libc::S_IFCHR => Kind::CharDevice,
        libc::S_IFBLK => Kind::BlockDevice,
        _ if !named => Kind::Other,
        _ if p.ends_with(b"[timerfd]") => Kind::TimerFd,
        _ if p.ends_with(b"[eventfd]") => Kind::EventFd,
        _ if p.ends_with(b"[signalfd]") => Kind::SignalFd,
        _ if p.ends_with(b"inotify") => Kind::Inotify,
        _ if p.ends_with(b"[eventpoll]") => Kind::Epoll,
        _ => Kind::Other,
    })
}

/// The smallest transfer this kind of descriptor accepts (EINVAL below it); None
/// when any size will do, or when it cannot be transferred in this direction at all
/// (see `transfers`).
pub fn min_transfer(kind: Kind, writing: bool) -> Option<usize> {
    match (kind, writing) {
        (Kind::EventFd, _) | (Kind::TimerFd, false) => Some(8),
        (Kind::SignalFd, false) => Some(core::mem::size_of::<libc::signalfd_siginfo>()),
        // inotify(7): enough for one event with the longest name.
        (Kind::Inotify, false) => Some(core::mem::size_of::<libc::inotify_event>() + 255 + 1),
        _ => None,
    }
}

/// A pipe's content and capacity in bytes: (queued, capacity).
pub fn pipe_fill(fd: i32) -> Option<(u64, u64)> {
    let cap = sys::fcntl(fd, libc::F_GETPIPE_SZ, 0).ok()? as u64;
    let queued = sys::io::ioctl_int(fd, libc::FIONREAD).map_or(cap, |n| n as u64);
    Some((queued, cap))
}

/// The seals of a memfd (F_GET_SEALS) that forbid writing: F_SEAL_WRITE,
/// F_SEAL_FUTURE_WRITE or F_SEAL_GROW; 0 when none or not sealable.
pub fn write_seals(fd: i32) -> i32 {
    const F_SEAL_FUTURE_WRITE: i32 = 0x0010;
    let seals = sys::fcntl(fd, libc::F_GET_SEALS, 0).map_or(0, |s| s as i32);
    seals & (libc::F_SEAL_WRITE | F_SEAL_FUTURE_WRITE | libc::F_SEAL_GROW)
}

/// Where the next read or write happens: the offset, or the end of file with O_APPEND;
/// None for pipes, sockets and terminals, which have none.
pub fn position(fd: i32, f: &FdFacts) -> Option<u64> {
    if f.flags & libc::O_APPEND != 0 {
        return f.stat.map(|st| st.st_size as u64);
    }
    sys::io::offset(fd).ok().map(|o| o as u64)
}

/// All the seals of a memfd (F_GET_SEALS); 0 when none or not sealable.
pub fn seals(fd: i32) -> i32 {
    sys::fcntl(fd, libc::F_GET_SEALS, 0).map_or(0, |s| s as i32)
}
