//! Waiting for children (wait(2) and its forms) and creating them (fork(2), vfork(2)):
//! why there is no child to wait for, options the kernel does not know, a copy of the
//! process that did not fit in memory.

use super::signals::process;
use crate::message::Message;
use crate::probe::children::Reaping;
use crate::probe::process::Facts;

/// The children are reaped by the kernel as they end.
pub fn auto_reaped(m: &mut Message, how: Reaping) {
    m.because();
    match how {
        Reaping::SigchldIgnored => m.text(
            "the process ignores SIGCHLD (SIG_IGN), so the kernel discards each child as it ends, leaving no status to wait for, and wait returns ECHILD once none is left running; restore SIG_DFL to wait for children",
        ),
        _ => m.text(
            "the process handles SIGCHLD with SA_NOCLDWAIT, so the kernel discards each child as it ends, leaving no status to wait for",
        ),
    }
}

/// ECHILD for one pid: it is not a child of the caller (its real parent named), or no
/// such process exists.
pub fn not_our_child(m: &mut Message, pid: i32, target: Option<&Facts>) {
    m.because();
    match target {
        Some(f) if f.ppid == crate::sys::getpid() => {
            process(m, pid);
            m.text(" is a child of this process, but another thread started it and __WNOTHREAD was given, or its status was already collected");
        }
        Some(f) => {
            process(m, pid);
            m.text(" is not a child of this process: its parent is ");
            if f.ppid == 0 {
                m.text("the kernel (pid 0)");
            } else {
                process(m, f.ppid);
            }
            m.text("; only a process's parent can wait for it");
        }
        None => {
            let _ = core::fmt::write(m, format_args!("there is no process {pid}: it never existed, or it was a child whose status was already collected"));
        }
    }
}

/// ECHILD for "any child" (pid -1) or a group: how many children the caller has.
pub fn no_children(m: &mut Message, group: Option<i32>, children: u64) {
    m.because();
    match (group, children) {
        (_, 0) => m.text("the process has no child processes left to wait for: none was started, or every one has been waited for already"),
        (Some(g), n) => {
            let _ = core::fmt::write(m, format_args!("none of the process's {n} children is in process group {g}"));
        }
        (None, n) => {
            let _ = core::fmt::write(m, format_args!("the process has {n} children, yet none could be waited for: they were started by other threads (with __WNOTHREAD), or are clone children (without __WALL)"));
        }
    }
}

/// EINVAL: option bits the kernel does not know.
pub fn bad_options(m: &mut Message, options: i32, unknown: i64) {
    m.because();
    m.text("options (");
    crate::decode::write_wait_options(m, options as i64);
    m.text(") holds bits this call does not know (");
    let _ = core::fmt::write(m, format_args!("{:#X}", unknown));
    m.text("); it takes WNOHANG, WUNTRACED, WCONTINUED, __WNOTHREAD, __WCLONE and __WALL");
}

/// EINTR: a signal arrived while waiting.
pub fn interrupted(m: &mut Message) {
    m.because();
    m.text("a signal was caught while the process was waiting for a child and its handler returned without SA_RESTART; WNOHANG would not have blocked");
}

/// ENOMEM of fork: the copy of the process, with its size.
pub fn no_memory_for_copy(m: &mut Message, size: Option<(u64, u64)>, overcommit: Option<u64>) {
    m.because();
    m.text("the kernel could not allocate the new process's structures or commit a copy of this process's private memory");
    if let Some((virt, data)) = size {
        m.text(": the process's virtual size is ");
        super::memory::bytes(m, virt);
        m.text(", its data ");
        super::memory::bytes(m, data);
    }
    if overcommit == Some(2) {
        m.text("; the kernel does not overcommit (vm.overcommit_memory = 2), so the copy's writable memory must fit in CommitLimit; vfork or posix_spawn copy nothing");
    }
}

/// ENOMEM of fork after unshare(CLONE_NEWPID): the children's pid namespace lost its init.
pub fn child_namespace_without_init(m: &mut Message, inode: u64) {
    m.because();
    let _ = core::fmt::write(m, format_args!(
        "this process unshared a new pid namespace for its children (pid:[{inode}] in /proc/self/ns/pid_for_children), and the init of that namespace, the first child forked into it, has ended; once its init is gone the kernel creates no more processes in a namespace, so every fork from here fails: fork the init again from a fresh unshare, or keep the first child alive"
    ));
}
