//! recv(2): ERRORS EAGAIN (nothing to read: non-blocking, or the receive timeout),
//! EBADF, ECONNREFUSED, ECONNRESET, EFAULT, EINTR, EINVAL, ENOMEM, ENOTCONN, ENOTSOCK.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, buf: usize, len: usize, flags: i32) {
    super::send::transfer(m, errnum, sockfd, Some((buf, len)), flags, None, false);
}
