//! Child processes, as popen(3) and pclose(3) meet them: the limits on creating one
//! (RLIMIT_NPROC against the user's own count, the system's task table), whether the
//! kernel reaps them unasked (SIGCHLD ignored, SA_NOCLDWAIT), and how one ended.

use super::lines;
use super::process::{proc_path, ProcPath};
use crate::sys::{self, CPath};

/// What limits the creation of a process, each with its value where it is known.
pub struct ForkLimits {
    /// The real uid, which RLIMIT_NPROC counts against.
    pub uid: u32,
    /// RLIMIT_NPROC (soft, hard); u64::MAX is unlimited.
    pub nproc: Option<(u64, u64)>,
    /// Threads (the kernel counts every thread as a process) of the real uid.
    pub user_tasks: Option<u64>,
    /// Whether the limit binds: root and CAP_SYS_RESOURCE or CAP_SYS_ADMIN are exempt.
    pub exempt: bool,
    /// Threads in the whole system, and /proc/sys/kernel/threads-max.
    pub system_tasks: Option<u64>,
    pub threads_max: Option<u64>,
    /// The cgroup pids controller that binds (issue 12).
    pub cgroup_pids: Option<super::process::CgroupPids>,
    /// /proc/sys/kernel/pid_max, the highest pid plus one (issue 12).
    pub pid_max: Option<u64>,
}

const CAP_SYS_ADMIN: u64 = 1 << 21;
const CAP_SYS_RESOURCE: u64 = 1 << 24;

pub fn fork_limits() -> ForkLimits {
    let (uid, _, _) = sys::uids();
    let exempt = uid == 0 || sys::capabilities().is_ok_and(|c| c & (CAP_SYS_ADMIN | CAP_SYS_RESOURCE) != 0);
    ForkLimits {
        uid,
        nproc: sys::rlimit(libc::RLIMIT_NPROC as i32).ok(),
        user_tasks: user_tasks(uid),
        exempt,
        system_tasks: system_tasks(),
        threads_max: number_in(b"/proc/sys/kernel/threads-max"),
        cgroup_pids: super::process::cgroup_pids(),
        pid_max: number_in(b"/proc/sys/kernel/pid_max"),
    }
}

/// The threads of processes whose real uid is `uid`, from /proc/PID/status.
pub fn user_tasks(uid: u32) -> Option<u64> {
    let mut total = 0u64;
    let proc_dir = CPath::from_bytes(b"/proc")?;
    sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        if name.is_empty() || !name.iter().all(u8::is_ascii_digit) {
            return true;
        }
        let mut path = [0u8; 32];
        let len = 6 + name.len() + 7;
        if len > path.len() {
            return true;
        }
        path[..6].copy_from_slice(b"/proc/");
        path[6..6 + name.len()].copy_from_slice(name);
        path[6 + name.len()..len].copy_from_slice(b"/status");
        let (mut owner, mut threads) = (None, 1);
        let _ = lines::for_each_line(&path[..len], |line| {
            if let Some(rest) = line.strip_prefix(b"Uid:") {
                owner = lines::number(rest.trim_ascii_start());
            } else if let Some(rest) = line.strip_prefix(b"Threads:") {
                threads = lines::number(rest.trim_ascii_start()).unwrap_or(1);
                return false;
            }
            true
        });
        if owner == Some(uid as u64) {
            total += threads;
        }
        true
    })
    .ok()?;
    Some(total)
}

/// Threads in the system: the fourth field of /proc/loadavg, "running/total".
fn system_tasks() -> Option<u64> {
    let mut buf = [0u8; 128];
    let n = sys::read_file(b"/proc/loadavg", &mut buf).ok()?;
    let field = lines::field(&buf[..n], b' ', 3)?;
    let total = field.splitn(2, |&c| c == b'/').nth(1)?;
    lines::number(total)
}

fn number_in(path: &[u8]) -> Option<u64> {
    let mut buf = [0u8; 32];
    let n = sys::read_file(path, &mut buf).ok()?;
    lines::number(&buf[..n])
}

/// The pid namespace this process's children are born into, when it is not the
/// process's own (after unshare(CLONE_NEWPID)).
pub struct ChildPidNamespace {
    /// The namespace's inode (`pid:[N]` in /proc/self/ns/pid_for_children).
    pub inode: u64,
    /// Its init, the first child forked into it, while that child runs: a child of
    /// this process living in the namespace and not a zombie.
    pub init: Option<i32>,
}

pub fn child_pid_namespace() -> Option<ChildPidNamespace> {
    let ns = |p: &[u8]| sys::stat_at(libc::AT_FDCWD, &CPath::from_bytes(p)?, true).ok().map(|st| st.st_ino);
    let (own, children) = (ns(b"/proc/self/ns/pid")?, ns(b"/proc/self/ns/pid_for_children")?);
    if own == children {
        return None;
    }
    let mut init = None;
    // Every thread's children (/proc/self/task/TID/children) that live in the namespace.
    let _ = sys::for_each_entry(libc::AT_FDCWD, &CPath::from_bytes(b"/proc/self/task")?, |tid, _| {
        let Some(list) = tid.iter().all(u8::is_ascii_digit).then(|| ProcPath::of(&[b"/proc/self/task/", tid, b"/children"])).flatten() else {
            return true;
        };
        let mut buf = [0u8; 1024];
        let n = sys::read_file(list.as_bytes(), &mut buf).unwrap_or(0);
        for pid in buf[..n].split(|c| c.is_ascii_whitespace()).filter_map(lines::number) {
            let in_ns = proc_path(pid as i32, b"/ns/pid").and_then(|p| ns(p.as_bytes())) == Some(children);
            if in_ns && !super::process::facts(pid as i32).is_some_and(|f| f.zombie()) {
                init = Some(pid as i32);
                return false;
            }
        }
        true
    });
    Some(ChildPidNamespace { inode: children, init })
}

/// Why a child's status could not be collected without anyone having asked for it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Reaping {
    /// SIGCHLD is ignored (SIG_IGN): the kernel discards children as they end.
    SigchldIgnored,
    /// SIGCHLD is handled with SA_NOCLDWAIT: likewise.
    NoCldWait,
    /// Children are kept until waited for: someone else waited for this one.
    Kept,
}

pub fn reaping() -> Reaping {
    const SA_NOCLDWAIT: u64 = 2;
    match sys::io::signal_state(libc::SIGCHLD) {
        Some((true, _)) => Reaping::SigchldIgnored,
        _ if sys::io::signal_flags(libc::SIGCHLD).is_some_and(|f| f & SA_NOCLDWAIT != 0) => Reaping::NoCldWait,
        _ => Reaping::Kept,
    }
}

/// How a child ended, from its wait status (waitpid(2), pclose(3)).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChildEnd {
    Exited(i32),
    Signaled { sig: i32, core: bool },
    Stopped(i32),
    Other(i32),
}

pub fn child_end(status: i32) -> ChildEnd {
    if libc::WIFEXITED(status) {
        ChildEnd::Exited(libc::WEXITSTATUS(status))
    } else if libc::WIFSIGNALED(status) {
        ChildEnd::Signaled { sig: libc::WTERMSIG(status), core: libc::WCOREDUMP(status) }
    } else if libc::WIFSTOPPED(status) {
        ChildEnd::Stopped(libc::WSTOPSIG(status))
    } else {
        ChildEnd::Other(status)
    }
}
