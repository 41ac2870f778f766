//! strtod(3): ERRORS — ERANGE, an overflow (the text's value beyond DBL_MAX: the call
//! returns HUGE_VAL) or an underflow (closer to zero than DBL_MIN), with the text and
//! the limit; EINVAL for a text with no number, saying what endptr points at.
//! `floating` is the diagnosis of strtof and strtold too.

use crate::decode::Text;
use crate::message::prose::convert::{self, Limit, LimitValue};
use crate::message::prose::{fd, generic};
use crate::message::Message;
use crate::probe::number::{self, Range};

/// The floating type a call converts to.
pub struct FloatType {
    /// 32, 64, or 80 (long double).
    pub bits: u32,
    /// The most negative value: the other end of the range.
    pub lowest: Limit,
    pub max: Limit,
    pub min: Limit,
    /// Powers of ten of its largest and smallest normal values.
    pub max10: i64,
    pub min10: i64,
    /// What an overflow returns: `HUGE_VAL`.
    pub huge: &'static str,
    pub neg_huge: &'static str,
}

pub const DOUBLE: FloatType = FloatType {
    bits: 64,
    lowest: Limit { name: "-DBL_MAX", value: LimitValue::Float(f64::MIN) },
    max: Limit { name: "DBL_MAX", value: LimitValue::Float(f64::MAX) },
    min: Limit { name: "DBL_MIN", value: LimitValue::Float(f64::MIN_POSITIVE) },
    max10: 308,
    min10: -308,
    huge: "HUGE_VAL",
    neg_huge: "-HUGE_VAL",
};

pub fn explain(m: &mut Message, errnum: i32, nptr: &Text, _endptr: usize) {
    floating(m, errnum, nptr, &DOUBLE);
}

pub fn floating(m: &mut Message, errnum: i32, nptr: &Text, t: &FloatType) {
    if !nptr.is_ok() {
        return fd::bad_pointer(m, "nptr", nptr.addr, 1);
    }
    let b = nptr.bytes();
    let s = number::floating(b);
    match errnum {
        libc::EINVAL | libc::ERANGE if !s.found() => convert::no_digits(m, &b[s.start..], None),
        libc::ERANGE => {
            let text = &b[s.start..s.end];
            match number::floating_range(b, &s, t.bits, t.max10, t.min10) {
                Range::Over if s.negative => convert::out_of_range(m, text, false, &t.lowest, t.neg_huge),
                Range::Over => convert::out_of_range(m, text, true, &t.max, t.huge),
                Range::Under => convert::underflow(m, text, &t.min),
                Range::Within => convert::in_range(m, text, &t.lowest, &t.max),
            }
            convert::endptr_after(m, &b[s.end..]);
        }
        _ => generic::meaning(m, errnum),
    }
}
