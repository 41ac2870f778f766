//! fseek(3): ERRORS EINVAL (whence not SEEK_SET, SEEK_CUR or SEEK_END; the resulting
//! position negative), ESPIPE (the descriptor is a pipe, socket, FIFO or terminal),
//! EBADF (not a seekable stream), and those of fflush(3), lseek(2) and write(2), as
//! it first writes out the buffer. `seek` is shared with fseeko and fsetpos.

use crate::calls::streamio::fread;
use crate::decode::{name_of, WHENCE};
use crate::message::prose::{fdio, generic, position, stream};
use crate::message::Message;
use crate::probe;
use crate::probe::fd::Kind;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize, offset: i64, whence: i32) {
    seek(m, errnum, fp, offset, whence);
}

/// Why moving the stream `fp` to `offset` from `whence` failed.
pub fn seek(m: &mut Message, errnum: i32, fp: usize, offset: i64, whence: i32) {
    let s = examine(fp);
    if stream::not_a_stream(m, "fp", &s) {
        return;
    }
    let Stream::Live { header, fd: facts } = s else { return };
    let fd = header.fileno();
    let Some(f) = facts else { return stream::descriptor_closed(m, "fp", fd) };
    match errnum {
        libc::ESPIPE => super::fseek::unseekable(m, errnum, fd),
        libc::EINVAL if name_of(WHENCE, whence as i64).is_none() => fdio::bad_whence(m, whence),
        libc::EINVAL if whence == libc::SEEK_DATA || whence == libc::SEEK_HOLE => position::whence_not_for_streams(m, whence),
        libc::EINVAL | libc::EOVERFLOW => match probe::stream::seek_target(&header, offset, whence) {
            Some(t) => {
                let kind = probe::fd::kind(fd).unwrap_or(Kind::Other);
                if errnum == libc::EOVERFLOW {
                    fdio::offset_overflow(m, whence, &t, offset);
                } else {
                    fdio::bad_result(m, whence, &t, offset, kind);
                }
                position::position_and_size(m, "fp", probe::stream::position(&header), t.size);
            }
            None => generic::meaning(m, errnum),
        },
        // Seeking writes out what the buffer holds first: its failures are write(2)'s.
        _ if header.unwritten() > 0 => fread::on_descriptor(m, errnum, fd, &f, true, 0, header.unwritten()),
        _ => generic::meaning(m, errnum),
    }
    stream::indicators(m, "fp", &header);
}

/// ESPIPE: what the stream's descriptor is (pipe, socket, terminal, with its path).
pub fn unseekable(m: &mut Message, errnum: i32, fd: i32) {
    match probe::fd::kind(fd) {
        Some(k) if probe::seek::seekable(fd) => position::seekable_now(m, "fp's descriptor", fd, k),
        _ => crate::calls::fdio::lseek::unseekable(m, errnum, "fp's descriptor", fd),
    }
}
