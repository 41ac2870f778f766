//! Another process, as /proc shows it: whether it exists or is a zombie, its parent,
//! its owner, its process group and session, its tracer, and the program name the call
//! echo prints after a pid. Facts only; the prose is message::prose::signals and
//! message::prose::waiting.

use super::lines;
use crate::sys::{self, CPath};

/// What /proc/PID/status says of a process (and /proc/PID/stat, on kernels whose status
/// lacks the NSpgid and NSsid lines, before Linux 4.1).
#[derive(Clone, Copy, Debug)]
pub struct Facts {
    /// The state letter (R, S, D, Z, T…).
    pub state: u8,
    pub ppid: i32,
    /// Real, effective and saved uid.
    pub uids: [u32; 3],
    /// The pid of the process tracing it, 0 when none.
    pub tracer: i32,
    pub pgrp: i32,
    pub session: i32,
    /// Its command name (status's Name line, as /proc/PID/comm has it).
    name: [u8; 64],
    name_len: u8,
}

impl Default for Facts {
    fn default() -> Facts {
        Facts { state: 0, ppid: 0, uids: [0; 3], tracer: 0, pgrp: 0, session: 0, name: [0; 64], name_len: 0 }
    }
}

impl Facts {
    pub fn zombie(&self) -> bool {
        self.state == b'Z'
    }

    /// The command name, empty when status had none.
    pub fn name(&self) -> &[u8] {
        &self.name[..self.name_len as usize]
    }
}

/// `/proc/PID/NAME`: short, so held in a small buffer rather than a 4 KiB CPath, whose
/// every move copies all of it.
pub struct ProcPath {
    buf: [u8; 80],
    len: usize,
}

impl ProcPath {
    /// `parts` joined; None when they do not fit.
    pub fn of(parts: &[&[u8]]) -> Option<ProcPath> {
        let mut p = ProcPath { buf: [0; 80], len: 0 };
        for part in parts {
            p.push(part)?;
        }
        Some(p)
    }

