//! strtold(3): strtod(3) for long double (strtod.rs explains): LDBL_MAX, LDBL_MIN,
//! HUGE_VALL. Rust has no long double: its range is judged by the text's exponent, and
//! its limits are written as C prints them on x86 (the 80-bit extended format).

use super::strtod::{floating, FloatType};
use crate::decode::Text;
use crate::message::prose::convert::{Limit, LimitValue};
use crate::message::Message;

const LONG_DOUBLE: FloatType = FloatType {
    bits: 80,
    lowest: Limit { name: "-LDBL_MAX", value: LimitValue::Text("-1.18973149535723e+4932") },
    max: Limit { name: "LDBL_MAX", value: LimitValue::Text("1.18973149535723e+4932") },
    min: Limit { name: "LDBL_MIN", value: LimitValue::Text("3.36210314311209e-4932") },
    max10: 4931,
    min10: -4932,
    huge: "HUGE_VALL",
    neg_huge: "-HUGE_VALL",
};

pub fn explain(m: &mut Message, errnum: i32, nptr: &Text, _endptr: usize) {
    floating(m, errnum, nptr, &LONG_DOUBLE);
}
