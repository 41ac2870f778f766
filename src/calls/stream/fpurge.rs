//! fpurge(3) (glibc's __fpurge): ERRORS EBADF, fp is not an open stream.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    super::fileno::stream_only(m, errnum, fp);
}
