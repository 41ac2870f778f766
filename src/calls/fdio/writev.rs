//! writev(2): the errors of write(2), plus EINVAL (iovcnt below 0 or above IOV_MAX, an
//! iov_len above SSIZE_MAX) and EFAULT naming the bad element; see `readv::vectored`.

use super::readv::vectored;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: i32) {
    vectored(m, errnum, fildes, data, data_size, true);
}
