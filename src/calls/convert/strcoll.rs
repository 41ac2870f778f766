//! strcoll(3): ERRORS — EINVAL: s1 or s2 holds a character outside the collation's
//! character set. Says which string, the offset and the byte, and the LC_COLLATE
//! locale in use; a NULL string is named.

use crate::decode::Text;
use crate::message::prose::{convert, fd, generic};
use crate::message::Message;
use crate::probe::locale;

pub fn explain(m: &mut Message, errnum: i32, s1: &Text, s2: &Text) {
    for (arg, t) in [("s1", s1), ("s2", s2)] {
        if !t.is_ok() {
            return fd::bad_pointer(m, arg, t.addr, 1);
        }
    }
    if errnum != libc::EINVAL {
        return generic::meaning(m, errnum);
    }
    let l = locale::of(libc::LC_COLLATE);
    for (arg, t) in [("s1", s1), ("s2", s2)] {
        if let Some(at) = locale::invalid_at(t.bytes(), l.codeset) {
            return convert::not_in_charset(m, arg, at, t.bytes()[at], &l);
        }
    }
    convert::unsupported_by_collation(m, &l);
}
