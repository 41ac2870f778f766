//! iconv(3): ERRORS EILSEQ (the bytes at *inbuf, their offset, and whether they are
//! invalid in the source character set or have no equivalent in the target), EINVAL
//! (the incomplete sequence the input ends with), E2BIG (the room left in the output
//! against the input left), and EBADF (a descriptor that is not one).

use crate::message::prose::{charset, fd, generic};
use crate::message::prose::charset::Bad;
use crate::message::Message;
use crate::probe::iconv::{self, Descriptor};

pub fn explain(m: &mut Message, errnum: i32, cd: i64, inbuf: usize, inbytesleft: usize, outbuf: usize, outbytesleft: usize) {
    let d = iconv::descriptor(cd as usize);
    let conv = match &d {
        Descriptor::Conversion { from, to } => Some((from, to)),
        _ => None,
    };
    let input = iconv::side(inbuf, inbytesleft);
    match errnum {
        libc::EBADF => charset::descriptor(m, cd as usize, &d),
        libc::EILSEQ | libc::EINVAL => {
            let Some(at) = input.at else {
                return fd::bad_pointer(m, "inbuf", inbuf, core::mem::size_of::<usize>());
            };
            if at == 0 {
                return charset::no_input(m);
            }
            let (b, n) = iconv::input_bytes(at, input.left.unwrap_or(8));
            if n == 0 {
                return fd::bad_pointer(m, "*inbuf", at, input.left.unwrap_or(1));
            }
            let offset = iconv::offset_from_start(inbuf, at);
            if errnum == libc::EINVAL {
                return charset::incomplete(m, &input, offset, &b[..n], conv.map(|c| c.0));
            }
            let why = match conv {
                // UTF-8 input can be checked here: valid bytes mean the target lacks them.
                Some((from, _)) if iconv::is_utf8(from) => {
                    if iconv::utf8_valid_prefix(&b[..n]) { Bad::Unrepresentable } else { Bad::Invalid }
                }
                _ => Bad::Either,
            };
            charset::invalid_sequence(m, &input, offset, &b[..n], conv, why);
        }
        libc::E2BIG => charset::output_full(m, &input, &iconv::side(outbuf, outbytesleft)),
        _ => generic::meaning(m, errnum),
    }
}
