//! setbuf(3): returns nothing; the errors of setvbuf(3) it is made of are those of its
//! stream (EBADF). `data` (NULL for unbuffered, else BUFSIZ bytes) cannot make it fail.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, _data: usize) {
    super::fileno::stream_only(m, errnum, fp);
}
