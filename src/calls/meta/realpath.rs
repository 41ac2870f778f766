//! realpath(3): ERRORS EACCES, EINVAL (pathname NULL), EIO, ELOOP, ENAMETOOLONG, ENOENT,
//! ENOMEM, ENOTDIR. Every symbolic link is followed, the last one too.

use crate::decode::Text;
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::path;
use crate::message::Message;
use crate::probe::path::{Start, PATH_MAX};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, resolved_pathname: usize) {
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    match errnum {
        libc::ENOMEM if resolved_pathname == 0 => lookup::result_allocation_failed(m, "resolved_pathname", PATH_MAX),
        libc::ENAMETOOLONG if lookup::resolved_too_long(m, found) => {}
        _ => lookup::unexplained(m, errnum, Subject::Path(found), &st),
    }
}
