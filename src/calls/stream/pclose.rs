//! pclose(3): ERRORS ECHILD (the child's status could not be had: SIGCHLD ignored,
//! another wait took it, or fp is not popen's), and EBADF for a stream that is not
//! one. `ended` is explain_pclose_success's account of a command that ran but did
//! not succeed.

use crate::message::prose::{generic, process, stream};
use crate::message::Message;
use crate::probe::children;
use crate::probe::stream::examine;

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    match errnum {
        // pclose has released the stream by now: its memory says nothing more.
        libc::ECHILD => process::child_reaped(m, children::reaping()),
        _ if stream::not_a_stream(m, "fp", &examine(fp)) => {}
        _ => generic::meaning(m, errnum),
    }
}

/// After `pclose(fp = …): success`: how the command ended, from its wait status.
pub fn ended(m: &mut Message, status: i32) {
    process::child_ended(m, children::child_end(status));
}
