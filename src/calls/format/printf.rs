//! printf(3): fprintf(3) to stdout (fprintf.rs explains), the stream named `stdout`.

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, format: &Text, args: &Items) {
    output(m, errnum, Target::Stream(crate::sys::stream::stdout_addr(), ("stdout", "stdout's descriptor")), format, args);
}
