//! Postmortems the present state cannot confirm: the `explain` command runs after the
//! failure, in another process, often as another user, and the descriptor or the path
//! may have changed since. The errno it is given is explained all the same, as
//! specifically as the call and what is still known allow; the present state that
//! points elsewhere is said after it, as a note (see `Message::contradicts`).

use super::{generic, limits, lookup};
use crate::message::Message;
use crate::sys::Stat;

/// `errnum`'s own diagnosis, when the state that would confirm it is gone. `st` is a
/// file or directory still known (the deepest directory a walk reached): its file
/// system is the one that is full or read-only, or whose device failed.
pub fn unconfirmed(m: &mut Message, errnum: i32, st: Option<&Stat>) {
    match (errnum, st) {
        (libc::ENOSPC | libc::EDQUOT | libc::EROFS, Some(st)) => super::fs::file_system_of(m, errnum, st),
        (libc::EIO, Some(st)) => lookup::io_error(m, st),
        (libc::EMFILE, _) => limits::too_many_open_files(m),
        (libc::ENFILE, _) => limits::too_many_files_in_system(m),
        (libc::ENOMEM, _) => {
            m.because();
            m.text("the kernel could not allocate the memory this call needed (for its own bookkeeping, or pages of the process)");
            if let Some(limit) = crate::probe::limits::address_space_limit() {
                let _ = core::fmt::write(m, format_args!("; the process's address space is limited to {limit} bytes (RLIMIT_AS)"));
            }
        }
        _ => generic::meaning(m, errnum),
    }
}
