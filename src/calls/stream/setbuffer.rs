//! setbuffer(3): returns nothing; the errors of setvbuf(3) it is made of are those of
//! its stream (EBADF). Any `data` and `size` are accepted.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, _data: usize, _size: usize) {
    super::fileno::stream_only(m, errnum, fp);
}
