//! Why an I/O call on a descriptor was refused: O_DIRECT alignment, the terminal's
//! foreground process group, the memory of a buffer.

use super::fd::Kind;
use super::lines::for_each_line;
use crate::sys;

/// The alignments O_DIRECT requires, and where they come from.
pub struct DirectIo {
    pub mem_align: u64,
    pub offset_align: u64,
    pub source: AlignSource,
}

/// Where an O_DIRECT alignment was learnt.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AlignSource {
    /// statx's STATX_DIOALIGN (stx_dio_mem_align, stx_dio_offset_align).
    Statx,
    /// The logical block size of the device (BLKSSZGET on a block device, or the
    /// backing device's queue/logical_block_size in sysfs, the same number).
    LogicalBlock { major: u32, minor: u32 },
    /// Neither was available: the file's block size (st_blksize).
    BlockSize,
}

pub fn direct_io(fd: i32) -> Option<DirectIo> {
    if let Some((mem, off)) = sys::io::direct_io_alignment(fd) {
        return Some(DirectIo { mem_align: mem as u64, offset_align: off.max(1) as u64, source: AlignSource::Statx });
    }
    let st = sys::stat_fd(fd).ok()?;
    let dev = if st.st_mode & libc::S_IFMT == libc::S_IFBLK { st.st_rdev } else { st.st_dev };
    let logical = if st.st_mode & libc::S_IFMT == libc::S_IFBLK {
        sys::io::ioctl_int(fd, libc::BLKSSZGET as libc::Ioctl).ok().filter(|&b| b > 0).map(|b| b as u64)
    } else {
        logical_block_size(dev)
    };
    if let Some(b) = logical {
        let (major, minor) = (libc::major(dev), libc::minor(dev));
        return Some(DirectIo { mem_align: b, offset_align: b, source: AlignSource::LogicalBlock { major, minor } });
    }
    let b = st.st_blksize.max(1) as u64;
    Some(DirectIo { mem_align: b, offset_align: b, source: AlignSource::BlockSize })
}

/// The logical block size of the block device `dev` (a partition answers through its
/// disk), from sysfs: what BLKSSZGET on the device would return, without opening it.
fn logical_block_size(dev: u64) -> Option<u64> {
    if libc::major(dev) == 0 {
        return None; // tmpfs, overlay and other file systems without a device
    }
    for tail in ["/queue/logical_block_size", "/../queue/logical_block_size"] {
        let mut path = [0u8; 96];
        let mut w = crate::message::Message::new(&mut path);
        let _ = core::fmt::write(&mut w, format_args!("/sys/dev/block/{}:{}{tail}", libc::major(dev), libc::minor(dev)));
        let n = w.finish();
        let mut buf = [0u8; 24];
        if let Ok(len) = sys::read_file(&path[..n], &mut buf) {
            let v = core::str::from_utf8(&buf[..len]).ok().and_then(|t| t.trim().parse::<u64>().ok());
            if let Some(v) = v.filter(|&v| v > 0) {
                return Some(v);
            }
        }
    }
    None
}

/// The values O_DIRECT would refuse: (buffer address, length, offset), each Some when
/// it is not a multiple of its alignment.
pub fn misaligned(d: &DirectIo, addr: usize, len: usize, offset: Option<u64>) -> (Option<usize>, Option<usize>, Option<u64>) {
    (
        Some(addr).filter(|a| !(*a as u64).is_multiple_of(d.mem_align)),
        Some(len).filter(|l| !(*l as u64).is_multiple_of(d.offset_align)),
        offset.filter(|o| !o.is_multiple_of(d.offset_align)),
    )
}

/// A terminal I/O from a background process group (the EIO of read and write).
pub struct Background {
    pub foreground: i32,
    pub ours: i32,
    pub ignored: bool,
    pub blocked: bool,
    /// Whether our process group is orphaned (the kernel answers EIO rather than stop
    /// it); None when /proc cannot tell.
    pub orphaned: Option<bool>,
}

