//! fileno(3): ERRORS EBADF (fp is not a stream, or a stream without a file
//! descriptor, as fmemopen's). `stream_only` is the diagnosis of every call that only
//! looks at the stream (feof, fpurge, setbuf, setbuffer, setlinebuf, setvbuf).

use crate::message::prose::{generic, stream};
use crate::message::Message;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    stream_only(m, errnum, fp);
}

/// `fp` itself: NULL, not a stream, without a descriptor; EBADF on a stream that is
/// live at present is the errno explained, the present state a note.
pub fn stream_only(m: &mut Message, errnum: i32, fp: usize) {
    let s = examine(fp);
    if stream::not_a_stream(m, "fp", &s) {
        return;
    }
    let Stream::Live { header, fd } = s else { return };
    match (errnum, fd) {
        (_, None) => stream::descriptor_closed(m, "fp", header.fileno()),
        (libc::EBADF, Some(f)) => stream::valid_now(m, "fp", &header, &f),
        _ => generic::meaning(m, errnum),
    }
    stream::indicators(m, "fp", &header);
}
