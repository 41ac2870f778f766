//! vprintf(3): vfprintf(3) to stdout (fprintf.rs explains), the stream named `stdout`.

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, format: &Text, ap: usize) {
    let mut slot = MaybeUninit::uninit();
    let args = Items::from_va_list(&mut slot, format, ap);
    output(m, errnum, Target::Stream(crate::sys::stream::stdout_addr(), ("stdout", "stdout's descriptor")), format, args);
}
