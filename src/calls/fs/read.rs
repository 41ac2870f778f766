//! read(2): ERRORS EAGAIN (EWOULDBLOCK), EBADF, EFAULT, EINTR, EINVAL, EIO, EISDIR.
//! `transfer` holds the diagnoses read shares with write(2).

use crate::message::prose::{fd, generic, io, postmortem};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::Kind;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize) {
    explain_at(m, errnum, fildes, data, data_size, None);
}

/// The same at `offset` (pread(2)), or at the descriptor's own position (None).
pub fn explain_at(m: &mut Message, errnum: i32, fildes: i32, data: usize, data_size: usize, offset: Option<u64>) {
    match errnum {
        libc::EISDIR if probe::fd::kind(fildes) == Some(Kind::Directory) => io::is_directory(m, "fildes", fildes),
        libc::EISDIR => match probe::fd::kind(fildes) {
            Some(kind) => postmortem::descriptor_was(m, "fildes", fildes, "a directory, which read(2) cannot read (getdents(2) lists it)", kind, ", not a directory"),
            None => generic::meaning(m, errnum),
        },
        libc::EIO => match probe::io::background(fildes, libc::SIGTTIN) {
            Some(b) => io::background(m, "fildes", fildes, &b, false),
            None => transfer(m, errnum, fildes, data, data_size, offset, false),
        },
        _ => transfer(m, errnum, fildes, data, data_size, offset, false),
    }
}

/// The errors of moving bytes between a buffer and a descriptor, either way.
/// `offset`: where pread(2)/pwrite(2) transfer; None for the descriptor's position.
pub fn transfer(m: &mut Message, errnum: i32, fildes: i32, data: usize, size: usize, offset: Option<u64>, writing: bool) {
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, Some(if writing { libc::O_WRONLY } else { libc::O_RDONLY })),
        libc::EAGAIN => match probe::io::blocking(fildes, writing) {
            Some(b) => io::would_block(m, "fildes", fildes, &b, writing),
            None => fd::bad_fd(m, "fildes", fildes, None),
        },
        // read(2) stores into the buffer, write(2) takes from it.
        libc::EFAULT => io::bad_buffer(m, "data", data, size, !writing, probe::io::buffer(data, size, !writing)),
        libc::EINTR => io::interrupted(m, "fildes", fildes, probe::fd::kind(fildes)),
        libc::EINVAL => invalid(m, fildes, data, size, offset, writing),
        libc::EIO => {
            let st = probe::fd::facts(fildes).and_then(|f| f.stat);
            io::device_error(m, "fildes", fildes, st.as_ref());
        }
        _ => generic::meaning(m, errnum),
    }
}

/// EINVAL: O_DIRECT alignment (checked whether or not the descriptor has O_DIRECT now,
/// since fcntl may have changed it), a transfer too small for the object, or an object
/// that cannot be read or written at all.
fn invalid(m: &mut Message, fildes: i32, data: usize, size: usize, offset: Option<u64>, writing: bool) {
    let Some(f) = probe::fd::facts(fildes) else {
        io::misaligned_unknown_device(m, data, size, offset);
        m.note();
        m.text("fildes ");
        m.number(fildes as i64);
        return m.text(" is not an open file descriptor");
    };
    let kind = probe::fd::kind(fildes).unwrap_or(Kind::Other);
    let direct_now = f.flags & libc::O_DIRECT != 0;
    if direct_now || matches!(kind, Kind::File | Kind::BlockDevice) {
        if let Some(d) = probe::io::direct_io(fildes) {
            let at = offset.or_else(|| probe::fd::position(fildes, &f));
            let bad = probe::io::misaligned(&d, data, size, at);
            if bad != (None, None, None) {
                return io::misaligned(m, "fildes", fildes, &d, bad, direct_now);
            }
        }
    }
    match kind {
        // Files move any number of bytes at any offset: nothing to blame but the driver.
        Kind::File | Kind::BlockDevice => generic::meaning(m, libc::EINVAL),
        _ => io::unsuitable(m, "fildes", fildes, kind, probe::fd::min_transfer(kind, writing), size, writing),
    }
}
