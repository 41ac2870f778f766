//! Child processes: the shell popen(3) runs, why a process could not be created, a
//! child that was reaped before pclose(3) could wait for it, and how a child ended,
//! told the way a shell user reads `$?`.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::children::{ChildEnd, ForkLimits, Reaping};

/// The shell popen runs, appended after a diagnosis.
pub fn shell_runs(m: &mut Message, command: &Text) {
    m.text("; popen runs the command as /bin/sh -c ");
    m.quoted_text(command);
    m.text(" in a new process, joined to the caller by a pipe");
}

/// popen's command is not a string it can hand to the shell.
pub fn no_command(m: &mut Message, command: &Text) {
    m.because();
    if command.addr == 0 {
        m.text("command is the NULL pointer: popen needs the text of a shell command");
    } else {
        m.text("command does not point to memory the process may read, so there is no shell command to run");
    }
}

/// EAGAIN of fork: which limit stopped the new process, with the numbers.
pub fn fork_refused(m: &mut Message, f: &ForkLimits) {
    m.because();
    m.text("a new process could not be created");
    // A cgroup at its pids.max is named first: it is the limit that was hit.
    let cgroup_hit = f.cgroup_pids.as_ref().filter(|c| c.max != u64::MAX && c.current >= c.max);
    if let Some(c) = cgroup_hit {
        m.text(": the cgroup ");
        m.quoted(c.dir.as_bytes());
        let _ = core::fmt::write(m, format_args!(" has {} processes (pids.current) of the {} it allows (pids.max), which is reached", c.current, c.max));
    }
    let lead = if cgroup_hit.is_some() { "; the real user " } else { ": the real user " };
    let user = crate::probe::users::user_name(f.uid);
    match (f.nproc, f.user_tasks) {
        (Some((soft, _)), Some(n)) if soft != u64::MAX && n >= soft && !f.exempt => {
            m.text(lead);
            write_user(m, f.uid, user.as_ref().map(|u| u.as_bytes()));
            let _ = core::fmt::write(m, format_args!(" already has {n} processes (threads counted), and its limit RLIMIT_NPROC is {soft}"));
            return;
        }
        (Some((soft, _)), n) if soft != u64::MAX => {
            m.text(lead);
            write_user(m, f.uid, user.as_ref().map(|u| u.as_bytes()));
            let _ = core::fmt::write(m, format_args!(" may have {soft} processes (RLIMIT_NPROC)"));
            if let Some(n) = n {
                let _ = core::fmt::write(m, format_args!(" and has {n} at present (threads counted)"));
            }
            if f.exempt {
                m.text(", a limit that does not bind it (root, CAP_SYS_RESOURCE or CAP_SYS_ADMIN)");
            }
        }
        (_, n) => {
            m.text(lead);
            write_user(m, f.uid, user.as_ref().map(|u| u.as_bytes()));
            m.text(" has no limit on its processes (RLIMIT_NPROC is unlimited)");
            if let Some(n) = n {
                let _ = core::fmt::write(m, format_args!(" and has {n} at present (threads counted)"));
            }
        }
    }
    if let (Some(total), Some(max)) = (f.system_tasks, f.threads_max) {
        let _ = core::fmt::write(m, format_args!("; the system has {total} threads of its limit of {max} (/proc/sys/kernel/threads-max)"));
        if total >= max {
            m.text(", which is reached");
        }
    }
    // The cgroup's pids controller and the pid space.
    match &f.cgroup_pids {
        Some(_) if cgroup_hit.is_some() => {}
        Some(c) if c.max != u64::MAX => {
            m.text("; the cgroup ");
            m.quoted(c.dir.as_bytes());
            let _ = core::fmt::write(m, format_args!(" has {} processes (pids.current) of the {} it allows (pids.max)", c.current, c.max));
            if c.current >= c.max {
                m.text(", which is reached");
            }
        }
        Some(c) => {
            m.text("; the process's cgroup ");
            m.quoted(c.dir.as_bytes());
            m.text(" sets no pids.max");
        }
        None => m.text("; a cgroup's pids.max can also refuse it"),
    }
    if let (Some(total), Some(max)) = (f.system_tasks, f.pid_max) {
        if total + 1 >= max {
            let _ = core::fmt::write(m, format_args!("; the {total} threads of the system use up the pids below {max} (/proc/sys/kernel/pid_max)"));
        }
    }
    if cgroup_hit.is_some() {
        m.text("; raise the cgroup's pids.max or end some of its processes");
    }
}

/// popen's ENOMEM: glibc reports any failure to start the process so.
pub fn spawn_failed(m: &mut Message, f: &ForkLimits) {
    m.text("; glibc's popen also answers ENOMEM when the new process could not be started for any reason");
    fork_refused(m, f);
}

fn write_user(m: &mut Message, uid: u32, name: Option<&[u8]>) {
    if let Some(name) = name {
        m.raw(name);
        m.text(" ");
    }
    let _ = core::fmt::write(m, format_args!("(uid {uid})"));
}

/// ECHILD of pclose: the child is gone, and why the kernel did not keep it.
pub fn child_reaped(m: &mut Message, how: Reaping) {
    m.because();
    m.text("pclose could not collect the command's exit status: ");
    match how {
        Reaping::SigchldIgnored => m.text(
            "the process ignores SIGCHLD (SIG_IGN), so the kernel discards each child as it ends, and there is no status left to wait for; restore the default disposition (SIG_DFL) around popen and pclose",
        ),
        Reaping::NoCldWait => m.text(
            "the process handles SIGCHLD with SA_NOCLDWAIT, so the kernel discards each child as it ends, and there is no status left to wait for",
        ),
        Reaping::Kept => m.text(
            "its process was already reaped by another wait in this process (a waitpid(-1) or wait loop, or a SIGCHLD handler that waits), or fp was not opened by popen",
        ),
    }
}

/// explain_pclose_success: the command ran, and ended other than with status 0.
pub fn child_ended(m: &mut Message, end: ChildEnd) {
    match end {
        ChildEnd::Exited(code) => {
            let _ = core::fmt::write(m, format_args!(", but the command exited with status {code} (a shell would show $? = {code})"));
            match code {
                127 => m.text(": the shell's status for a command not found"),
                126 => m.text(": the shell's status for a command found but not executable"),
                _ => {}
            }
        }
        ChildEnd::Signaled { sig, core } => {
            m.text(", but the command was killed by signal ");
            match crate::decode::signal(sig) {
                Some(e) => {
                    m.text(e.name);
                    let _ = core::fmt::write(m, format_args!(" ({sig}, {})", e.text));
                }
                None => m.number(sig as i64),
            }
            if core {
                m.text(", and dumped core");
            }
            let _ = core::fmt::write(m, format_args!(" (a shell would show $? = {})", 128 + sig));
        }
        ChildEnd::Stopped(sig) => {
            let _ = core::fmt::write(m, format_args!(", but the command was stopped by signal {sig}"));
        }
        ChildEnd::Other(status) => {
            let _ = core::fmt::write(m, format_args!(", but the command's wait status is {status:#x}, which is neither an exit nor a signal"));
        }
    }
}
