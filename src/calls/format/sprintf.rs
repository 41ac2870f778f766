//! sprintf(3): EOVERFLOW, EILSEQ, EINVAL as fprintf(3) explains them (fprintf.rs), and
//! a `data` buffer the process cannot write.

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: usize, format: &Text, args: &Items) {
    output(m, errnum, Target::Buffer { data, size: None }, format, args);
}
