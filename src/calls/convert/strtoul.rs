//! strtoul(3): strtol(3) for unsigned long (a negative text is negated after the conversion, so only its magnitude counts against ULONG_MAX): ERANGE and EINVAL as strtol.rs explains them.

use super::strtol::{integer, IntType};
use crate::decode::Text;
use crate::message::prose::convert::{Limit, LimitValue};
use crate::message::Message;

const TYPE: IntType = IntType {
    min: Limit { name: "0", value: LimitValue::Int(0) },
    max: Limit { name: "ULONG_MAX", value: LimitValue::Int(libc::c_ulong::MAX as i128) },
    max_value: libc::c_ulong::MAX as u64,
    signed: false,
};

pub fn explain(m: &mut Message, errnum: i32, nptr: &Text, _endptr: usize, base: i32) {
    integer(m, errnum, nptr, base, &TYPE);
}
