//! fchdir(2): ERRORS EACCES, EBADF, ENOTDIR (and EIO, ENOMEM as chdir). The descriptor
//! is named with its path and type.

use crate::decode::write_fd;
use crate::message::prose::{access, fd, generic};
use crate::message::Message;
use crate::probe::creds::SEARCH;
use crate::probe::fd::facts;
use crate::probe::path::is_dir;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32) {
    if errnum == libc::EBADF {
        return fd::bad_fd(m, "fildes", fildes, None);
    }
    match (errnum, facts(fildes).and_then(|f| f.stat)) {
        (libc::ENOTDIR, Some(st)) if !is_dir(&st) => fd::not_a_directory(m, "fildes", fildes, &st),
        (libc::EACCES, Some(st)) => {
            let creds = m.creds();
            access::refusal(m, &st, SEARCH, &creds, |m| {
                m.text("the directory fildes ");
                write_fd(m, fildes as i64);
            });
            m.text(", which making it the current directory needs");
        }
        _ => generic::meaning(m, errnum),
    }
}
