//! dup2(2): ERRORS EBADF (oldfd not open, or newfd outside 0 .. RLIMIT_NOFILE-1, with
//! the limit; EINVAL likewise), EBUSY (a race with open or dup), EINTR, EMFILE. dup2 closes newfd first
//! and loses that close's errors (EIO, ENOSPC, EDQUOT): said when one is reported.

use crate::message::prose::{fd, fdio, generic, limits};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, oldfd: i32, newfd: i32) {
    match errnum {
        libc::EBADF if probe::fd::facts(oldfd).is_none() => fd::bad_fd(m, "oldfd", oldfd, None),
        // oldfd is open: newfd against the limit, with both numbers, even when it fits
        // the limit now (the failing process may have had a lower one).
        libc::EBADF | libc::EINVAL => fdio::beyond_fd_limit(m, "newfd", newfd as i64, probe::limits::open_files_limit()),
        libc::EBUSY => fdio::dup2_busy(m, "newfd", newfd),
        libc::EINTR => fdio::dup2_interrupted(m, "newfd", newfd),
        libc::EMFILE => limits::too_many_open_files(m),
        libc::EIO | libc::ENOSPC | libc::EDQUOT => fdio::implicit_close(m, "newfd", newfd, probe::fd::kind(newfd)),
        _ => generic::meaning(m, errnum),
    }
}
