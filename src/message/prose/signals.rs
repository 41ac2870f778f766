//! Signals, tracing, priorities, process groups and sessions: the process a call was
//! aimed at (gone, a zombie, another user's), the ids and capability the kernel
//! compared, the limits on raising a priority, and the group and session rules.

use super::ids;
use crate::message::Message;
use crate::probe::creds::Creds;
use crate::probe::process::{Facts, Glimpse};

pub const CAP_KILL: u32 = 5;
pub const CAP_SYS_PTRACE: u32 = 19;
pub const CAP_SYS_NICE: u32 = 23;

use crate::probe::creds::capability_name as cap_name;

/// `process 1234 "nginx"`.
pub fn process(m: &mut Message, pid: i32) {
    m.text("process ");
    ids::process(m, pid);
}

/// `process 1234 "sleep"` with a name already known (from status or the echo's read);
/// read from /proc/PID/comm when it is not.
fn process_called(m: &mut Message, pid: i32, name: &[u8]) {
    if name.is_empty() {
        return process(m, pid);
    }
    m.text("process ");
    m.number(pid as i64);
    m.text(" ");
    m.quoted(name);
}

/// `process 1234 "sleep" belongs to user 0 "root"`, and its `which`'th uid (1 effective,
/// 2 saved) called `label` where that differs.
fn belongs_to(m: &mut Message, pid: i32, target: &Facts, which: usize, label: &str) {
    process_called(m, pid, target.name());
    m.text(" belongs to user ");
    ids::user(m, target.uids[0]);
    if target.uids[which] != target.uids[0] {
        m.text(" (");
        m.text(label);
        m.text(" ");
        ids::user(m, target.uids[which]);
        m.text(")");
    }
}

/// ESRCH for one pid (`arg` names the argument): no such process now, or a zombie,
/// with the parent that has not waited for it.
pub fn no_process(m: &mut Message, arg: &str, pid: i32, facts: Option<&Facts>) {
    m.because();
    match facts {
        Some(f) if f.zombie() => {
            let _ = core::fmt::write(m, format_args!("{arg} {pid} is a zombie: the process has ended, and its parent, "));
            process(m, f.ppid);
            m.text(", has not yet collected its exit status with wait; a zombie runs no more and cannot be signalled, traced or changed");
        }
        Some(_) => {
            let _ = core::fmt::write(m, format_args!("{arg} {pid} is a live process now ("));
            ids::process(m, pid);
            m.text("): the process that failed met another, since ended, or the pid was reused");
        }
        None => {
            let _ = core::fmt::write(m, format_args!("there is no process {pid} ({arg}): it never existed, or it ended and its parent collected its status"));
            if let Some(max) = crate::probe::process::pid_max() {
                if pid as u64 >= max {
                    let _ = core::fmt::write(m, format_args!("; pids go no higher than {} (/proc/sys/kernel/pid_max is {max})", max - 1));
                }
            }
        }
    }
}

/// ESRCH for a process group: it has no members.
pub fn no_group(m: &mut Message, pgrp: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("there is no process group {pgrp}: no process has it as its process group id"));
}

/// kill(-1, sig) found no process it may signal.
pub fn nobody_to_signal(m: &mut Message) {
    m.because();
    m.text("pid -1 signals every process the caller may signal except init and itself, and there was none");
}

/// EINVAL: not a signal number.
pub fn bad_signal(m: &mut Message, sig: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{sig} is not a signal: signals are numbered 1 to 64 (SIGRTMAX), and 0 only asks whether the process may be signalled"));
}

/// EPERM of kill: the target's owner against the caller's ids and CAP_KILL.
pub fn may_not_signal(m: &mut Message, pid: i32, target: &Facts, c: &Creds) {
    m.because();
    belongs_to(m, pid, target, 2, "saved uid");
    callers_ids_refused(m, crate::sys::uids(), [target.uids[0], target.uids[2]], c.has_cap(CAP_KILL));
}

/// kill EPERM told from what the echo saw of the target (`Glimpse`): a process whose
/// /proc entry belongs to a user other than root is dumpable, and a dumpable process
/// has one uid for real, effective and saved unless it holds CAP_SETUID (exec makes a
/// process dumpable only when its real and effective ids agree, and a later change of
/// its effective uid makes it not dumpable).
/// `caller` is the caller's (real, effective, saved) uid.
pub fn may_not_signal_glimpsed(m: &mut Message, g: &Glimpse, caller: (u32, u32, u32), has_cap_kill: bool) {
    m.because();
    process_called(m, g.pid, g.name());
    m.text(" belongs to user ");
    ids::user(m, g.owner);
    callers_ids_refused(m, caller, [g.owner, g.owner], has_cap_kill);
}

