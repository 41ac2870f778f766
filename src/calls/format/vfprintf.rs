//! vfprintf(3): fprintf(3) with a va_list (fprintf.rs explains). The va_list itself is
//! not walked (only the C side could, once): the format alone gives the widest field.

use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, format: &Text, _ap: usize) {
    let mut slot = MaybeUninit::uninit();
    super::fprintf::explain(m, errnum, fp, format, without_arguments(&mut slot, format));
}

/// The format's own share of the output, for the v* forms.
pub fn without_arguments<'a>(slot: &'a mut MaybeUninit<Items>, format: &Text) -> &'a Items {
    Items::fetch_into(slot, format, 0, false)
}
