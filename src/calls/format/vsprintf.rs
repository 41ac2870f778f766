//! vsprintf(3): sprintf(3) with a va_list (fprintf.rs explains).

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, data: usize, format: &Text, ap: usize) {
    let mut slot = MaybeUninit::uninit();
    let args = Items::from_va_list(&mut slot, format, ap);
    output(m, errnum, Target::Buffer { data, size: None }, format, args);
}
