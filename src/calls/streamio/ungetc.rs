//! ungetc(3): pushes `c` back onto the stream. The man page names no errno: it fails
//! for EOF (refused, reported as EINVAL by our `_or_die`), for a stream that is not
//! one or not open for reading (EBADF), and when the push-back buffer cannot grow
//! (ENOMEM).

use crate::message::prose::{generic, position, stream};
use crate::message::Message;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, c: i32, fp: usize) {
    if c == libc::EOF {
        return position::push_back_eof(m, "c");
    }
    let s = examine(fp);
    if stream::not_a_stream(m, "fp", &s) {
        return;
    }
    let Stream::Live { header, fd } = s else { return };
    match errnum {
        libc::EBADF if !header.readable() => stream::wrong_direction(m, "fp", false),
        libc::EBADF if fd.is_none() => stream::descriptor_closed(m, "fp", header.fileno()),
        _ => generic::meaning(m, errnum),
    }
    stream::indicators(m, "fp", &header);
}
