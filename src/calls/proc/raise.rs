//! raise(3): ERRORS EINVAL (not a signal); the caller signals itself, so EPERM and
//! ESRCH can come only from a security module or a thread that is gone.

use crate::message::prose::{generic, signals};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, sig: i32) {
    match errnum {
        libc::EINVAL => signals::bad_signal(m, sig),
        libc::EPERM => {
            m.because();
            m.text("a process may always signal itself, so a security module (seccomp, SELinux, AppArmor) refused it");
        }
        _ => generic::meaning(m, errnum),
    }
}
