//! lchmod (glibc; fchmodat(2) with AT_SYMLINK_NOFOLLOW): chmod(2)'s ERRORS without
//! following a final symbolic link, and EOPNOTSUPP when pathname names one.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, _mode: u32) {
    super::chmod::diagnose(m, errnum, "pathname", Target::Path { start: Start::Cwd, path: pathname, follow: false });
}
