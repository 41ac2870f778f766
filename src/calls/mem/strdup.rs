//! strdup(3): ERRORS ENOMEM (the string's length plus its NUL), and a NULL or
//! unreadable `data`.

use crate::decode::Text;
use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: &Text) {
    if !data.is_ok() {
        return fd::bad_pointer(m, "data", data.addr, 1);
    }
    match errnum {
        libc::ENOMEM => super::malloc::out_of_memory(m, "strlen(data) + 1", data.len as u64 + 1),
        _ => generic::meaning(m, errnum),
    }
}
