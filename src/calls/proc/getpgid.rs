//! getpgid(2): ERRORS ESRCH (no such process), EPERM (a process of another session, on
//! systems that refuse it).

use crate::message::prose::{generic, signals};
use crate::message::Message;
use crate::probe::process;

pub fn explain(m: &mut Message, errnum: i32, pid: i32) {
    match errnum {
        libc::ESRCH => signals::no_process(m, "pid", pid, process::facts(pid).as_ref()),
        _ => generic::meaning(m, errnum),
    }
}
