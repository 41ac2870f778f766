//! uname(2): ERRORS EFAULT: the struct utsname the kernel writes is not writable memory.

use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, data: usize) {
    match errnum {
        libc::EFAULT if fd::bad_output_buffer(m, "data", data, core::mem::size_of::<libc::utsname>()) => {}
        _ => generic::meaning(m, errnum),
    }
}
