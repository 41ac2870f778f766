//! strtoll(3): strtol(3) for long long: ERANGE and EINVAL as strtol.rs explains them.

use super::strtol::{integer, IntType};
use crate::decode::Text;
use crate::message::prose::convert::{Limit, LimitValue};
use crate::message::Message;

const TYPE: IntType = IntType {
    min: Limit { name: "LLONG_MIN", value: LimitValue::Int(libc::c_longlong::MIN as i128) },
    max: Limit { name: "LLONG_MAX", value: LimitValue::Int(libc::c_longlong::MAX as i128) },
    max_value: libc::c_longlong::MAX as u64,
    signed: true,
};

pub fn explain(m: &mut Message, errnum: i32, nptr: &Text, _endptr: usize, base: i32) {
    integer(m, errnum, nptr, base, &TYPE);
}
