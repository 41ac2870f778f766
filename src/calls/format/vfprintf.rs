//! vfprintf(3): fprintf(3) with a va_list (fprintf.rs explains). The arguments are
//! read from the copy `_or_die` and `_on_error` take before the call; the explain
//! functions get the caller's va_list after the call used it, so only the format is
//! read then.

use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, format: &Text, ap: usize) {
    let mut slot = MaybeUninit::uninit();
    super::fprintf::explain(m, errnum, fp, format, Items::from_va_list(&mut slot, format, ap));
}
