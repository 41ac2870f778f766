//! signalfd(2): ERRORS EBADF (fildes not open), EINVAL (fildes is not a signalfd: what
//! it is, with its path; or flags with bits it does not define), EFAULT (mask
//! unreadable), EMFILE, ENFILE, ENODEV, ENOMEM.

use crate::decode::clock::SIGNALFD_FLAGS;
use crate::message::prose::{clock, fd, generic, limits};
use crate::message::Message;
use crate::probe::clock as probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, mask: usize, flags: i32) {
    let unknown = crate::decode::unknown_bits(flags as i64, SIGNALFD_FLAGS);
    match errnum {
        libc::EBADF if fildes != -1 => fd::bad_fd(m, "fildes", fildes, None),
        libc::EINVAL if unknown != 0 => clock::unknown_flags(m, "flags", unknown, SIGNALFD_FLAGS, &[]),
        libc::EINVAL if fildes != -1 && crate::sys::fd_is_open(fildes) && !probe::is_signalfd(fildes) => clock::not_a_signalfd(m, fildes),
        libc::EINVAL if fildes < -1 || (fildes >= 0 && !crate::sys::fd_is_open(fildes)) => fd::bad_fd(m, "fildes", fildes, None),
        libc::EFAULT if probe::sigset(mask).is_none() => clock::unreadable(m, "mask", mask, 8),
        libc::EMFILE if fildes == -1 => limits::too_many_open_files(m),
        libc::ENFILE if fildes == -1 => limits::too_many_files_in_system(m),
        libc::ENODEV => super::eventfd::anon_inodes(m),
        _ => generic::meaning(m, errnum),
    }
}
