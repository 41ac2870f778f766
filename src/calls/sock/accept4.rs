//! accept4(2): accept(2)'s ERRORS, and EINVAL for flags other than SOCK_NONBLOCK and
//! SOCK_CLOEXEC.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: usize, flags: i32) {
    super::accept::explain_flags(m, errnum, fildes, sock_addr, sock_addr_size, flags);
}
