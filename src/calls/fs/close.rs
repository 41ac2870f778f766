//! close(2): ERRORS EBADF, EINTR, EIO, ENOSPC, EDQUOT.
//!
//! On Linux the descriptor is released even when close reports an error, so by the time
//! this explains the failure `fildes` is usually closed already: the errors that come
//! from writing (EIO, ENOSPC, EDQUOT) can name the file system only while it is open.

use crate::message::prose::{fd, fs, generic, io};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::EINTR => {
            io::close_interrupted(m, "fildes", fildes, probe::fd::kind(fildes));
            io::close_released(m);
        }
        libc::EIO | libc::ENOSPC | libc::EDQUOT => {
            match probe::fd::facts(fildes).and_then(|f| f.stat) {
                Some(st) if errnum == libc::EIO => io::device_error(m, "fildes", fildes, Some(&st)),
                Some(st) => fs::file_system_of(m, errnum, &st),
                None => generic::meaning(m, errnum),
            }
            io::deferred_write_error(m, errnum);
            io::close_released(m);
        }
        _ => generic::meaning(m, errnum),
    }
}
