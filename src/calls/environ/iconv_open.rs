//! iconv_open(3): ERRORS EINVAL (a character set iconv does not know, named, with the
//! nearest known one; both known, the missing module file that converts one of them),
//! and the
//! descriptor and memory limits that loading a conversion module meets.

use crate::decode::Text;
use crate::message::prose::{charset, fd, generic, limits};
use crate::message::Message;
use crate::probe::charsets;

pub fn explain(m: &mut Message, errnum: i32, tocode: &Text, fromcode: &Text) {
    for (arg, t) in [("tocode", tocode), ("fromcode", fromcode)] {
        if !t.is_ok() {
            return fd::bad_pointer(m, arg, t.addr, 1);
        }
    }
    match errnum {
        libc::EINVAL => {
            let (to, from) = charsets::lookup_both(tocode.bytes(), fromcode.bytes());
            if !to.known {
                charset::unknown(m, "tocode", tocode.bytes(), &to);
            }
            if !from.known {
                charset::unknown(m, "fromcode", fromcode.bytes(), &from);
            }
            if !(to.known && from.known) {
                return;
            }
            // Both known: the module that converts one of them may be missing.
            for (arg, t) in [("tocode", tocode), ("fromcode", fromcode)] {
                if let Some(module) = charsets::module(t.bytes()).filter(|module| !module.exists) {
                    return charset::module_missing(m, arg, t.bytes(), module.path.as_bytes());
                }
            }
            charset::both_known(m, tocode.bytes(), fromcode.bytes(), &to);
        }
        // Loading a conversion module opens its file (and gconv-modules).
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        _ => generic::meaning(m, errnum),
    }
}
