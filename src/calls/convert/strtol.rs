//! strtol(3): ERRORS — ERANGE (the text's value is beyond LONG_MIN..LONG_MAX: which
//! text, which limit and its value, where endptr is left) and EINVAL (a base other than
//! 0 and 2 to 36; a text with no number at all, and what endptr points at).
//! `integer` is the diagnosis of strtoll, strtoul and strtoull too.

use crate::decode::Text;
use crate::message::prose::convert::{self, Limit, LimitValue};
use crate::message::prose::{fd, generic};
use crate::message::Message;
use crate::probe::number::{self, Range};

/// The integer type a call converts to: its limits by name and value.
pub struct IntType {
    pub min: Limit,
    pub max: Limit,
    pub max_value: u64,
    pub signed: bool,
}

pub const LONG: IntType = IntType {
    min: Limit { name: "LONG_MIN", value: LimitValue::Int(libc::c_long::MIN as i128) },
    max: Limit { name: "LONG_MAX", value: LimitValue::Int(libc::c_long::MAX as i128) },
    max_value: libc::c_long::MAX as u64,
    signed: true,
};

pub fn explain(m: &mut Message, errnum: i32, nptr: &Text, _endptr: usize, base: i32) {
    integer(m, errnum, nptr, base, &LONG);
}

pub fn integer(m: &mut Message, errnum: i32, nptr: &Text, base: i32, t: &IntType) {
    if !nptr.is_ok() {
        return fd::bad_pointer(m, "nptr", nptr.addr, 1);
    }
    let b = nptr.bytes();
    let base_ok = base == 0 || (2..=36).contains(&base);
    let s = number::integer(b, if base_ok { base } else { 10 });
    match errnum {
        libc::EINVAL if !base_ok => convert::bad_base(m, base),
        libc::EINVAL if !s.found() => convert::no_digits(m, &b[s.start..], (base != 0).then_some(s.base)),
        libc::ERANGE if s.found() => {
            let text = &b[s.start..s.end];
            let over = if t.signed { number::signed_range(b, &s, t.max_value) } else { number::unsigned_range(b, &s, t.max_value) };
            match over {
                Range::Within => convert::in_range(m, text, &t.min, &t.max),
                _ if t.signed && s.negative => convert::out_of_range(m, text, false, &t.min, t.min.name),
                _ => convert::out_of_range(m, text, true, &t.max, t.max.name),
            }
            convert::endptr_after(m, &b[s.end..]);
        }
        libc::ERANGE => convert::no_digits(m, &b[s.start..], Some(s.base)),
        _ => generic::meaning(m, errnum),
    }
}
