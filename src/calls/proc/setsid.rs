//! setsid(2): ERRORS EPERM (the caller already leads a process group, or another
//! process has its pid as its group id).

use crate::message::prose::{generic, signals};
use crate::message::Message;
use crate::probe::process;

pub fn explain(m: &mut Message, errnum: i32) {
    match errnum {
        libc::EPERM => {
            let me = crate::sys::getpid();
            let members = process::count(|f| f.pgrp == me);
            signals::already_group_leader(m, me, members.max(1));
        }
        _ => generic::meaning(m, errnum),
    }
}
