//! strndup(3): ERRORS ENOMEM (at most data_size bytes of the string, plus a NUL), and a
//! NULL or unreadable `data`.

use crate::decode::Text;
use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: &Text, data_size: usize) {
    if !data.is_ok() {
        return fd::bad_pointer(m, "data", data.addr, 1);
    }
    match errnum {
        libc::ENOMEM => super::malloc::out_of_memory(m, "the copy", data.len.min(data_size) as u64 + 1),
        _ => generic::meaning(m, errnum),
    }
}
