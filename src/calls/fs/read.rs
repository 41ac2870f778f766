//! read(2): ERRORS EAGAIN (EWOULDBLOCK), EBADF, EFAULT, EINTR, EINVAL, EIO, EISDIR.
//! `transfer` holds the diagnoses read shares with write(2).

use crate::message::prose::{fd, generic, io};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::Kind;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize) {
    match errnum {
        libc::EISDIR if probe::fd::kind(fildes) == Some(Kind::Directory) => io::is_directory(m, "fildes", fildes),
        libc::EIO => match probe::io::background(fildes, libc::SIGTTIN) {
            Some(b) => io::background(m, "fildes", fildes, &b, false),
            None => transfer(m, errnum, fildes, data, data_size, false),
        },
        _ => transfer(m, errnum, fildes, data, data_size, false),
    }
}

/// The errors of moving bytes between a buffer and a descriptor, either way.
pub fn transfer(m: &mut Message, errnum: i32, fildes: i32, data: usize, size: usize, writing: bool) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, Some(if writing { libc::O_WRONLY } else { libc::O_RDONLY })),
        libc::EAGAIN => match probe::io::blocking(fildes, writing) {
            Some(b) => io::would_block(m, "fildes", fildes, &b, writing),
            None => fd::bad_fd(m, "fildes", fildes, None),
        },
        // read(2) stores into the buffer, write(2) takes from it.
        libc::EFAULT => io::bad_buffer(m, "data", data, size, !writing, probe::io::buffer(data, size, !writing)),
        libc::EINTR => io::interrupted(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EINVAL => invalid(m, fildes, data, size, writing),
        libc::EIO => {
            let st = probe::fd::facts(fildes).and_then(|f| f.stat);
            io::device_error(m, "fildes", fildes, st.as_ref());
        }
        _ => generic::meaning(m, errnum),
    }
}

/// EINVAL: O_DIRECT alignment, a transfer too small for the object, or an object that
/// cannot be read or written at all.
fn invalid(m: &mut Message, fildes: i32, data: usize, size: usize, writing: bool) {
    let (Some(f), Some(kind)) = (probe::fd::facts(fildes), probe::fd::kind(fildes)) else {
        return generic::meaning(m, libc::EINVAL);
    };
    if f.flags & libc::O_DIRECT != 0 {
        if let Some(d) = probe::io::direct_io(fildes) {
            let bad = probe::io::misaligned(&d, data, size, probe::fd::position(fildes, &f));
            if bad != (None, None, None) {
                return io::misaligned(m, "fildes", fildes, &d, bad);
            }
        }
    }
    match kind {
        // Files move any number of bytes at any offset: nothing to blame but the driver.
        Kind::File | Kind::BlockDevice => generic::meaning(m, libc::EINVAL),
        _ => io::unsuitable(m, "fildes", fildes, kind, probe::fd::min_transfer(kind, writing), size, writing),
    }
}
