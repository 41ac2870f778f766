//! fdopen(3): ERRORS EINVAL (the mode is not one, or asks for access the descriptor was
//! not opened with), EBADF (fildes is not open), ENOMEM. The mode strings are fopen's.

use crate::decode::Text;
use crate::message::prose::{fd, generic, postmortem, stream};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, flags: &Text) {
    let Some(wanted) = super::fopen::mode_flags(m, errnum, "flags", flags) else { return };
    let facts = probe::fd::facts(fildes);
    match (errnum, facts) {
        (libc::EINVAL, Some(f)) if !allows(f.flags, wanted) => stream::fdopen_mismatch(m, fildes, f.flags, wanted),
        (libc::EBADF, _) | (_, None) => fd::bad_fd(m, "fildes", fildes, None),
        (libc::ENOMEM, _) => postmortem::unconfirmed(m, errnum, None),
        _ => generic::meaning(m, errnum),
    }
}

/// Whether a descriptor opened with `fd_flags` allows the access mode of `wanted`.
fn allows(fd_flags: i32, wanted: i32) -> bool {
    let have = fd_flags & libc::O_ACCMODE;
    have == libc::O_RDWR || have == wanted & libc::O_ACCMODE
}
