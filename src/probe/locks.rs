//! Who holds a lock: record locks (fcntl F_SETLK, OFD locks) through F_GETLK and
//! F_OFD_GETLK on the caller's own descriptor, whole-file locks (flock) through
//! /proc/locks, and, where the kernel shows no owner (OFD locks show pid -1), the process
//! whose /proc/PID/fdinfo lists the lock.

use super::lines::{for_each_line, number};
use crate::sys::{self, CPath, Stat};

/// A `struct flock` as the caller passed it (x86_64 layout: l_type and l_whence are
/// shorts, l_start and l_len 64-bit offsets at 8 and 16, l_pid an int at 24).
#[derive(Clone, Copy, Debug)]
pub struct Lock {
    pub kind: i16,
    pub whence: i16,
    pub start: i64,
    pub len: i64,
    pub pid: i32,
}

/// The `struct flock` at `addr`, copied without trusting the pointer; None when its 32
/// bytes cannot all be read.
pub fn read_lock(addr: usize) -> Option<Lock> {
    let mut b = [0u8; 32];
    if sys::read_memory(addr, &mut b) != b.len() {
        return None;
    }
    let i16_at = |o: usize| i16::from_ne_bytes([b[o], b[o + 1]]);
    let i64_at = |o: usize| i64::from_ne_bytes(b[o..o + 8].try_into().unwrap_or([0; 8]));
    Some(Lock {
        kind: i16_at(0),
        whence: i16_at(2),
        start: i64_at(8),
        len: i64_at(16),
        pid: i32::from_ne_bytes(b[24..28].try_into().unwrap_or([0; 4])),
    })
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flavor {
    /// A process-associated record lock (F_SETLK, lockf).
    Posix,
    /// An open file description lock (F_OFD_SETLK).
    Ofd,
    /// A whole-file lock (flock).
    Flock,
}

/// A lock that stands in the way.
#[derive(Clone, Copy, Debug)]
pub struct Holder {
    /// The owning process; 0 when it could not be found.
    pub pid: i32,
    /// A write (exclusive) lock, else a read (shared) one.
    pub exclusive: bool,
    pub start: u64,
    /// The last byte locked; None when the lock reaches to the end of the file and beyond.
    pub end: Option<u64>,
    pub flavor: Flavor,
}

/// The record lock that conflicts with `want` on `fd`, asked with F_GETLK (or
/// F_OFD_GETLK for an OFD lock) on the same descriptor, which the kernel answers
/// without taking anything; None when nothing conflicts any more.
pub fn record_conflict(fd: i32, want: &Lock, ofd: bool) -> Option<Holder> {
    // SAFETY: a plain C struct, all zeroes is a valid value.
    let mut l: libc::flock = unsafe { core::mem::zeroed() };
    l.l_type = if want.kind as i32 == libc::F_RDLCK { libc::F_RDLCK as i16 } else { libc::F_WRLCK as i16 };
    l.l_whence = want.whence;
    l.l_start = want.start;
    l.l_len = want.len;
    sys::io::fcntl_lock(fd, if ofd { libc::F_OFD_GETLK } else { libc::F_GETLK }, &mut l).ok()?;
    if l.l_type as i32 == libc::F_UNLCK {
        return None;
    }
    let start = l.l_start.max(0) as u64;
    let end = (l.l_len > 0).then(|| start + l.l_len as u64 - 1);
    // F_OFD_GETLK reports an OFD lock with l_pid -1: it belongs to an open file
    // description, not a process; find the process whose descriptor holds it.
    let (pid, flavor) = match l.l_pid {
        p if p > 0 => (p, Flavor::Posix),
        -1 => (sys::stat_fd(fd).ok().and_then(|st| holder_by_fdinfo(&st, b"OFDLCK")).unwrap_or(0), Flavor::Ofd),
        // 0: a lock of a process outside our pid namespace, or of another host (NFS).
        _ => (0, Flavor::Posix),
    };
    Some(Holder { pid, exclusive: l.l_type as i32 == libc::F_WRLCK, start, end, flavor })
}

/// The whole-file (flock) lock on the file of `st` that conflicts with a shared
/// (`exclusive` false) or exclusive request, from /proc/locks. Another process's lock is
/// preferred; this process's own comes next (taken through another open of the file).
pub fn flock_conflict(st: &Stat, exclusive: bool) -> Option<Holder> {
    let me = sys::getpid();
    let (mut other, mut own) = (None, None);
    let _ = proc_locks(|e| {
        if e.flavor != Some(Flavor::Flock) || !e.same_file(st) || !(exclusive || e.write) {
            return true;
        }
        let h = Holder { pid: e.pid, exclusive: e.write, start: 0, end: None, flavor: Flavor::Flock };
        if e.pid == me {
            own.get_or_insert(h);
            true
        } else {
            other = Some(h);
            false
        }
    });
    let mut h = other.or(own)?;
    // The pid recorded is the process that took the lock; the descriptor may have been
    // inherited by a child that outlived it. Find a live holder then.
    if h.pid <= 0 || !alive(h.pid) {
        h.pid = holder_by_fdinfo(st, b"FLOCK").unwrap_or(0);
    }
    Some(h)
}

fn alive(pid: i32) -> bool {
    let mut p = CPath::from_bytes(b"/proc/").unwrap_or_default();
    let mut digits = [0u8; 12];
    if p.push(decimal(pid as u64, &mut digits)).is_none() {
        return false;
    }
    sys::stat_at(libc::AT_FDCWD, &p, true).is_ok()
}

fn decimal(mut n: u64, buf: &mut [u8; 12]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || i == 0 {
            return &buf[i..];
        }
    }
}

