//! fread(3): ERRORS — the man page names none of its own: fread fails as read(2) does
//! (EAGAIN, EBADF, EFAULT, EINTR, EINVAL, EIO, EISDIR). `transfer` is the diagnosis of
//! every stream read and write: the stream itself first (NULL, freed, opened the other
//! way, its descriptor closed underneath), then its descriptor, as read(2) or write(2)
//! would explain it.

use crate::message::prose::{device, fs, io, stream};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::{FdFacts, Kind};
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, ptr: usize, size: usize, nmemb: usize, fp: usize) {
    transfer(m, errnum, fp, false, ptr, size.saturating_mul(nmemb));
}

/// Why moving `len` bytes through the stream `fp` failed (`writing` says which way).
pub fn transfer(m: &mut Message, errnum: i32, fp: usize, writing: bool, data: usize, len: usize) {
    transfer_as(m, errnum, ("fp", "fp's descriptor"), fp, writing, data, len);
}

/// As `transfer`, the stream named as the message names it: (`stdin`, `stdin's
/// descriptor`) for getchar, which has no fp argument.
pub fn transfer_as(m: &mut Message, errnum: i32, names: (&str, &str), fp: usize, writing: bool, data: usize, len: usize) {
    let (arg, desc) = names;
    let s = examine(fp);
    if stream::not_a_stream(m, arg, &s) {
        return;
    }
    let Stream::Live { header, fd: facts } = s else { return };
    let fd = header.fileno();
    let Some(f) = facts else { return stream::descriptor_closed(m, arg, fd) };
    let mode = f.flags & libc::O_ACCMODE;
    match errnum {
        libc::EBADF if writing && !header.writable() || !writing && !header.readable() => stream::wrong_direction(m, arg, writing),
        libc::EBADF if writing && mode == libc::O_RDONLY || !writing && mode == libc::O_WRONLY => {
            stream::descriptor_refuses(m, arg, fd, &f, writing)
        }
        _ => on_descriptor_as(m, errnum, desc, fd, &f, writing, data, len),
    }
    stream::indicators(m, arg, &header);
}

/// The descriptor's part, as write(2) and read(2) explain it, naming the stream's
/// descriptor.
pub fn on_descriptor(m: &mut Message, errnum: i32, fd: i32, f: &FdFacts, writing: bool, data: usize, len: usize) {
    on_descriptor_as(m, errnum, "fp's descriptor", fd, f, writing, data, len);
}

#[allow(clippy::too_many_arguments)]
fn on_descriptor_as(m: &mut Message, errnum: i32, desc: &str, fd: i32, f: &FdFacts, writing: bool, data: usize, len: usize) {
    let arg = desc;
    match (errnum, f.stat) {
        (libc::ENOSPC | libc::EDQUOT, Some(st)) if device::is_device(&st) => device::no_space(m, arg, fd, &st),
        (libc::ENOSPC | libc::EDQUOT, Some(st)) => fs::file_system_of(m, errnum, &st),
        (libc::EFBIG, _) => io::too_big(m, arg, fd, probe::fd::position(fd, f), probe::limits::file_size_limit(), len.max(1)),
        (libc::EPIPE, _) => {
            let suppressed = crate::sys::io::signal_state(libc::SIGPIPE).is_some_and(|(i, b)| i || b);
            io::no_reader(m, arg, fd, probe::fd::kind(fd).unwrap_or(Kind::Other), suppressed);
        }
        _ if writing => crate::calls::fs::write::explain(m, errnum, fd, data, len),
        _ => crate::calls::fs::read::explain(m, errnum, fd, data, len),
    }
}
