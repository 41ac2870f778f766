//! remove(3): the ERRORS of unlink(2) and rmdir(2). glibc's remove unlinks, and when that
//! fails with EISDIR removes the directory with rmdir: so a directory (not a symbolic
//! link to one) is explained as rmdir, anything else as unlink.

use crate::calls::fs::{rmdir, unlink};
use crate::decode::Text;
use crate::message::Message;
use crate::probe::path::{is_dir, resolve, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    let directory = resolve(Start::Cwd, pathname, false).ok().and_then(|f| f.stat).is_some_and(|st| is_dir(&st));
    // EISDIR is unlink's answer for a directory: explained as unlink's.
    if directory && errnum != libc::EISDIR {
        rmdir::explain(m, errnum, pathname);
    } else {
        unlink::explain(m, errnum, pathname);
    }
}
