//! system(3): ERRORS those of fork(2) (EAGAIN, ENOMEM: the new process could not be
//! made) and ECHILD (the shell's status was reaped by the kernel: SIGCHLD ignored).
//! `ended` is explain_system_success's account of a command that ran but did not exit
//! with status 0.

use crate::decode::{Text, TextState};
use crate::message::prose::{generic, process, programs, waiting};
use crate::message::Message;
use crate::probe::children;

pub fn explain(m: &mut Message, errnum: i32, command: &Text) {
    match errnum {
        libc::EAGAIN | libc::ENOMEM => super::fork::diagnose(m, errnum),
        libc::ECHILD => match children::reaping() {
            children::Reaping::Kept => generic::meaning(m, errnum),
            how => waiting::auto_reaped(m, how),
        },
        libc::ENOENT | libc::EACCES if command.state == TextState::Null => programs::shell_missing(m),
        _ => generic::meaning(m, errnum),
    }
}

/// After `system(command = …): success`: how the command ended, from its wait status.
pub fn ended(m: &mut Message, status: i32) {
    process::child_ended(m, children::child_end(status));
}
