//! write(2): ERRORS EAGAIN (EWOULDBLOCK), EBADF, EDESTADDRREQ, EDQUOT, EFAULT, EFBIG,
//! EINTR, EINVAL, EIO, ENOSPC, EPERM, EPIPE; those shared with read(2) are in
//! `read::transfer`.

use super::read::transfer;
use crate::message::prose::{device, fs, generic, io};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::{FdFacts, Kind};

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize) {
    explain_at(m, errnum, fildes, data, data_size, None);
}

/// The same at `offset` (pwrite(2)), or at the descriptor's own position (None).
pub fn explain_at(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize, offset: Option<u64>) {
    let facts = probe::fd::facts(fildes);
    let kind = probe::fd::kind(fildes);
    match (errnum, &facts) {
        (libc::EPIPE, Some(_)) => {
            let suppressed = crate::sys::io::signal_state(libc::SIGPIPE).is_some_and(|(i, b)| i || b);
            io::no_reader(m, "fildes", fildes, kind.unwrap_or(Kind::Other), suppressed);
        }
        (libc::EDESTADDRREQ, Some(_)) => io::no_destination(m, "fildes", fildes),
        (libc::EFBIG, Some(f)) => {
            io::too_big(m, "fildes", fildes, probe::fd::position(fildes, f), probe::limits::file_size_limit(), data_size);
        }
        (libc::ENOSPC | libc::EDQUOT, Some(FdFacts { stat: Some(st), .. })) if device::is_device(st) => device::no_space(m, "fildes", fildes, st),
        (libc::ENOSPC | libc::EDQUOT, Some(FdFacts { stat: Some(st), .. })) => fs::file_system_of(m, errnum, st),
        (libc::EPERM, Some(_)) => match probe::fd::write_seals(fildes) {
            0 => generic::meaning(m, errnum),
            seals => io::sealed(m, "fildes", fildes, seals),
        },
        (libc::EIO, _) => match probe::io::background(fildes, libc::SIGTTOU) {
            Some(b) => io::background(m, "fildes", fildes, &b, true),
            None => transfer(m, errnum, fildes, data, data_size, offset, true),
        },
        _ => transfer(m, errnum, fildes, data, data_size, offset, true),
    }
}
