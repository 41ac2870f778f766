//! fwrite(3): fails as write(2) does (EAGAIN, EBADF, EDQUOT, EFAULT, EFBIG, EINTR,
//! EINVAL, EIO, ENOSPC, EPERM, EPIPE), diagnosed through the stream (fread::transfer).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, ptr: usize, size: usize, nmemb: usize, fp: usize) {
    super::fread::transfer(m, errnum, fp, true, ptr, size.saturating_mul(nmemb));
}
