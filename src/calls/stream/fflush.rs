//! fflush(3): ERRORS EBADF (not a stream open for writing), and any error of write(2)
//! (EDQUOT, EFBIG, EINTR, EIO, ENOSPC, EPIPE…). `flush` is shared with fclose(3).

use crate::message::prose::stream;
use crate::message::Message;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize) {
    if fp == 0 {
        // fflush(NULL) flushes every output stream: one of them failed.
        return stream::flush_all_failed(m, errnum);
    }
    flush(m, errnum, fp);
}

/// Why writing out the buffer of `fp` failed.
pub fn flush(m: &mut Message, errnum: i32, fp: usize) {
    let unwritten = match examine(fp) {
        Stream::Live { header, .. } => header.unwritten(),
        other => {
            stream::not_a_stream(m, "fp", &other);
            return;
        }
    };
    crate::calls::streamio::fread::transfer(m, errnum, fp, true, 0, unwritten);
}
