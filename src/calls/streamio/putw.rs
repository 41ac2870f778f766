//! putw(3): writes one int to the stream; fails as write(2) does (fread::transfer).

use crate::message::prose::position;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, _value: i32, fp: usize) {
    super::fread::transfer(m, errnum, fp, true, 0, core::mem::size_of::<libc::c_int>());
    position::word_io(m, false);
}
