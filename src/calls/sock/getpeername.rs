//! getpeername(2): getsockname(2)'s ERRORS, and ENOTCONN (the socket has no peer).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: usize) {
    super::getsockname::names(m, errnum, fildes, sock_addr, sock_addr_size, true);
}
