//! openat(2): the ERRORS of open(2), resolved from the directory `fildes` refers to,
//! plus EBADF (pathname is relative and fildes is not open) and ENOTDIR (fildes is not
//! a directory); the path walk reports both as a bad directory descriptor.

use super::open::diagnose;
use crate::decode::Text;
use crate::message::prose::fd;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, pathname: &Text, flags: i32, mode: u32) {
    let relative = pathname.is_ok() && pathname.bytes().first() != Some(&b'/');
    // An absolute path never looks at fildes, so EBADF there is about something else.
    if errnum == libc::EBADF && relative && fildes != libc::AT_FDCWD && fildes < 0 {
        return fd::bad_fd(m, "fildes", fildes, None);
    }
    diagnose(m, errnum, Start::of(fildes), pathname, flags, mode);
}
