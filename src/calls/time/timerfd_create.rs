//! timerfd_create(2): ERRORS EINVAL (a clock a timer cannot use, by name, with the
//! clocks it can; flags with bits it does not define), EPERM (an alarm clock without
//! CAP_WAKE_ALARM), EMFILE, ENFILE, ENODEV, ENOMEM.

use crate::decode::clock::TIMERFD_FLAGS;
use crate::message::prose::{clock, generic, limits};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, clockid: i32, flags: i32) {
    let unknown = crate::decode::unknown_bits(flags as i64, TIMERFD_FLAGS);
    match errnum {
        libc::EINVAL if !probe::timer_clock(clockid) => clock::bad_timer_clock(m, clockid, probe::clock_exists(clockid)),
        libc::EINVAL if unknown != 0 => clock::unknown_flags(m, "flags", unknown, TIMERFD_FLAGS, &[]),
        libc::EPERM if probe::is_alarm_clock(clockid) => clock::needs_capability(
            m,
            "a timer on an alarm clock (which wakes the system from suspend)",
            "CAP_WAKE_ALARM",
            probe::has_capability(probe::CAP_WAKE_ALARM),
            probe::in_initial_user_namespace(),
        ),
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::ENODEV => super::eventfd::anon_inodes(m),
        _ => generic::meaning(m, errnum),
    }
}
