//! printf(3): fprintf(3) to stdout (see fprintf.rs).

use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, format: &Text, args: &Items) {
    super::fprintf::explain(m, errnum, crate::sys::stream::stdout_addr(), format, args);
}
