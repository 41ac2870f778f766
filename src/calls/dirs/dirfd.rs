//! dirfd(3): ERRORS EINVAL (not a valid directory stream) and ENOTSUP; glibc never
//! returns them for a live stream, so the stream itself is examined.
//! Explained as readdir(3) explains a stream that is not one.

use crate::calls::dirs::readdir;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, dir: usize) {
    readdir::diagnose(m, errnum, dir);
}