/// Some when `fd` is the process's controlling terminal and its process group is not
/// the terminal's foreground group. `sig` is SIGTTIN for reading, SIGTTOU for writing.
pub fn background(fd: i32, sig: i32) -> Option<Background> {
    // TIOCGPGRP answers only for the caller's controlling terminal.
    let foreground = sys::io::ioctl_int(fd, libc::TIOCGPGRP).ok()?;
    let ours = sys::io::getpgrp();
    if foreground == ours {
        return None;
    }
    let (ignored, blocked) = sys::io::signal_state(sig).unwrap_or((false, false));
    // An ignored or blocked SIGTTOU lets a background write through: only an orphaned
    // process group gets EIO then.
    if sig == libc::SIGTTOU && (ignored || blocked) {
        return None;
    }
    Some(Background { foreground, ours, ignored, blocked, orphaned: super::process::group_orphaned(ours) })
}

/// The result of checking a buffer against the process's memory map.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Memory {
    Accessible,
    /// The first address that is unmapped or lacks the access.
    BadAt(usize),
    /// The map could not be read (no descriptor left, say).
    Unknown,
}

/// Whether `len` bytes at `addr` may be read (`write` false) or written by the kernel
/// on the process's behalf. Reading is tried through the kernel; writing cannot be
/// tried without changing the bytes, so it is looked up in /proc/self/maps.
pub fn buffer(addr: usize, len: usize, write: bool) -> Memory {
    if addr == 0 {
        return Memory::BadAt(0);
    }
    let end = addr.saturating_add(len.max(1));
    if !write {
        let mut page = addr;
        while page < end {
            if !sys::readable(page, 1) {
                return Memory::BadAt(page);
            }
            page = (page | 4095).saturating_add(1);
        }
        return Memory::Accessible;
    }
    // Mappings are listed in address order: walk them while they cover the range.
    let mut covered = addr;
    let mut bad = None;
    let read = for_each_line(b"/proc/self/maps", |line| {
        let Some((lo, hi, perms)) = mapping(line) else { return true };
        if hi <= covered {
            return true;
        }
        if lo > covered || perms[1] != b'w' {
            bad = Some(covered);
            return false;
        }
        covered = hi;
        covered < end
    });
    match (read, bad) {
        (Err(_), _) => Memory::Unknown,
        (_, Some(at)) => Memory::BadAt(at),
        _ if covered < end => Memory::BadAt(covered),
        _ => Memory::Accessible,
    }
}

/// `lo-hi perms …` of a /proc/PID/maps line.
fn mapping(line: &[u8]) -> Option<(usize, usize, &[u8])> {
    let mut f = line.split(|&c| c == b' ');
    let range = f.next()?;
    let perms = f.next().filter(|p| p.len() >= 4)?;
    let dash = range.iter().position(|&c| c == b'-')?;
    Some((hex(&range[..dash])?, hex(&range[dash + 1..])?, perms))
}

fn hex(b: &[u8]) -> Option<usize> {
    usize::from_str_radix(core::str::from_utf8(b).ok()?, 16).ok()
}

/// Why a read or write on `fd` would have had to wait (EAGAIN).
pub struct Blocking {
    pub kind: Kind,
    /// O_NONBLOCK is set; otherwise a socket timeout (SO_RCVTIMEO, SO_SNDTIMEO) expired.
    pub nonblocking: bool,
    /// A pipe or FIFO: (bytes queued, capacity).
    pub pipe: Option<(u64, u64)>,
    /// A socket: its buffer size (SO_SNDBUF or SO_RCVBUF) and timeout in microseconds.
    pub socket_buffer: Option<u64>,
    pub timeout_us: u64,
}

pub fn blocking(fd: i32, writing: bool) -> Option<Blocking> {
    let f = super::fd::facts(fd)?;
    let kind = super::fd::kind(fd)?;
    let (bufopt, timeopt) = if writing { (libc::SO_SNDBUF, libc::SO_SNDTIMEO) } else { (libc::SO_RCVBUF, libc::SO_RCVTIMEO) };
    let socket = kind == Kind::Socket;
    Some(Blocking {
        kind,
        nonblocking: f.flags & libc::O_NONBLOCK != 0,
        pipe: if matches!(kind, Kind::Pipe | Kind::Fifo) { super::fd::pipe_fill(fd) } else { None },
        socket_buffer: if socket { sys::io::socket_int(fd, bufopt).ok().map(|n| n as u64) } else { None },
        timeout_us: if socket { sys::io::socket_timeout(fd, timeopt).unwrap_or(0) } else { 0 },
    })
}
