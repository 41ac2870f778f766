//! iconv_close(3): EBADF (POSIX) for a descriptor that is not one: the (iconv_t) -1 of
//! a failed iconv_open, NULL, unreadable memory, or memory that is not a descriptor.

use crate::message::prose::{charset, generic};
use crate::message::Message;
use crate::probe::iconv;

pub fn explain(m: &mut Message, errnum: i32, cd: usize) {
    match errnum {
        libc::EBADF => charset::descriptor(m, cd, &iconv::descriptor(cd)),
        _ => generic::meaning(m, errnum),
    }
}
