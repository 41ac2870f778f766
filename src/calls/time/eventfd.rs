//! eventfd(2): ERRORS EINVAL (flags with bits it does not define), EMFILE (RLIMIT_NOFILE
//! with its value), ENFILE (the system's table), ENODEV, ENOMEM.

use crate::decode::clock::{EVENTFD_FLAGS, EVENTFD_SEMAPHORE};
use crate::message::prose::{clock, generic, limits};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, _initval: usize, flags: i32) {
    match errnum {
        libc::EINVAL => match unknown(flags) {
            0 => generic::meaning(m, errnum),
            bits => clock::unknown_flags(m, "flags", bits, EVENTFD_FLAGS, &[EVENTFD_SEMAPHORE.0]),
        },
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::ENODEV => anon_inodes(m),
        _ => generic::meaning(m, errnum),
    }
}

fn unknown(flags: i32) -> i64 {
    crate::decode::unknown_bits(flags as i64, EVENTFD_FLAGS) & !EVENTFD_SEMAPHORE.1
}

/// ENODEV of the calls whose descriptors live on the kernel's anonymous inode file
/// system (eventfd, signalfd, timerfd_create).
pub fn anon_inodes(m: &mut Message) {
    m.because();
    m.text("the kernel could not mount its internal anonymous inode file system (anon_inodefs), which these descriptors live on");
}
