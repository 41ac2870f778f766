//! snprintf(3): as sprintf(3) (fprintf.rs explains), into `data_size` bytes at most.

use super::fprintf::{output, Target};
use crate::decode::format::Items;
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize, format: &Text, args: &Items) {
    output(m, errnum, Target::Buffer { data, size: Some(data_size) }, format, args);
}
