//! statfs(2): ERRORS EACCES, EFAULT, EINTR, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM,
//! ENOSYS, ENOTDIR, EOVERFLOW. `diagnose` is shared with fstatfs(2), statvfs(3) and
//! fstatvfs(3), which glibc builds on it.

use crate::decode::Text;
use crate::message::prose::fd::bad_output_buffer;
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::path;
use crate::message::Message;
use crate::probe::mounts::mount_of;
use crate::probe::path::Start;
use crate::sys::Stat;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, data: usize) {
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    let size = core::mem::size_of::<libc::statfs>();
    diagnose(m, errnum, Subject::Path(found), &st, data, size, "struct statfs");
}

/// The file was reached: the buffer (`size` bytes, a `structure`), then the file
/// system that holds the file, named with its type.
pub fn diagnose(m: &mut Message, errnum: i32, subject: Subject, st: &Stat, data: usize, size: usize, structure: &str) {
    let mnt = mount_of(st);
    match errnum {
        libc::EFAULT if bad_output_buffer(m, "data", data, size) => {}
        libc::EOVERFLOW => lookup::statfs_overflow(m, mnt.as_ref(), structure),
        libc::ENOSYS => lookup::fs_unsupported(m, mnt.as_ref(), "statfs(2)"),
        _ => lookup::unexplained(m, errnum, subject, st),
    }
}
