//! telldir(3): ERRORS EBADF, an invalid directory stream.
//! Explained as readdir(3) explains a stream that is not one.

use crate::calls::dirs::readdir;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, dir: usize) {
    readdir::diagnose(m, errnum, dir);
}
