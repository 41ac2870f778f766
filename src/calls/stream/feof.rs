//! feof(3): the man page names no errors, yet libexplain's feof_on_error treats a negative
//! result as one; the stream is all there is to diagnose (fileno's `stream_only`).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    super::fileno::stream_only(m, errnum, fp);
}
