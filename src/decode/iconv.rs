//! The echo of iconv(3)'s `size_t *` arguments: the size they point at, in braces, as
//! libexplain prints them (`inbytesleft = { 4 }`), read without trusting the pointer.

use super::write_pointer;
use crate::message::Message;

/// `{ 4 }`; NULL; the address alone when it cannot be read.
pub fn write_size_ptr(m: &mut Message, p: i64) {
    match read_size(p as usize) {
        Some(n) => {
            m.text("{ ");
            m.unsigned(n as u64);
            m.text(" }");
        }
        None => write_pointer(m, p),
    }
}

/// The size_t at `addr`, when that memory can be read.
pub fn read_size(addr: usize) -> Option<usize> {
    let mut b = [0u8; core::mem::size_of::<usize>()];
    (crate::sys::read_memory(addr, &mut b) == b.len()).then(|| usize::from_ne_bytes(b))
}

/// The pointer (a `char *`) at `addr`, when that memory can be read.
pub fn read_pointer(addr: usize) -> Option<usize> {
    read_size(addr)
}
