//! munmap(2): ERRORS EINVAL (an address not on a page boundary, a length of 0, a range
//! outside the process's address space).

use crate::message::prose::{generic, memory};
use crate::message::Message;
use crate::probe::vm;

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize) {
    let page = vm::page_size();
    match errnum {
        libc::EINVAL if data as u64 % page != 0 => memory::misaligned(m, "data", data as u64, page),
        libc::EINVAL if data_size == 0 => memory::zero_length(m, "data_size"),
        libc::EINVAL if !vm::mapped(data, data_size) => memory::nothing_mapped(m, "data", data),
        _ => generic::meaning(m, errnum),
    }
}
