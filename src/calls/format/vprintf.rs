//! vprintf(3): vfprintf(3) to stdout (fprintf.rs explains), the stream named `stdout`.

use super::fprintf::{output, Target};
use crate::decode::Text;
use crate::message::Message;
use core::mem::MaybeUninit;

pub fn explain(m: &mut Message, errnum: i32, format: &Text, _ap: usize) {
    let mut slot = MaybeUninit::uninit();
    let args = super::vfprintf::without_arguments(&mut slot, format);
    output(m, errnum, Target::Stream(crate::sys::stream::stdout_addr(), "stdout"), format, args);
}
