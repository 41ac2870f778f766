//! vasprintf(3): asprintf(3) with a va_list (fprintf.rs explains): ENOMEM gives the
//! size the text needs (counted from the format alone where the arguments cannot be
//! read again: see vfprintf.rs).

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, data: usize, format: &Text, ap: usize) {
    let mut slot = MaybeUninit::uninit();
    let args = Items::from_va_list(&mut slot, format, ap);
    output(m, errnum, Target::Allocated { data }, format, args);
}
