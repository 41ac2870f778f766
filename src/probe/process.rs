//! Another process, as /proc shows it: whether it exists or is a zombie, its parent,
//! its owner, its process group and session, its tracer, and the program name the call
//! echo prints after a pid. Facts only; the prose is message::prose::signals and
//! message::prose::waiting.

use super::lines;
use crate::sys::{self, CPath};

/// What /proc/PID/status and /proc/PID/stat say of a process.
#[derive(Clone, Copy, Debug, Default)]
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
}

impl Facts {
    pub fn zombie(&self) -> bool {
        self.state == b'Z'
    }
}

/// `/proc/PID/NAME` into `out`.
fn proc_path(pid: i32, name: &[u8]) -> Option<CPath> {
    let mut digits = [0u8; 20];
    let mut p = CPath::from_bytes(b"/proc/")?;
    p.push(crate::decode::decimal(pid as u64, &mut digits))?;
    p.push(name)?;
    Some(p)
}

/// The facts of process `pid`, or None when there is no such process (or /proc is not
/// mounted).
pub fn facts(pid: i32) -> Option<Facts> {
    if pid <= 0 {
        return None;
    }
    let path = proc_path(pid, b"/status")?;
    let mut f = Facts::default();
    let mut seen = false;
    lines::for_each_line(path.as_bytes(), |line| {
        seen = true;
        if let Some(rest) = line.strip_prefix(b"State:") {
            f.state = rest.trim_ascii_start().first().copied().unwrap_or(0);
        } else if let Some(rest) = line.strip_prefix(b"PPid:") {
            f.ppid = lines::number(rest.trim_ascii_start()).unwrap_or(0) as i32;
        } else if let Some(rest) = line.strip_prefix(b"TracerPid:") {
            f.tracer = lines::number(rest.trim_ascii_start()).unwrap_or(0) as i32;
        } else if let Some(rest) = line.strip_prefix(b"Uid:") {
            for (i, field) in rest.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()).take(3).enumerate() {
                f.uids[i] = lines::number(field).unwrap_or(0) as u32;
            }
        }
        true
    })
    .ok()?;
    if !seen {
        return None;
    }
    // /proc/PID/stat: "pid (comm) state ppid pgrp session …"; comm may hold spaces and
    // parentheses, so the fields are counted from the last ')'.
    let mut buf = [0u8; 512];
    if let Some(stat) = proc_path(pid, b"/stat") {
        if let Ok(n) = sys::read_file(stat.as_bytes(), &mut buf) {
            if let Some(close) = buf[..n].iter().rposition(|&c| c == b')') {
                let rest = &buf[close + 1..n];
                let mut fields = rest.split(|&c| c == b' ').filter(|w| !w.is_empty());
                let _state = fields.next();
                let _ppid = fields.next();
                f.pgrp = fields.next().and_then(lines::number).unwrap_or(0) as i32;
                f.session = fields.next().and_then(lines::number).unwrap_or(0) as i32;
            }
        }
    }
    Some(f)
}

/// The name the call echo prints after a pid: the last component of the program's
/// argv[0] (/proc/PID/cmdline), else its command name (/proc/PID/comm: a kernel thread
/// or a zombie has no command line). Written into `out`; None when there is no process.
pub fn program_name(pid: i32, out: &mut [u8; 256]) -> Option<usize> {
    if pid <= 0 {
        return None;
    }
    let mut buf = [0u8; 256];
    let n = sys::read_file(proc_path(pid, b"/cmdline")?.as_bytes(), &mut buf).ok()?;
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
    Some(len)
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

/// The cgroup v2 pids controller of this process: (pids.max, pids.current), pids.max
/// u64::MAX when "max". None when the cgroup has no pids controller.
pub fn cgroup_pids() -> Option<(u64, u64)> {
    // /proc/self/cgroup: "0::/user.slice/…" on cgroup v2.
    let mut buf = [0u8; 512];
    let n = sys::read_file(b"/proc/self/cgroup", &mut buf).ok()?;
    let line = buf[..n].split(|&c| c == b'\n').find(|l| l.starts_with(b"0::"))?;
    let mut dir = CPath::from_bytes(b"/sys/fs/cgroup")?;
    let rel = &line[3..];
    if rel != b"/" {
        dir.push(rel)?;
    }
    let mut max_path = dir.clone();
    max_path.push(b"/pids.max")?;
    let mut cur_path = dir;
    cur_path.push(b"/pids.current")?;
    let mut b = [0u8; 32];
    let n = sys::read_file(max_path.as_bytes(), &mut b).ok()?;
    let max = if b[..n].starts_with(b"max") { u64::MAX } else { lines::number(&b[..n])? };
    let n = sys::read_file(cur_path.as_bytes(), &mut b).ok()?;
    Some((max, lines::number(&b[..n])?))
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
