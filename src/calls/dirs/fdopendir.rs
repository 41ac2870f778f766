//! fdopendir(3): ERRORS EBADF, ENOMEM, ENOTDIR; glibc also gives EINVAL for a
//! descriptor open only for writing. The descriptor is named with its path and type.

use crate::decode::write_fd;
use crate::message::prose::{fd, generic};
use crate::message::Message;
use crate::probe::fd::facts;
use crate::probe::path::is_dir;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32) {
    let Some(f) = facts(fildes) else { return fd::bad_fd(m, "fildes", fildes, Some(libc::O_RDONLY)) };
    match (errnum, f.stat) {
        (libc::ENOTDIR, Some(st)) if !is_dir(&st) => {
            fd::not_a_directory(m, "fildes", fildes, &st);
            m.text(", and a directory stream reads only directories");
        }
        (libc::EINVAL | libc::EBADF, _) if f.flags & libc::O_ACCMODE == libc::O_WRONLY => {
            m.because();
            m.text("fildes ");
            write_fd(m, fildes as i64);
            m.text(" is open only for writing (O_WRONLY), and reading a directory needs it open for reading");
        }
        (libc::EBADF, _) => fd::bad_fd(m, "fildes", fildes, Some(libc::O_RDONLY)),
        _ => generic::meaning(m, errnum),
    }
}
