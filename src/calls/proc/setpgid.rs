//! setpgid(2): ERRORS EACCES (the child has called execve), EINVAL (pgid negative),
//! EPERM (a session leader; another session's group or child, named), ESRCH (neither
//! the caller nor its child). `diagnose` is shared with setpgrp.

use crate::message::prose::{generic, signals};
use crate::message::Message;
use crate::probe::process;

pub fn explain(m: &mut Message, errnum: i32, pid: i32, pgid: i32) {
    diagnose(m, errnum, pid, pgid);
}

pub fn diagnose(m: &mut Message, errnum: i32, pid: i32, pgid: i32) {
    let me = crate::sys::getpid();
    let pid = if pid == 0 { me } else { pid };
    let pgid = if pgid == 0 { pid } else { pgid };
    let target = process::facts(pid);
    let own_session = crate::sys::process::session_of(0).unwrap_or(0);
    match errnum {
        libc::EINVAL => {
            m.because();
            let _ = core::fmt::write(m, format_args!("pgid is {pgid}; a process group id is a pid, never negative"));
        }
        libc::ESRCH => signals::not_self_or_child(m, pid, target.as_ref()),
        libc::EACCES => signals::child_has_execd(m, pid),
        libc::EPERM => match target {
            Some(f) if f.session == pid => signals::session_leader(m, pid),
            Some(f) if f.session != own_session => signals::child_in_other_session(m, pid, f.session, own_session),
            _ => match process::find(|_, f| f.pgrp == pgid) {
                Some((_, f)) if f.session != own_session => signals::group_in_other_session(m, pgid, f.session, own_session),
                Some(_) => generic::meaning(m, errnum),
                None => {
                    m.because();
                    let _ = core::fmt::write(m, format_args!("there is no process group {pgid} to join, and a new group must have the process's own pid ({pid}) as its id"));
                }
            },
        },
        _ => generic::meaning(m, errnum),
    }
}
