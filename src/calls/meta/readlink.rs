//! readlink(2): ERRORS EACCES, EFAULT, EINVAL (data_size not positive, or not a symbolic
//! link), EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR.

use crate::decode::Text;
use crate::message::prose::fd::bad_output_buffer;
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::path;
use crate::message::Message;
use crate::probe::path::{is_link, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, data: usize, data_size: usize) {
    if errnum == libc::EINVAL && (data_size == 0 || data_size > isize::MAX as usize) {
        return lookup::size_not_positive(m, "data_size", data_size);
    }
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, false) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    // The kernel writes as much of the target as fits.
    let written = data_size.min(st.st_size.max(1) as usize);
    match errnum {
        libc::EINVAL if !is_link(&st) => lookup::wrong_type(m, found, &st, "a symbolic link"),
        libc::EFAULT if bad_output_buffer(m, "data", data, written) => {}
        _ => lookup::unexplained(m, errnum, Subject::Path(found), &st),
    }
}
