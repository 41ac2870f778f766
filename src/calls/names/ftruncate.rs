//! ftruncate(2): ERRORS EBADF, EBADF or EINVAL (not open for writing; Linux gives
//! EINVAL), EFBIG, EINTR, EINVAL (negative length; not a regular file or POSIX shared
//! memory), EIO, EPERM (append-only file, seals, a file system that cannot extend files).

use crate::message::prose::{fd, generic, io, names};
use crate::message::Message;
use crate::probe::fd::{facts, kind, Kind};
use crate::probe::limits::file_size_limit;
use crate::probe::mounts::mount_of;
use crate::probe::names::{fd_append_only, max_file_size};

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, length: i64) {
    if errnum == libc::EINVAL && length < 0 {
        return names::negative_length(m, length);
    }
    let Some(f) = facts(fildes) else {
        return fd::bad_fd(m, "fildes", fildes, None);
    };
    let writable = f.flags & libc::O_PATH == 0 && f.flags & libc::O_ACCMODE != libc::O_RDONLY;
    match errnum {
        libc::EBADF | libc::EINVAL if !writable => {
            fd::bad_fd(m, "fildes", fildes, Some(libc::O_WRONLY));
            names::needs_writing(m);
        }
        libc::EINVAL => match kind(fildes) {
            Some(k) if k != Kind::File => {
                m.because();
                io::is_a(m, "fildes", fildes, k);
                m.text(", and only regular files and POSIX shared memory objects can be truncated");
            }
            _ => generic::meaning(m, errnum),
        },
        libc::EFBIG => {
            let mnt = f.stat.as_ref().and_then(mount_of);
            let max = mnt.as_ref().and_then(|mt| max_file_size(mt).map(|x| (x, mt)));
            names::too_big(m, length, file_size_limit(), max);
        }
        libc::EPERM => {
            let size = f.stat.map_or(0, |st| st.st_size);
            let seals = crate::probe::fd::write_seals(fildes);
            let wanted = if length > size { libc::F_SEAL_GROW } else { libc::F_SEAL_SHRINK };
            if seals & wanted != 0 {
                names::size_sealed(m, fildes, wanted, size, length);
            } else if fd_append_only(fildes) {
                names::fd_is_append_only(m, fildes);
            } else {
                generic::meaning(m, errnum);
            }
        }
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, Some(libc::O_WRONLY)),
        _ => generic::meaning(m, errnum),
    }
}
