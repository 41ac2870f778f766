//! asprintf(3): ENOMEM with the size of the text it had to allocate and the limit that
//! refused it; the rest as fprintf(3) (fprintf.rs).

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: usize, format: &Text, args: &Items) {
    output(m, errnum, Target::Allocated { data }, format, args);
}
