//! ftello(3): ftell(3) returning an off_t; the same ERRORS, explained by ftell::tell.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    super::ftell::tell(m, errnum, fp, "off_t", libc::off_t::MAX);
}
