//! ftime(3): no ERRORS of its own; EFAULT when tp is not writable memory.

use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, tp: usize) {
    let size = core::mem::size_of::<crate::sys::ctypes::timeb>();
    match errnum {
        libc::EFAULT if fd::bad_output_buffer(m, "tp", tp, size) => {}
        _ => generic::meaning(m, errnum),
    }
}
