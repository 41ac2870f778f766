//! The echo of iconv(3)'s `size_t *` arguments: the size they point at, in braces, as
//! libexplain prints them (`inbytesleft = { 4 }`), read without trusting the pointer.

use super::write_pointer;
use crate::message::Message;

/// `{ 4 }`; NULL; the address alone when it cannot be read.
pub fn write_size_ptr(m: &mut Message, p: i64) {
    match crate::sys::read_word(p as usize) {
        Some(n) => {
            m.text("{ ");
            m.unsigned(n as u64);
            m.text(" }");
        }
        None => write_pointer(m, p),
    }
}