    fn push(&mut self, b: &[u8]) -> Option<()> {
        self.buf.get_mut(self.len..self.len + b.len())?.copy_from_slice(b);
        self.len += b.len();
        Some(())
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

pub fn proc_path(pid: i32, name: &[u8]) -> Option<ProcPath> {
    let mut digits = [0u8; 20];
    let mut p = ProcPath::of(&[b"/proc/"])?;
    p.push(crate::decode::decimal(pid as u64, &mut digits))?;
    p.push(name)?;
    Some(p)
}

/// The first number after a status line's label.
fn first_number(rest: &[u8]) -> Option<u64> {
    rest.split(|c| c.is_ascii_whitespace()).find(|w| !w.is_empty()).and_then(lines::number)
}

/// The facts of process `pid`, or None when there is no such process (or /proc is not
/// mounted). One read of /proc/PID/status: it has the owner, state, parent and tracer,
/// and (since Linux 4.1) the process group and session as NSpgid and NSsid, whose first
/// number is the one seen from the pid namespace of /proc, as /proc/PID/stat gives it.
pub fn facts(pid: i32) -> Option<Facts> {
    if pid <= 0 {
        return None;
    }
    let path = proc_path(pid, b"/status")?;
    let mut f = Facts::default();
    let (mut seen, mut groups_seen) = (false, false);
    lines::for_each_line(path.as_bytes(), |line| {
        seen = true;
        if let Some(rest) = line.strip_prefix(b"Name:") {
            let name = rest.trim_ascii();
            let n = name.len().min(f.name.len());
            f.name[..n].copy_from_slice(&name[..n]);
            f.name_len = n as u8;
        } else if let Some(rest) = line.strip_prefix(b"State:") {
            f.state = rest.trim_ascii_start().first().copied().unwrap_or(0);
        } else if let Some(rest) = line.strip_prefix(b"PPid:") {
            f.ppid = first_number(rest).unwrap_or(0) as i32;
        } else if let Some(rest) = line.strip_prefix(b"TracerPid:") {
            f.tracer = first_number(rest).unwrap_or(0) as i32;
        } else if let Some(rest) = line.strip_prefix(b"Uid:") {
            for (i, field) in rest.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).take(3).enumerate() {
                f.uids[i] = lines::number(field).unwrap_or(0) as u32;
            }
        } else if let Some(rest) = line.strip_prefix(b"NSpgid:") {
            f.pgrp = first_number(rest).unwrap_or(0) as i32;
        } else if let Some(rest) = line.strip_prefix(b"NSsid:") {
            f.session = first_number(rest).unwrap_or(0) as i32;
            groups_seen = true;
            // The lines after it (memory, signals, capabilities) say nothing wanted here.
            return false;
        }
        true
    })
    .ok()?;
    if !seen {
        return None;
    }
    if !groups_seen {
        groups_from_stat(pid, &mut f);
    }
    Some(f)
}

/// The process group and session from /proc/PID/stat: "pid (comm) state ppid pgrp
/// session …"; comm may hold spaces and parentheses, so the fields are counted from the
/// last ')'.
fn groups_from_stat(pid: i32, f: &mut Facts) {
    let mut buf = [0u8; 512];
    let Some(stat) = proc_path(pid, b"/stat") else { return };
    let Ok(n) = sys::read_file(stat.as_bytes(), &mut buf) else { return };
    if let Some(close) = buf[..n].iter().rposition(|&c| c == b')') {
        let rest = &buf[close + 1..n];
        let mut fields = rest.split(|&c| c == b' ').filter(|w| !w.is_empty());
        let _state = fields.next();
        let _ppid = fields.next();
        f.pgrp = fields.next().and_then(lines::number).unwrap_or(0) as i32;
        f.session = fields.next().and_then(lines::number).unwrap_or(0) as i32;
    }
}

/// What the call echo learnt of a process while reading its command line: the program
/// name it printed, and the owner of /proc/PID/cmdline, which is the process's effective
/// uid while the process is dumpable and root otherwise (a process that changed its
/// ids, or ran a set-user-ID program, is not dumpable unless it asked to be again). An
/// explanation that needs no more than the owner and the name takes them from here
/// instead of reading /proc/PID/status, which costs the kernel far more.
#[derive(Clone, Copy)]
pub struct Glimpse {
    pub pid: i32,
    pub owner: u32,
    name: [u8; 64],
    name_len: u8,
}

impl Glimpse {
    pub fn name(&self) -> &[u8] {
        &self.name[..self.name_len as usize]
    }
}

/// The name the call echo prints after a pid: the last component of the program's
/// argv[0] (/proc/PID/cmdline), else its command name (/proc/PID/comm: a kernel thread
/// or a zombie has no command line). Written into `out`; None when there is no process.
/// With it, what `Glimpse` keeps (None when the name is too long to keep).
pub fn program_name(pid: i32, out: &mut [u8; 256]) -> Option<(usize, Option<Glimpse>)> {
    if pid <= 0 {
        return None;
    }
    let mut buf = [0u8; 256];
    // One read: the kernel copies the whole argument area asked for in one read, so a
    // short read is the end (read_file's second read would only find 0).
    let fd = sys::open_read(proc_path(pid, b"/cmdline")?.as_bytes()).ok()?;
    let n = sys::read(fd.raw(), &mut buf).ok()?;
    let owner = sys::stat_fd(fd.raw()).ok().map(|st| st.st_uid);
    drop(fd);
    let arg0 = buf[..n].split(|&c| c == 0).next().unwrap_or(b"");
    let base = arg0.rsplit(|&c| c == b'/').next().unwrap_or(b"");
    let name: &[u8] = if !base.is_empty() {
        base
    } else {
        let n = sys::read_file(proc_path(pid, b"/comm")?.as_bytes(), &mut buf).ok()?;
        buf[..n].strip_suffix(b"\n").unwrap_or(&buf[..n])
    };
    let len = name.len().min(out.len());
    out[..len].copy_from_slice(&name[..len]);
    let glimpse = owner.filter(|_| len <= 64).map(|owner| {
        let mut g = Glimpse { pid, owner, name: [0; 64], name_len: len as u8 };
        g.name[..len].copy_from_slice(&name[..len]);
        g
    });
    Some((len, glimpse))
}

/// The first process (by pid order of /proc) for which `f` holds, given its pid and facts.
pub fn find(mut f: impl FnMut(i32, &Facts) -> bool) -> Option<(i32, Facts)> {
    let proc_dir = CPath::from_bytes(b"/proc")?;
    let mut found = None;
    let _ = sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        let Some(pid) = (name.iter().all(u8::is_ascii_digit)).then(|| lines::number(name)).flatten() else { return true };
        if let Some(facts) = facts(pid as i32) {
            if f(pid as i32, &facts) {
                found = Some((pid as i32, facts));
                return false;
            }
        }
        true
    });
    found
}

/// Whether process group `pgrp` is orphaned, as the kernel judges it for job control:
/// no member has a parent in another group of the same session. None when no member
/// can be seen in /proc.
pub fn group_orphaned(pgrp: i32) -> Option<bool> {
    let mut members = 0;
    let anchored = find(|_, f| {
        if f.pgrp != pgrp {
            return false;
        }
        members += 1;
        facts(f.ppid).is_some_and(|p| p.pgrp != pgrp && p.session == f.session)
    });
    (members > 0).then_some(anchored.is_none())
}

/// How many processes (not threads) have the real uid `uid`, and the members of process
/// group `pgrp`, counted by `find`'s walk.
pub fn count(mut f: impl FnMut(&Facts) -> bool) -> u64 {
    let mut n = 0;
    find(|_, facts| {
        if f(facts) {
            n += 1;
        }
        false
    });
    n
}

