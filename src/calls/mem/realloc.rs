//! realloc(3): ERRORS ENOMEM (the old block is left as it was).

use crate::message::prose::generic;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, _ptr: usize, size: usize) {
    match errnum {
        libc::ENOMEM => super::malloc::out_of_memory(m, "size", size as u64),
        _ => generic::meaning(m, errnum),
    }
}
