//! stat(2): ERRORS EACCES, EFAULT, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR,
//! EOVERFLOW. `diagnose` is shared with lstat(2) and fstatat(2).

use crate::decode::Text;
use crate::message::prose::fd::bad_output_buffer;
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::path;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, data: usize) {
    diagnose(m, errnum, Start::Cwd, pathname, data, true);
}

/// EACCES, ELOOP, ENAMETOOLONG, ENOENT and ENOTDIR come from the walk; then the buffer
/// the kernel writes the result into, and the numbers that may not fit it.
pub fn diagnose(m: &mut Message, errnum: i32, start: Start, pathname: &Text, data: usize, follow: bool) {
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, start, follow) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    match errnum {
        libc::EFAULT if bad_output_buffer(m, "data", data, core::mem::size_of::<libc::stat>()) => {}
        libc::EOVERFLOW => lookup::stat_overflow(m, Subject::Path(found), &st),
        _ => lookup::unexplained(m, errnum, Subject::Path(found), &st),
    }
}