/// EPERM of kill although the caller has CAP_KILL: the target, and what overrides it.
pub fn refused_despite_cap_kill(m: &mut Message, g: &Glimpse) {
    m.because();
    process_called(m, g.pid, g.name());
    m.text(" belongs to user ");
    ids::user(m, g.owner);
    lacks_cap(m, true, CAP_KILL, "would allow signalling any process whatever its owner");
}

/// `, and the caller's real user … is neither of its real and saved users`, then what
/// CAP_KILL would do; or that the ids match and something else refused.
fn callers_ids_refused(m: &mut Message, caller: (u32, u32, u32), target_real_saved: [u32; 2], has_cap_kill: bool) {
    let (ruid, euid, _) = caller;
    m.text(", and the caller's real user ");
    ids::user(m, ruid);
    if euid != ruid {
        m.text(" and effective user ");
        ids::user(m, euid);
    }
    if [ruid, euid].iter().any(|u| target_real_saved.contains(u)) {
        // The ids match: ownership is not what refused it.
        return m.text(" may signal it by the rules of ids; a security module (SELinux, AppArmor, seccomp) or the target's user namespace refused it");
    }
    m.text(if euid != ruid { " are" } else { " is" });
    m.text(" neither of its real and saved users");
    lacks_cap(m, has_cap_kill, CAP_KILL, "would allow signalling any process");
}

/// `, and the process does not have CAP_X, which …`; or that it has it, and something
/// else (a user namespace, a security module) refused.
pub fn lacks(m: &mut Message, c: &Creds, cap: u32, what: &str) {
    lacks_cap(m, c.has_cap(cap), cap, what)
}

/// `lacks`, given whether the process has the capability.
pub fn lacks_cap(m: &mut Message, has: bool, cap: u32, what: &str) {
    if has {
        m.text("; the process has the ");
        m.text(cap_name(cap));
        m.text(" capability, which ");
        m.text(what);
        m.text(", yet was refused: the target is in a user namespace the caller does not own, or a security module forbids it");
    } else {
        m.text(", and the process does not have the ");
        m.text(cap_name(cap));
        m.text(" capability, which ");
        m.text(what);
    }
}

/// EPERM of kill on a process group or -1: the first member it may not signal.
pub fn may_not_signal_member(m: &mut Message, member: Option<(i32, Facts)>, c: &Creds) {
    match member {
        Some((pid, f)) => may_not_signal(m, pid, &f, c),
        None => {
            m.because();
            m.text("the caller may not signal any of the target processes");
            lacks(m, c, CAP_KILL, "would allow signalling any process");
        }
    }
}

/// ptrace EPERM: who the tracee is and which rule refused.
pub fn may_not_trace(m: &mut Message, pid: i32, target: &Facts, c: &Creds, scope: Option<u64>, descendant: bool) {
    m.because();
    let me = crate::sys::getpid();
    if target.tracer != 0 && target.tracer != me {
        process(m, pid);
        m.text(" is already traced by ");
        process(m, target.tracer);
        return m.text(", and a process has one tracer at a time");
    }
    if pid == 1 {
        return m.text("process 1 (init) may not be traced");
    }
    let (ruid, euid, _) = crate::sys::uids();
    if target.uids.iter().any(|&u| u != ruid) && !c.has_cap(CAP_SYS_PTRACE) {
        process(m, pid);
        m.text(" belongs to user ");
        ids::user(m, target.uids[0]);
        m.text(" (real, effective and saved uids ");
        let _ = core::fmt::write(m, format_args!("{}, {}, {}", target.uids[0], target.uids[1], target.uids[2]));
        m.text("), which must all be the caller's real user ");
        ids::user(m, ruid);
        if euid != ruid {
            m.text(" (its effective user is ");
            ids::user(m, euid);
            m.text(")");
        }
        return lacks(m, c, CAP_SYS_PTRACE, "would allow tracing any process");
    }
    match scope {
        Some(1) if !descendant => {
            m.text("kernel.yama.ptrace_scope is 1: a process may trace only its own descendants, and ");
            process(m, pid);
            m.text(" is not one");
            lacks(m, c, CAP_SYS_PTRACE, "would lift that restriction");
        }
        Some(2) => {
            m.text("kernel.yama.ptrace_scope is 2: only a process with CAP_SYS_PTRACE may attach");
            lacks(m, c, CAP_SYS_PTRACE, "it requires");
        }
        Some(3) => m.text("kernel.yama.ptrace_scope is 3: no process may attach to another"),
        _ => {
            process(m, pid);
            m.text(" may not be traced by this process: it is not dumpable (a set-user-ID program, or prctl PR_SET_DUMPABLE 0), or a security module forbids it");
        }
    }
}

/// ptrace ESRCH for a request other than attaching: the tracee must be traced by the
/// caller and stopped.
pub fn not_our_tracee(m: &mut Message, pid: i32, target: &Facts) {
    m.because();
    process(m, pid);
    let me = crate::sys::getpid();
    if target.tracer == 0 {
        m.text(" is not being traced; a request other than PTRACE_ATTACH, PTRACE_SEIZE or PTRACE_TRACEME needs a tracee");
    } else if target.tracer != me {
        m.text(" is traced by ");
        process(m, target.tracer);
        m.text(", not by this process");
    } else {
        let _ = core::fmt::write(m, format_args!(" is traced by this process but is not stopped (state {}); most requests need a stopped tracee", target.state as char));
    }
}

