//! readv(2): the errors of read(2), plus EINVAL (iovcnt below 0 or above IOV_MAX, an
//! iov_len above SSIZE_MAX so that the sum overflows) and EFAULT naming the element of
//! the vector that is bad. `vectored` is shared with writev(2).

use crate::calls::fs::{read, write};
use crate::message::prose::fdio;
use crate::message::Message;
use crate::probe::iov::{check, first_buffer, Iov, IOV_MAX};

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: i32) {
    vectored(m, errnum, fildes, data, data_size, false);
}

pub fn vectored(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: i32, writing: bool) {
    if matches!(errnum, libc::EINVAL | libc::EFAULT) {
        if !(0..=IOV_MAX).contains(&data_size) {
            return fdio::vector_count(m, "data_size", data_size, IOV_MAX);
        }
        // readv stores into the buffers, writev takes from them.
        match check(data, data_size, !writing) {
            Iov::Fine { .. } if errnum == libc::EINVAL => {}
            v => return fdio::vector(m, "data", data, &v, !writing),
        }
    }
    // The rest is what read(2) or write(2) would say about the same bytes.
    let (base, total) = first_buffer(data, data_size);
    if writing {
        write::explain(m, errnum, fildes, base, total);
    } else {
        read::explain(m, errnum, fildes, base, total);
    }
}
