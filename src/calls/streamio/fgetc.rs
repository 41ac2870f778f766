//! fgetc(3): fails as read(2) does, diagnosed through the stream (fread::transfer).
//! Shared with getc(3).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    super::fread::transfer(m, errnum, fp, false, 0, 1);
}
