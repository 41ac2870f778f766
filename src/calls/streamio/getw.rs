//! getw(3): reads one int from the stream; fails as read(2) does (fread::transfer),
//! and the message says what a word is and why EOF alone tells nothing.

use crate::message::prose::position;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    super::fread::transfer(m, errnum, fp, false, 0, core::mem::size_of::<libc::c_int>());
    position::word_io(m, true);
}
