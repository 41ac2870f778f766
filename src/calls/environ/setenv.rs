//! setenv(3): ERRORS EINVAL (name NULL, empty, or containing '=': which, and where the
//! '=' is) and ENOMEM (the limit that refused the memory, and the environment's size).

use crate::decode::Text;
use crate::message::prose::{environ, generic};
use crate::message::Message;
use crate::probe::environ::{full_length, name_fault};

pub fn explain(m: &mut Message, errnum: i32, name: &Text, value: &Text, _overwrite: i32) {
    match errnum {
        libc::EINVAL => match name_fault(name) {
            Some(fault) => environ::bad_name(m, "name", fault, name, Some(value)),
            None => generic::meaning(m, errnum),
        },
        libc::ENOMEM => {
            // The new NAME=value string and its NUL.
            let request = full_length(name) as u64 + full_length(value) as u64 + 2;
            super::putenv::out_of_memory(m, "strlen(name) + strlen(value) + 2", request);
        }
        _ => generic::meaning(m, errnum),
    }
}
