//! ptrace(2): ERRORS EBUSY, EFAULT, EINVAL, EIO, EPERM (the tracee's owner, an existing
//! tracer, kernel.yama.ptrace_scope, CAP_SYS_PTRACE, init), ESRCH (no such process, or
//! not traced by the caller, or not stopped).

use crate::message::prose::{generic, signals};
use crate::message::Message;
use crate::probe::process;

const ATTACHING: [i32; 3] = [libc::PTRACE_ATTACH as i32, libc::PTRACE_SEIZE as i32, libc::PTRACE_TRACEME as i32];

pub fn explain(m: &mut Message, errnum: i32, request: i32, pid: i32, addr: usize, _data: usize) {
    let c = m.creds();
    let target = if request == libc::PTRACE_TRACEME as i32 { crate::sys::process::parent() } else { pid };
    let facts = process::facts(target);
    match (errnum, facts) {
        (libc::EPERM, Some(f)) => {
            let me = crate::sys::getpid();
            let descendant = is_descendant(target, me);
            signals::may_not_trace(m, target, &f, &c, process::ptrace_scope(), descendant)
        }
        (libc::EPERM, None) | (libc::ESRCH, None) => signals::no_process(m, "pid", target, None),
        (libc::ESRCH, Some(f)) if f.zombie() => signals::no_process(m, "pid", target, Some(&f)),
        (libc::ESRCH, Some(f)) if !ATTACHING.contains(&request) => signals::not_our_tracee(m, target, &f),
        (libc::EIO | libc::EFAULT, _) => {
            m.because();
            let _ = core::fmt::write(m, format_args!("addr ({addr:#x}) is not an address of the tracee's memory or user area that this request may read or write"));
        }
        (libc::EINVAL, _) => {
            m.because();
            m.text("the request is not one this kernel knows, or its options hold unknown bits");
        }
        _ => generic::meaning(m, errnum),
    }
}

/// Whether `pid` descends from `ancestor` (Yama's ptrace_scope 1 allows those only).
fn is_descendant(mut pid: i32, ancestor: i32) -> bool {
    for _ in 0..64 {
        match process::facts(pid) {
            Some(f) if f.ppid == ancestor => return true,
            Some(f) if f.ppid > 1 => pid = f.ppid,
            _ => return false,
        }
    }
    false
}
