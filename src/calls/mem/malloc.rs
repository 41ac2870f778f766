//! malloc(3): ERRORS ENOMEM. The explanation says which limit refused the request
//! (RLIMIT_AS, RLIMIT_DATA, the overcommit policy) with its value, and is written
//! without the heap, which the process may no longer have.

use crate::message::prose::{generic, memory};
use crate::message::Message;
use crate::probe::vm;

pub fn explain(m: &mut Message, errnum: i32, size: usize) {
    match errnum {
        libc::ENOMEM => out_of_memory(m, "size", size as u64),
        _ => generic::meaning(m, errnum),
    }
}

/// ENOMEM for `request` bytes, shared by the allocation calls of this family.
pub fn out_of_memory(m: &mut Message, arg: &str, request: u64) {
    let mem = vm::memory();
    memory::out_of_memory(m, arg, request, &mem, vm::culprit(&mem, request));
}
