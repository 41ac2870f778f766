//! Questions about memory: the process's size against its limits, the kernel's
//! overcommit policy, the number of mappings, System V shared memory segments and
//! limits. Everything is read through fixed buffers: these facts explain a process
//! that has no heap left.

use super::lines::{for_each_line, number};
use crate::sys;

/// A resource limit (soft) in bytes; None when unlimited or unknown.
fn soft_limit(resource: i32) -> Option<u64> {
    sys::rlimit(resource).ok().map(|l| l.0).filter(|&v| v != libc::RLIM_INFINITY)
}

/// A number from a one-line /proc/sys file.
pub fn proc_number(path: &[u8]) -> Option<u64> {
    let mut buf = [0u8; 32];
    let n = sys::read_file(path, &mut buf).ok()?;
    number(&buf[..n])
}

/// The page size in bytes.
pub fn page_size() -> u64 {
    sys::vm::page_size()
}

/// The process's virtual size and data size in bytes (/proc/self/statm: fields 1 and 6).
pub fn process_size() -> Option<(u64, u64)> {
    let mut buf = [0u8; 128];
    let n = sys::read_file(b"/proc/self/statm", &mut buf).ok()?;
    let mut f = buf[..n].split(|&c| c == b' ');
    let size = f.next().and_then(number)?;
    let data = f.nth(4).and_then(number)?;
    let page = page_size();
    Some((size * page, data * page))
}

/// What limits an allocation of `size` more bytes, as found.
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory {
    /// RLIMIT_AS (bytes), when set.
    pub as_limit: Option<u64>,
    /// RLIMIT_DATA (bytes), when set.
    pub data_limit: Option<u64>,
    /// Virtual size and data size now (bytes).
    pub size: Option<(u64, u64)>,
    /// /proc/sys/vm/overcommit_memory: 0 heuristic, 1 always, 2 never.
    pub overcommit: Option<u64>,
    /// Under mode 2: CommitLimit and Committed_AS from /proc/meminfo, in bytes.
    pub commit: Option<(u64, u64)>,
    /// MemTotal + SwapTotal (bytes): what mode 0 compares one allocation against.
    pub ram_and_swap: Option<u64>,
}

/// The facts about the process's memory and the system's policy.
pub fn memory() -> Memory {
    let mut m = Memory {
        as_limit: soft_limit(libc::RLIMIT_AS as i32),
        data_limit: soft_limit(libc::RLIMIT_DATA as i32),
        size: process_size(),
        overcommit: proc_number(b"/proc/sys/vm/overcommit_memory"),
        ..Memory::default()
    };
    let (mut limit, mut committed, mut total, mut swap) = (None, None, None, None);
    let _ = for_each_line(b"/proc/meminfo", |line| {
        let kib = |l: &[u8]| number(l.split(|&c| c == b':').nth(1)?.trim_ascii_start()).map(|k| k * 1024);
        if line.starts_with(b"CommitLimit:") {
            limit = kib(line);
        } else if line.starts_with(b"Committed_AS:") {
            committed = kib(line);
        } else if line.starts_with(b"MemTotal:") {
            total = kib(line);
        } else if line.starts_with(b"SwapTotal:") {
            swap = kib(line);
        }
        true
    });
    if let (Some(l), Some(c)) = (limit, committed) {
        m.commit = Some((l, c));
    }
    if let (Some(t), Some(s)) = (total, swap) {
        m.ram_and_swap = Some(t + s);
    }
    m
}

/// Which limit an allocation of `size` bytes more would cross, given the facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Culprit {
    /// RLIMIT_AS: the virtual size plus the request exceeds it.
    AddressSpace { limit: u64, size: u64 },
    /// RLIMIT_DATA: the data size plus the request exceeds it.
    Data { limit: u64, size: u64 },
    /// Overcommit mode 2: the commit charge plus the request exceeds CommitLimit.
    CommitLimit { limit: u64, committed: u64 },
    /// Overcommit mode 0: one request larger than RAM and swap together.
    LargerThanMemory { total: u64 },
    /// The request is larger than any address space (more than half of it).
    Impossible,
    Unknown,
}

pub fn culprit(mem: &Memory, request: u64) -> Culprit {
    if request > (isize::MAX as u64) {
        return Culprit::Impossible;
    }
    if let (Some(limit), Some((size, _))) = (mem.as_limit, mem.size) {
        if size.saturating_add(request) > limit {
            return Culprit::AddressSpace { limit, size };
        }
    }
    if let (Some(limit), Some((_, data))) = (mem.data_limit, mem.size) {
        if data.saturating_add(request) > limit {
            return Culprit::Data { limit, size: data };
        }
    }
    match (mem.overcommit, mem.commit, mem.ram_and_swap) {
        (Some(2), Some((limit, committed)), _) if committed.saturating_add(request) > limit => {
            Culprit::CommitLimit { limit, committed }
        }
        (Some(0), _, Some(total)) if request > total => Culprit::LargerThanMemory { total },
        _ => Culprit::Unknown,
    }
}

