//! fstatat(2): ERRORS as stat(2) (EACCES, EFAULT, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM,
//! ENOTDIR, EOVERFLOW), plus EBADF (fildes not open, for a relative pathname or with
//! AT_EMPTY_PATH), EINVAL (unknown flags), ENOENT (empty pathname without
//! AT_EMPTY_PATH) and ENOTDIR (fildes not a directory).

use crate::decode::{unknown_bits, Text, STAT_AT_FLAGS};
use crate::message::prose::lookup;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, pathname: &Text, data: usize, flags: i32) {
    let unknown = unknown_bits(flags as i64, STAT_AT_FLAGS);
    if errnum == libc::EINVAL && unknown != 0 {
        return lookup::unknown_bits(m, "flags", unknown, STAT_AT_FLAGS, "fstatat(2)", None);
    }
    let empty = pathname.is_ok() && pathname.len == 0;
    match (empty, flags & libc::AT_EMPTY_PATH != 0) {
        // The file is fildes itself: fstat(2)'s errors.
        (true, true) => super::fstat::explain(m, errnum, fildes, data),
        (true, false) => lookup::empty_without_flag(m, "pathname"),
        _ => {
            let follow = flags & libc::AT_SYMLINK_NOFOLLOW == 0;
            super::stat::diagnose(m, errnum, Start::of(fildes), pathname, data, follow);
        }
    }
}
