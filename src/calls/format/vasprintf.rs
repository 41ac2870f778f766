//! vasprintf(3): asprintf(3) with a va_list (fprintf.rs explains): ENOMEM gives the
//! size the format alone asks for.

use super::fprintf::{output, Target};
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, data: usize, format: &Text, _ap: usize) {
    let mut slot = MaybeUninit::uninit();
    let args = super::vfprintf::without_arguments(&mut slot, format);
    output(m, errnum, Target::Allocated { data }, format, args);
}