/// The number of the process's mappings (lines of /proc/self/maps) and the system's
/// maximum (vm.max_map_count).
pub fn map_count() -> (Option<u64>, Option<u64>) {
    let mut n = 0u64;
    let counted = for_each_line(b"/proc/self/maps", |_| {
        n += 1;
        true
    })
    .ok()
    .map(|_| n);
    (counted, proc_number(b"/proc/sys/vm/max_map_count"))
}

/// The mount holding `fd`'s file when it is mounted noexec.
pub fn noexec_mount(fd: i32) -> Option<super::mounts::Mount> {
    let st = sys::stat_fd(fd).ok()?;
    super::mounts::mount_of(&st).filter(|m| m.noexec)
}

/// A System V shared memory segment, as IPC_STAT reports it.
#[derive(Clone, Copy, Debug)]
pub struct Segment {
    pub uid: u32,
    pub gid: u32,
    pub cuid: u32,
    pub mode: u32,
    pub size: u64,
    pub attached: u64,
    /// Marked for removal (SHM_DEST): it goes when the last process detaches.
    pub destroyed: bool,
}

/// The segment `shmid`, from /proc/sysvipc/shm (readable by anyone, unlike IPC_STAT,
/// which needs read permission on the segment); IPC_STAT when /proc says nothing.
/// None when there is no such segment.
pub fn segment(shmid: i32) -> Option<Segment> {
    let mut found = None;
    // key shmid perms size cpid lpid nattch uid gid cuid cgid …, space-aligned.
    let _ = for_each_line(b"/proc/sysvipc/shm", |line| {
        let mut f = line.split(|&c| c == b' ').filter(|w| !w.is_empty());
        let _key = f.next();
        let id = f.next().and_then(number);
        if id != Some(shmid as u64) || shmid < 0 {
            return true;
        }
        let mut v = [0u64; 9];
        for slot in v.iter_mut() {
            *slot = f.next().and_then(number).unwrap_or(0);
        }
        // perms size cpid lpid nattch uid gid cuid cgid
        let perms = octal_digits(v[0]);
        found = Some(Segment {
            uid: v[5] as u32,
            gid: v[6] as u32,
            cuid: v[7] as u32,
            mode: perms & 0o777,
            size: v[1],
            attached: v[4],
            destroyed: perms & 0o1000 != 0,
        });
        false
    });
    if found.is_some() {
        return found;
    }
    let ds = sys::vm::shm_stat(shmid).ok()?;
    Some(Segment {
        uid: ds.shm_perm.uid,
        gid: ds.shm_perm.gid,
        cuid: ds.shm_perm.cuid,
        mode: ds.shm_perm.mode as u32 & 0o777,
        size: ds.shm_segsz as u64,
        attached: ds.shm_nattch as u64,
        destroyed: ds.shm_perm.mode as u32 & 0o1000 != 0,
    })
}

/// /proc/sysvipc/shm prints perms in octal digits, which `number` read as decimal.
fn octal_digits(decimal_digits: u64) -> u32 {
    let (mut v, mut place, mut d) = (0u32, 1u32, decimal_digits);
    while d > 0 {
        v += (d % 10) as u32 * place;
        place *= 8;
        d /= 10;
    }
    v
}

/// The System V shared memory limits: shmmax (bytes per segment), shmall (pages in
/// all), shmmni (segments), and the segments in use.
#[derive(Clone, Copy, Debug)]
pub struct ShmLimits {
    pub shmmax: Option<u64>,
    pub shmall: Option<u64>,
    pub shmmni: Option<u64>,
    pub in_use: Option<u64>,
}

pub fn shm_limits() -> ShmLimits {
    ShmLimits {
        shmmax: proc_number(b"/proc/sys/kernel/shmmax"),
        shmall: proc_number(b"/proc/sys/kernel/shmall"),
        shmmni: proc_number(b"/proc/sys/kernel/shmmni"),
        in_use: sys::vm::shm_segments_in_use().ok(),
    }
}

/// Whether `addr .. addr + len` is mapped at all (for munmap's and shmat's addresses).
pub fn mapped(addr: usize, len: usize) -> bool {
    !matches!(super::memory::mapping(addr, len), super::memory::Mapping::Unmapped)
}