/// The session leader of `session` (the process whose pid is the session id), if alive.
pub fn session_leader(session: i32) -> Option<Facts> {
    facts(session)
}

/// This process's own facts.
pub fn own() -> Option<Facts> {
    facts(sys::getpid())
}

/// A cgroup's pids controller: its directory, pids.max (u64::MAX for "max") and
/// pids.current.
pub struct CgroupPids {
    pub dir: CPath,
    pub max: u64,
    pub current: u64,
}

/// The pids controller that binds this process: of its own cgroup and the cgroup's
/// ancestors (each limit applies to the whole subtree), the first whose pids.current
/// has reached its pids.max, else its own cgroup's. The controller's hierarchy is
/// found in /proc/self/cgroup: a cgroup v1 line "N:pids:/path" (mounted at
/// /sys/fs/cgroup/pids), else the v2 line "0::/path" (at /sys/fs/cgroup, or
/// /sys/fs/cgroup/unified in the hybrid layout). None without a pids controller.
pub fn cgroup_pids() -> Option<CgroupPids> {
    let mut buf = [0u8; 1024];
    let n = sys::read_file(b"/proc/self/cgroup", &mut buf).ok()?;
    let lines = || buf[..n].split(|&c| c == b'\n');
    let v1 = lines().find_map(|l| {
        let mut f = l.splitn(3, |&c| c == b':');
        let (_, ctl, path) = (f.next()?, f.next()?, f.next()?);
        ctl.split(|&c| c == b',').any(|c| c == b"pids").then_some(path)
    });
    let (roots, rel): (&[&[u8]], &[u8]) = match v1 {
        Some(path) => (&[b"/sys/fs/cgroup/pids"], path),
        None => (&[b"/sys/fs/cgroup", b"/sys/fs/cgroup/unified"], lines().find(|l| l.starts_with(b"0::"))?.get(3..)?),
    };
    for root in roots {
        let mut dir = CPath::from_bytes(root)?;
        if rel != b"/" {
            dir.push(rel)?;
        }
        let Some(own) = pids_of(&dir) else { continue };
        // Up the tree for a limit reached (a parent's pids.max binds its children).
        let mut up = dir.clone();
        while own.current < own.max && up.len() > root.len() {
            let cut = up.as_bytes().iter().rposition(|&c| c == b'/').unwrap_or(0).max(root.len());
            up.truncate(cut);
            if let Some(parent) = pids_of(&up).filter(|p| p.current >= p.max) {
                return Some(parent);
            }
        }
        return Some(own);
    }
    None
}

/// pids.max and pids.current of the cgroup directory `dir`.
fn pids_of(dir: &CPath) -> Option<CgroupPids> {
    let mut b = [0u8; 32];
    let mut p = dir.clone();
    p.push(b"/pids.max")?;
    let n = sys::read_file(p.as_bytes(), &mut b).ok()?;
    let max = if b[..n].starts_with(b"max") { u64::MAX } else { lines::number(b[..n].trim_ascii())? };
    let mut p = dir.clone();
    p.push(b"/pids.current")?;
    let n = sys::read_file(p.as_bytes(), &mut b).ok()?;
    Some(CgroupPids { dir: dir.clone(), max, current: lines::number(b[..n].trim_ascii())? })
}

/// /proc/sys/kernel/pid_max.
pub fn pid_max() -> Option<u64> {
    let mut b = [0u8; 32];
    let n = sys::read_file(b"/proc/sys/kernel/pid_max", &mut b).ok()?;
    lines::number(&b[..n])
}

/// /proc/sys/kernel/yama/ptrace_scope, where Yama is built in.
pub fn ptrace_scope() -> Option<u64> {
    let mut b = [0u8; 32];
    let n = sys::read_file(b"/proc/sys/kernel/yama/ptrace_scope", &mut b).ok()?;
    lines::number(&b[..n])
}

/// A process other than the caller that has the file `st` open for writing (ETXTBSY of
/// execve): /proc/PID/fd links to it whose /proc/PID/fdinfo flags hold O_WRONLY or O_RDWR.
pub fn writer_of(st: &sys::Stat) -> Option<i32> {
    let mut found = None;
    super::files::for_each_descriptor_on(st, |pid, _pid_name, fd_name| {
        let mut p = match proc_path(pid, b"/fdinfo/") {
            Some(p) => p,
            None => return true,
        };
        if p.push(fd_name).is_none() {
            return true;
        }
        let mut writing = false;
        let _ = lines::for_each_line(p.as_bytes(), |line| {
            if let Some(rest) = line.strip_prefix(b"flags:") {
                let octal = rest.trim_ascii();
                let flags = octal.iter().fold(0u64, |v, &c| v * 8 + (c.wrapping_sub(b'0') as u64 & 7));
                writing = flags & 3 != 0;
                return false;
            }
            true
        });
        if writing {
            found = Some(pid);
            return false;
        }
        true
    });
    found
}
