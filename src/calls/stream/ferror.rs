//! ferror(3): the man page names no errors. Its _or_die and _on_error forms take a set
//! error indicator as the failure: then the errno is that of the transfer that failed
//! earlier, diagnosed on the stream's descriptor as read(2) or write(2) would.

use crate::message::prose::stream;
use crate::message::Message;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    match examine(fp) {
        Stream::Live { header, fd: Some(f) } if header.error_set() => {
            stream::error_indicator_set(m, "fp");
            // glibc's own EBADF: the transfer went against the stream's mode string.
            match errnum {
                libc::EBADF if !header.writable() => stream::wrong_direction(m, "fp", true),
                libc::EBADF if !header.readable() => stream::wrong_direction(m, "fp", false),
                _ => {
                    let writing = header.writable() && (!header.readable() || header.unwritten() > 0);
                    crate::calls::streamio::fread::on_descriptor(m, errnum, header.fileno(), &f, writing, 0, 0);
                }
            }
        }
        Stream::Live { fd: Some(_), .. } => {
            super::fileno::stream_only(m, errnum, fp);
            // EBADF on a live stream already ends in a note on the present state.
            if errnum != libc::EBADF {
                stream::error_indicator_clear(m, "fp");
            }
        }
        _ => super::fileno::stream_only(m, errnum, fp),
    }
}
