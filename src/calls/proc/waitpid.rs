//! waitpid(2): ERRORS ECHILD (the pid is not a child, or the children are reaped by the
//! kernel because SIGCHLD is ignored or SA_NOCLDWAIT), EINTR, EINVAL (options), and
//! EFAULT (status). `diagnose` is shared with wait(2), wait3(2) and wait4(2).

use crate::decode::process::{WAIT_OPTIONS, WAIT_OPTIONS_MORE};
use crate::message::prose::{fd, generic, waiting};
use crate::message::Message;
use crate::probe::children::{reaping, Reaping};
use crate::probe::process;

pub fn explain(m: &mut Message, errnum: i32, pid: i32, status: usize, options: i32) {
    diagnose(m, errnum, pid, status, options, 0);
}

/// The wait family: `status` and `rusage` are written to, when not NULL.
pub fn diagnose(m: &mut Message, errnum: i32, pid: i32, status: usize, options: i32, rusage: usize) {
    match errnum {
        libc::ECHILD => no_child(m, pid),
        libc::EINVAL => {
            // WEXITED, WSTOPPED's other spelling and WNOWAIT are waitid's only.
            let known = WAIT_OPTIONS.iter().chain(WAIT_OPTIONS_MORE.iter().filter(|e| e.name.starts_with("__")));
            let unknown = known.fold(options as u32 as i64, |rest, e| rest & !e.value);
            if unknown != 0 {
                waiting::bad_options(m, options, unknown);
            } else {
                generic::meaning(m, errnum);
            }
        }
        libc::EINTR => waiting::interrupted(m),
        libc::EFAULT if status != 0 && !crate::sys::readable(status, 4) => fd::bad_pointer(m, "status", status, 4),
        libc::EFAULT if rusage != 0 && !crate::sys::readable(rusage, core::mem::size_of::<libc::rusage>()) => {
            fd::bad_pointer(m, "rusage", rusage, core::mem::size_of::<libc::rusage>())
        }
        _ => generic::meaning(m, errnum),
    }
}

fn no_child(m: &mut Message, pid: i32) {
    let how = reaping();
    if how != Reaping::Kept {
        return waiting::auto_reaped(m, how);
    }
    let me = crate::sys::getpid();
    match pid {
        p if p > 0 => waiting::not_our_child(m, p, process::facts(p).as_ref()),
        -1 => waiting::no_children(m, None, process::count(|f| f.ppid == me)),
        p => {
            let group = if p == 0 { crate::sys::io::getpgrp() } else { -p };
            waiting::no_children(m, Some(group), process::count(|f| f.ppid == me));
        }
    }
}
