//! setvbuf(3): ERRORS EINVAL (mode is not _IONBF, _IOLBF or _IOFBF), and EBADF for a
//! stream that is not one.

use crate::message::prose::stream;
use crate::message::Message;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, fp: usize, data: usize, mode: i32, size: usize) {
    if errnum == libc::EINVAL {
        if !crate::decode::SETVBUF_MODES.iter().any(|e| e.value == mode as i64) {
            return stream::bad_buffering_mode(m, mode, size);
        }
        if let Stream::Live { header, .. } = examine(fp) {
            return stream::buffering_refused(m, "fp", size, data, &header);
        }
    }
    super::fileno::stream_only(m, errnum, fp);
}
