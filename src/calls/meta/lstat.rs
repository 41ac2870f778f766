//! lstat(2): ERRORS as stat(2) (EACCES, EFAULT, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM,
//! ENOTDIR, EOVERFLOW), except that a final symbolic link is reported on, not followed.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, data: usize) {
    super::stat::diagnose(m, errnum, Start::Cwd, pathname, data, false);
}
