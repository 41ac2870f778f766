//! fputc(3): fails as write(2) does, diagnosed through the stream (fread::transfer).
//! Shared with putc(3) and putchar(3).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, _c: i32, fp: usize) {
    super::fread::transfer(m, errnum, fp, true, 0, 1);
}
