//! fsync(2): ERRORS EBADF, EINTR, EIO (a write-back error, naming the mount and device),
//! ENOSPC and EDQUOT (how full the file system is), EROFS and EINVAL (an object that
//! cannot be synchronized: pipe, socket, FIFO, character device…).

use crate::message::prose::{fd, fdio, fs, generic, io};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::Kind;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32) {
    let kind = probe::fd::kind(fildes);
    let stat = probe::fd::facts(fildes).and_then(|f| f.stat);
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::EINTR => io::interrupted(m, "fildes", fildes, kind),
        libc::EIO => {
            io::device_error(m, "fildes", fildes, stat.as_ref());
            fdio::sync_deferred(m);
        }
        libc::ENOSPC | libc::EDQUOT => match stat {
            Some(st) => {
                fs::file_system_of(m, errnum, &st);
                fdio::sync_deferred(m);
            }
            None => generic::meaning(m, errnum),
        },
        libc::EROFS | libc::EINVAL => match kind {
            Some(k) if !matches!(k, Kind::File | Kind::Directory | Kind::BlockDevice) => fdio::cannot_sync(m, "fildes", fildes, k),
            Some(_) if errnum == libc::EROFS => match stat {
                Some(st) => fs::file_system_of(m, errnum, &st),
                None => generic::meaning(m, errnum),
            },
            _ => generic::meaning(m, errnum),
        },
        _ => generic::meaning(m, errnum),
    }
}
