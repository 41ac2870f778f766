//! calloc(3): ERRORS ENOMEM, including a `nmemb * size` that overflows size_t.

use crate::message::prose::{generic, memory};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, nmemb: usize, size: usize) {
    match (errnum, nmemb.checked_mul(size)) {
        (libc::ENOMEM, None) => memory::product_overflows(m, nmemb, size),
        (libc::ENOMEM, Some(total)) => super::malloc::out_of_memory(m, "nmemb * size", total as u64),
        _ => generic::meaning(m, errnum),
    }
}
