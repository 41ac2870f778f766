//! fseeko(3): fseek(3) with an off_t offset; the same ERRORS, explained by fseek::seek.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, offset: i64, whence: i32) {
    super::fseek::seek(m, errnum, fp, offset, whence);
}
