//! recvfrom(2): recv(2)'s ERRORS.

use crate::message::Message;

#[allow(clippy::too_many_arguments)]
pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, buf: usize, len: usize, flags: i32, src_addr: usize, addrlen: usize) {
    let _ = (src_addr, addrlen);
    super::send::transfer(m, errnum, sockfd, Some((buf, len)), flags, None, false);
}
