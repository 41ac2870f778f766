//! kill(2): ERRORS EINVAL (not a signal), EPERM (the target's owner against the caller's
//! real and effective uid, and CAP_KILL), ESRCH (no such process or group: gone, never
//! there, or a zombie whose parent has not waited for it).

use crate::message::prose::{generic, signals};
use crate::message::Message;
use crate::probe::process;

pub fn explain(m: &mut Message, errnum: i32, pid: i32, sig: i32) {
    match errnum {
        libc::EINVAL => signals::bad_signal(m, sig),
        libc::ESRCH if pid > 0 => signals::no_process(m, "pid", pid, process::facts(pid).as_ref()),
        libc::ESRCH if pid == -1 => signals::nobody_to_signal(m),
        libc::ESRCH => signals::no_group(m, group(pid)),
        libc::EPERM if pid > 0 => {
            // The echo read the target's command line; the owner of that file is all
            // this needs when it is neither root (which a process that changed its ids
            // shows) nor one of the caller's ids (then the full ids are wanted), and
            // /proc/PID/status costs several times that read.
            let glimpse = m.glimpse_of(pid).filter(|g| g.owner != 0);
            let cap_kill = crate::sys::capabilities().unwrap_or(0) & (1 << signals::CAP_KILL) != 0;
            if let (true, Some(g)) = (cap_kill, &glimpse) {
                // CAP_KILL overrides the rules of ids: whose ids they are is beside the point.
                return signals::refused_despite_cap_kill(m, g);
            }
            let caller = crate::sys::uids();
            match glimpse.filter(|g| g.owner != caller.0 && g.owner != caller.1) {
                Some(g) => signals::may_not_signal_glimpsed(m, &g, caller, cap_kill),
                None => match process::facts(pid) {
                    Some(f) => signals::may_not_signal(m, pid, &f, &m.creds()),
                    None => signals::may_not_signal_member(m, None, &m.creds()),
                },
            }
        }
        libc::EPERM => {
            // The first member of the group (or of all processes) it may not signal.
            let g = group(pid);
            let (ruid, euid, _) = crate::sys::uids();
            let refused = process::find(|p, f| {
                (pid == -1 || f.pgrp == g) && p != 1 && ![ruid, euid].iter().any(|&u| u == f.uids[0] || u == f.uids[2])
            });
            signals::may_not_signal_member(m, refused, &m.creds());
        }
        _ => generic::meaning(m, errnum),
    }
}

/// The process group a pid of 0 or below names.
fn group(pid: i32) -> i32 {
    if pid == 0 {
        crate::sys::io::getpgrp()
    } else {
        pid.wrapping_neg()
    }
}
