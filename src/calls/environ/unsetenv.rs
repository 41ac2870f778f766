//! unsetenv(3): ERRORS EINVAL (name NULL, empty, or containing '=': which, and where
//! the '=' is).

use crate::decode::Text;
use crate::message::prose::{environ, generic};
use crate::message::Message;
use crate::probe::environ::name_fault;

pub fn explain(m: &mut Message, errnum: i32, name: &Text) {
    match (errnum, name_fault(name)) {
        (libc::EINVAL, Some(fault)) => environ::bad_name(m, "name", fault, name, None),
        _ => generic::meaning(m, errnum),
    }
}
