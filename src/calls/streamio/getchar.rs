//! getchar(3): getc on stdin; fails as read(2) does, diagnosed through stdin
//! (fread::transfer_as), which the message names as such.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, stdin: usize) {
    super::fread::transfer_as(m, errnum, ("stdin", "stdin's descriptor"), stdin, false, 0, 1);
}
