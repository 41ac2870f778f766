//! strtof(3): strtod(3) for float (strtod.rs explains): FLT_MAX, FLT_MIN, HUGE_VALF.

use super::strtod::{floating, FloatType};
use crate::decode::Text;
use crate::message::prose::convert::{Limit, LimitValue};
use crate::message::Message;

const FLOAT: FloatType = FloatType {
    bits: 32,
    lowest: Limit { name: "-FLT_MAX", value: LimitValue::Float(f32::MIN as f64) },
    max: Limit { name: "FLT_MAX", value: LimitValue::Float(f32::MAX as f64) },
    min: Limit { name: "FLT_MIN", value: LimitValue::Float(f32::MIN_POSITIVE as f64) },
    max10: 38,
    min10: -38,
    huge: "HUGE_VALF",
    neg_huge: "-HUGE_VALF",
};

pub fn explain(m: &mut Message, errnum: i32, nptr: &Text, _endptr: usize) {
    floating(m, errnum, nptr, &FLOAT);
}