/// nice/setpriority refusal to raise the priority: the nice value wanted against
/// RLIMIT_NICE and CAP_SYS_NICE.
pub fn priority_refused(m: &mut Message, current: Option<i32>, wanted: i32, c: &Creds) {
    m.because();
    let limit = crate::sys::rlimit(libc::RLIMIT_NICE as i32).ok().map(|l| l.0);
    let _ = core::fmt::write(m, format_args!("the nice value asked for is {wanted}"));
    if let Some(cur) = current {
        let _ = core::fmt::write(m, format_args!(" (it is {cur} now)"));
    }
    match limit {
        Some(0) => m.text(", and RLIMIT_NICE is 0, which allows no lowering of the nice value (no raising of the priority) at all"),
        Some(l) if l != u64::MAX => {
            let floor = 20 - l.min(40) as i32;
            let _ = core::fmt::write(m, format_args!(", and RLIMIT_NICE is {l}, which allows lowering the nice value down to {floor} only"));
        }
        _ => m.text(", and RLIMIT_NICE is unlimited"),
    }
    lacks(m, c, CAP_SYS_NICE, "would allow any nice value");
}

/// setpriority EPERM: a process of another user.
pub fn not_owner_of(m: &mut Message, pid: i32, target: &Facts, c: &Creds) {
    m.because();
    belongs_to(m, pid, target, 1, "effective user");
    m.text(", not to the caller's effective user ");
    ids::user(m, c.uid);
    lacks(m, c, CAP_SYS_NICE, "would allow changing any process's priority");
}

/// getpriority/setpriority ESRCH: nothing matched which and who.
pub fn no_match(m: &mut Message, which: i32, who: i32) {
    m.because();
    match which as u32 {
        libc::PRIO_USER => {
            m.text("no process belongs to user ");
            ids::user(m, who as u32);
        }
        libc::PRIO_PGRP => {
            let _ = core::fmt::write(m, format_args!("there is no process group {who}"));
        }
        _ => {
            let _ = core::fmt::write(m, format_args!("there is no process {who}"));
        }
    }
}

/// EINVAL: which is none of PRIO_PROCESS, PRIO_PGRP, PRIO_USER.
pub fn bad_which(m: &mut Message, which: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("which is {which}, none of PRIO_PROCESS ({}), PRIO_PGRP ({}) and PRIO_USER ({})", libc::PRIO_PROCESS, libc::PRIO_PGRP, libc::PRIO_USER));
}

/// setpgid EPERM: the process is a session leader.
pub fn session_leader(m: &mut Message, pid: i32) {
    m.because();
    process(m, pid);
    m.text(" is a session leader (its session id is its pid), and a session leader's process group cannot change");
}

/// setpgid EPERM: the group is in another session (its leader named).
pub fn group_in_other_session(m: &mut Message, pgid: i32, group_session: i32, own_session: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("process group {pgid} belongs to session {group_session}"));
    if crate::probe::process::facts(group_session).is_some() {
        m.text(" (led by ");
        process(m, group_session);
        m.text(")");
    }
    let _ = core::fmt::write(m, format_args!(", and the process is in session {own_session}: a process may join only a group of its own session"));
}

/// setpgid EPERM: the child is in another session.
pub fn child_in_other_session(m: &mut Message, pid: i32, session: i32, own: i32) {
    m.because();
    process(m, pid);
    let _ = core::fmt::write(m, format_args!(" is in session {session}, the caller in session {own}: a child that called setsid cannot be moved"));
}

/// setpgid ESRCH: pid is neither the caller nor one of its children.
pub fn not_self_or_child(m: &mut Message, pid: i32, target: Option<&Facts>) {
    m.because();
    match target {
        Some(f) => {
            process(m, pid);
            m.text(" is neither the caller nor its child: its parent is ");
            process(m, f.ppid);
        }
        None => {
            let _ = core::fmt::write(m, format_args!("there is no process {pid}, and setpgid changes only the caller or one of its children"));
        }
    }
}

/// setpgid EACCES: the child has run a new program.
pub fn child_has_execd(m: &mut Message, pid: i32) {
    m.because();
    process(m, pid);
    m.text(" is a child that has already called execve, after which its parent may no longer change its process group");
}

/// setsid EPERM: the caller leads a process group already.
pub fn already_group_leader(m: &mut Message, pid: i32, members: u64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the process ({pid}) is already the leader of process group {pid}, which has {members} member"));
    m.text(if members == 1 { "" } else { "s" });
    m.text("; a group leader may not start a session (fork first, and call setsid in the child)");
}
