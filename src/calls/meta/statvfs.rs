//! statvfs(3): ERRORS EACCES, EBADF, EFAULT, EINTR, EIO, ELOOP, ENAMETOOLONG, ENOENT,
//! ENOMEM, ENOSYS, ENOTDIR, EOVERFLOW: those of statfs(2), on which glibc builds it.

use crate::decode::Text;
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::path;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, data: usize) {
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    let size = core::mem::size_of::<libc::statvfs>();
    super::statfs::diagnose(m, errnum, Subject::Path(found), &st, data, size, "struct statvfs");
}
