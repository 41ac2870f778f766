//! fclose(3): ERRORS EBADF, and any error of close(2) or write(2) from flushing the
//! buffer (EDQUOT, EFBIG, EINTR, EIO, ENOSPC, EPIPE…). fclose releases the stream
//! whatever happens: the _or_die and _on_error forms snapshot it first
//! (crate::perform::fclose), and the explanation reads that snapshot.

use crate::message::prose::{fs, generic, io, stream};
use crate::message::Message;
use crate::probe::stream::{before_close, examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    match examine(fp) {
        // Explained before the stream was closed: as a flush of a live stream.
        Stream::Live { header, fd: Some(_) } if errnum != libc::EBADF || header.writable() => {
            super::fflush::flush(m, errnum, fp);
            stream::buffer_lost(m, Some(header.unwritten()));
        }
        Stream::Live { header, fd: None } => {
            stream::descriptor_closed(m, "fp", header.fileno());
            stream::buffer_lost(m, Some(header.unwritten()));
        }
        other => match before_close(fp) {
            None => {
                stream::not_a_stream(m, "fp", &other);
            }
            Some(snap) => {
                match (errnum, snap.stat) {
                    (_, None) => stream::descriptor_closed(m, "fp", snap.state.fileno()),
                    (libc::ENOSPC | libc::EDQUOT, Some(st)) => fs::file_system_of(m, errnum, &st),
                    (libc::EIO, Some(st)) => io::device_error(m, "fp's descriptor", snap.state.fileno(), Some(&st)),
                    (libc::EFBIG, _) => io::too_big(m, "fp's descriptor", snap.state.fileno(), None, crate::probe::limits::file_size_limit(), snap.state.unwritten()),
                    _ => generic::meaning(m, errnum),
                }
                stream::buffer_lost(m, Some(snap.state.unwritten()));
            }
        },
    }
}
