//! recvmsg(2): recv(2)'s ERRORS read through the msghdr; EFAULT when msg cannot be read.

use crate::message::prose::fd;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, msg: usize, flags: i32) {
    let h = crate::probe::msghdr::read_msghdr(msg);
    if errnum == libc::EFAULT && h.is_none() {
        return fd::bad_pointer(m, "msg", msg, 56);
    }
    super::send::transfer(m, errnum, sockfd, None, flags, h.as_ref(), false);
}
