//! getsockopt(2): ERRORS EBADF, EFAULT (data or data_size), EINVAL (the size),
//! ENOPROTOOPT (the option is unknown at that level: both named), ENOTSOCK.

use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, level: i32, name: i32, data: usize, data_size: usize) {
    let mut b = [0u8; 4];
    let size = (data_size != 0 && crate::sys::read_memory(data_size, &mut b) == 4).then(|| u32::from_ne_bytes(b));
    match errnum {
        libc::EFAULT if size.is_none() => fd::bad_pointer(m, "data_size", data_size, 4),
        libc::EFAULT => {
            if !fd::bad_output_buffer(m, "data", data, size.unwrap_or(0) as usize) {
                generic::meaning(m, errnum);
            }
        }
        _ => super::setsockopt::options(m, errnum, fildes, level, name, size.map(|s| s as i64)),
    }
}
