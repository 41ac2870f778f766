//! setpriority(2): ERRORS EACCES (a lower nice value beyond RLIMIT_NICE without
//! CAP_SYS_NICE), EINVAL (which), EPERM (a process of another user), ESRCH.

use crate::message::prose::{generic, signals};
use crate::message::Message;
use crate::probe::process;

pub fn explain(m: &mut Message, errnum: i32, which: i32, who: i32, prio: i32) {
    let c = m.creds();
    match errnum {
        libc::EINVAL => signals::bad_which(m, which),
        libc::ESRCH => signals::no_match(m, which, who),
        libc::EACCES => signals::priority_refused(m, crate::sys::process::nice_value(), prio.clamp(-20, 19), &c),
        libc::EPERM if which == libc::PRIO_PROCESS as i32 && who > 0 => match process::facts(who) {
            Some(f) => signals::not_owner_of(m, who, &f, &c),
            None => signals::no_match(m, which, who),
        },
        _ => generic::meaning(m, errnum),
    }
}
