//! fstatfs(2): ERRORS EBADF, EFAULT, EINTR, EIO, ENOMEM, ENOSYS, EOVERFLOW.

use crate::message::prose::fd::bad_fd;
use crate::message::prose::lookup::{self, Subject};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize) {
    let Some(st) = lookup::open_file(m, "fildes", fildes) else { return };
    if errnum == libc::EBADF {
        return bad_fd(m, "fildes", fildes, None);
    }
    let size = core::mem::size_of::<libc::statfs>();
    super::statfs::diagnose(m, errnum, Subject::Fd("fildes", fildes), &st, data, size, "struct statfs");
}
