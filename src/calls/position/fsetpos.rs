//! fsetpos(3): moves the stream to the position `pos` holds, as fseek(3) with SEEK_SET
//! does, and with its ERRORS (explained by fseek::seek); EINVAL also for a `pos` that
//! is NULL, unreadable, or holds no position fgetpos(3) could have given.

use crate::message::prose::position;
use crate::message::Message;
use crate::probe::stream::fpos_offset;

pub fn explain(m: &mut Message, errnum: i32, fp: usize, pos: usize) {
    let offset = fpos_offset(pos);
    match (errnum, offset) {
        (libc::EINVAL | libc::EFAULT, None) => position::bad_fpos(m, "pos", pos, None),
        (libc::EINVAL, Some(o)) if o < 0 => position::bad_fpos(m, "pos", pos, offset),
        (_, Some(o)) => super::fseek::seek(m, errnum, fp, o, libc::SEEK_SET),
        (_, None) => super::fseek::seek(m, errnum, fp, 0, libc::SEEK_CUR),
    }
}
