//! sendto(2): send(2)'s ERRORS, with the destination address (EISCONN when the socket
//! is connected and an address is given, ECONNREFUSED and ENOENT as connect's).

use crate::message::Message;

#[allow(clippy::too_many_arguments)]
pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, buf: usize, len: usize, flags: i32, dest_addr: usize, addrlen: i32) {
    match errnum {
        libc::ECONNREFUSED | libc::ENOENT | libc::EPROTOTYPE | libc::EAFNOSUPPORT if dest_addr != 0 => {
            super::connect::explain(m, errnum, sockfd, dest_addr, addrlen)
        }
        _ => super::send::transfer(m, errnum, sockfd, Some((buf, len)), flags, None, true),
    }
}
