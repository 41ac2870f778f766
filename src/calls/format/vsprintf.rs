//! vsprintf(3): sprintf(3) with a va_list (fprintf.rs explains).

use super::fprintf::{output, Target};
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, data: usize, format: &Text, _ap: usize) {
    let mut slot = MaybeUninit::uninit();
    let args = super::vfprintf::without_arguments(&mut slot, format);
    output(m, errnum, Target::Buffer { data, size: None }, format, args);
}
