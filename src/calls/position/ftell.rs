//! ftell(3): ERRORS EBADF (not a seekable stream), ESPIPE (a pipe, socket, FIFO or
//! terminal), EOVERFLOW (the position does not fit in a long), and those of lseek(2).
//! `tell` is shared with ftello and fgetpos, whose results are wider.

use crate::message::prose::{generic, position, stream};
use crate::message::Message;
use crate::probe;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    tell(m, errnum, fp, "long", libc::c_long::MAX as i64);
}

/// Why asking the stream `fp` for its position failed; the result is of type `ty`,
/// whose largest value is `max`.
pub fn tell(m: &mut Message, errnum: i32, fp: usize, ty: &str, max: i64) {
    let s = examine(fp);
    if stream::not_a_stream(m, "fp", &s) {
        return;
    }
    let Stream::Live { header, fd: facts } = s else { return };
    let fd = header.fileno();
    if facts.is_none() {
        return stream::descriptor_closed(m, "fp", fd);
    }
    match errnum {
        libc::ESPIPE => super::fseek::unseekable(m, errnum, fd),
        libc::EOVERFLOW => position::position_too_large(m, "fp", ty, max, probe::stream::position(&header)),
        _ => generic::meaning(m, errnum),
    }
    stream::indicators(m, "fp", &header);
}