/// One line of /proc/locks: `1: POSIX  ADVISORY  WRITE 1234 fd:00:12345 0 EOF`.
struct Entry {
    flavor: Option<Flavor>,
    write: bool,
    pid: i32,
    major: u64,
    minor: u64,
    inode: u64,
}

impl Entry {
    fn same_file(&self, st: &Stat) -> bool {
        self.inode == st.st_ino && self.major == libc::major(st.st_dev) as u64 && self.minor == libc::minor(st.st_dev) as u64
    }
}

fn hex(b: &[u8]) -> Option<u64> {
    u64::from_str_radix(core::str::from_utf8(b).ok()?, 16).ok()
}

/// Calls `f` with each granted lock of /proc/locks (waiters, `->` lines, are skipped).
fn proc_locks(mut f: impl FnMut(&Entry) -> bool) -> sys::Result<()> {
    for_each_line(b"/proc/locks", |line| parse_entry(line).is_none_or(|e| f(&e)))
}

/// One /proc/locks line: `N: TYPE ADVISORY|MANDATORY|ACTIVE… READ|WRITE PID MAJ:MIN:INODE
/// START END`; None for a waiter (`N: -> …`) or a line that does not parse. The pid of an
/// OFD lock is shown as -1.
fn parse_entry(line: &[u8]) -> Option<Entry> {
    let mut t = line.split(|c| c.is_ascii_whitespace()).filter(|t| !t.is_empty()).skip(1);
    let kind = t.next()?;
    if kind == b"->" {
        return None;
    }
    let flavor = match kind {
        b"POSIX" => Some(Flavor::Posix),
        b"OFDLCK" => Some(Flavor::Ofd),
        b"FLOCK" => Some(Flavor::Flock),
        _ => None,
    };
    let _mandatory = t.next()?;
    let write = t.next()? == b"WRITE";
    let pid = match t.next()? {
        p if p.starts_with(b"-") => -1,
        p => number(p)? as i32,
    };
    let mut parts = t.next()?.split(|&c| c == b':');
    let (major, minor, inode) = (parts.next().and_then(hex)?, parts.next().and_then(hex)?, parts.next().and_then(number)?);
    Some(Entry { flavor, write, pid, major, minor, inode })
}

/// The process (other than this one) with a descriptor open on the file of `st` whose
/// /proc/PID/fdinfo lists a lock of type `tag` (FLOCK, OFDLCK): the kernel shows there
/// the locks owned by that open file description.
pub fn holder_by_fdinfo(st: &Stat, tag: &[u8]) -> Option<i32> {
    let mut found = None;
    super::files::for_each_descriptor_on(st, |pid, pid_name, fd_name| {
        let mut info = CPath::from_bytes(b"/proc/").unwrap_or_default();
        if info.push(pid_name).and_then(|_| info.push(b"/fdinfo/")).and_then(|_| info.push(fd_name)).is_none() {
            return true;
        }
        let mut listed = false;
        let _ = for_each_line(info.as_bytes(), |line| {
            listed = line.starts_with(b"lock:") && line.windows(tag.len()).any(|w| w == tag);
            !listed
        });
        if listed {
            found = Some(pid);
        }
        !listed
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_locks_lines() {
        let e = parse_entry(b"1: POSIX  ADVISORY  WRITE 1234 fe:00:10010719 0 EOF").unwrap();
        assert_eq!((e.flavor, e.write, e.pid, e.major, e.minor, e.inode), (Some(Flavor::Posix), true, 1234, 0xfe, 0, 10010719));
        let e = parse_entry(b"12: OFDLCK ADVISORY  READ  -1 00:2d:77 10 19").unwrap();
        assert_eq!((e.flavor, e.write, e.pid, e.minor), (Some(Flavor::Ofd), false, -1, 0x2d));
        let e = parse_entry(b"3: FLOCK  ADVISORY  WRITE 99 08:01:5 0 EOF").unwrap();
        assert_eq!((e.flavor, e.pid, e.major, e.minor), (Some(Flavor::Flock), 99, 8, 1));
        assert_eq!(parse_entry(b"4: LEASE  ACTIVE    READ  7 08:01:6 0 EOF").unwrap().flavor, None);
        assert!(parse_entry(b"1: -> POSIX  ADVISORY  WRITE 55 fe:00:1 0 0").is_none());
        assert!(parse_entry(b"garbage").is_none());
    }

    #[test]
    fn reads_a_struct_flock_from_memory() {
        let l = libc::flock { l_type: libc::F_WRLCK as i16, l_whence: libc::SEEK_END as i16, l_start: -5, l_len: 7, l_pid: 0 };
        let got = read_lock(&l as *const libc::flock as usize).unwrap();
        assert_eq!((got.kind as i32, got.whence as i32, got.start, got.len, got.pid), (libc::F_WRLCK, libc::SEEK_END, -5, 7, 0));
        assert!(read_lock(0x10).is_none());
    }
}
