//! fork(2): ERRORS EAGAIN (RLIMIT_NPROC, kernel.threads-max, kernel.pid_max, the
//! cgroup's pids.max: the one reached is named), ENOMEM (with the process's size, or
//! the init of the children's pid namespace gone),
//! ENOSYS, ERESTARTNOINTR. `diagnose` is shared with vfork(2) and system(3).

use crate::message::prose::{generic, process, waiting};
use crate::message::Message;
use crate::probe::{children, vm};

pub fn explain(m: &mut Message, errnum: i32) {
    diagnose(m, errnum);
}

pub fn diagnose(m: &mut Message, errnum: i32) {
    match errnum {
        libc::EAGAIN => process::fork_refused(m, &children::fork_limits()),
        libc::ENOMEM => match children::child_pid_namespace() {
            Some(ns) if ns.init.is_none() => waiting::child_namespace_without_init(m, ns.inode),
            _ => waiting::no_memory_for_copy(m, vm::process_size(), vm::proc_number(b"/proc/sys/vm/overcommit_memory")),
        },
        _ => generic::meaning(m, errnum),
    }
}
