//! nice(2): ERRORS EPERM (a negative inc beyond RLIMIT_NICE without CAP_SYS_NICE).

use crate::message::prose::{generic, signals};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, inc: i32) {
    match errnum {
        libc::EPERM | libc::EACCES => {
            let current = crate::sys::process::nice_value();
            let wanted = current.unwrap_or(0).saturating_add(inc).clamp(-20, 19);
            signals::priority_refused(m, current, wanted, &m.creds());
        }
        _ => generic::meaning(m, errnum),
    }
}
