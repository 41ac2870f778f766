//! vprintf(3): vfprintf(3) to stdout (vfprintf.rs).

use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, format: &Text, ap: usize) {
    super::vfprintf::explain(m, errnum, crate::sys::stream::stdout_addr(), format, ap);
}
