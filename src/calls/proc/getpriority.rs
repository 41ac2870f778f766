//! getpriority(2): ERRORS EINVAL (which), ESRCH (no process matched which and who).

use crate::message::prose::{generic, signals};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, which: i32, who: i32) {
    match errnum {
        libc::EINVAL => signals::bad_which(m, which),
        libc::ESRCH => signals::no_match(m, which, who),
        _ => generic::meaning(m, errnum),
    }
}
