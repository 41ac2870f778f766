//! mkostemp(3): the ERRORS of mkstemp(3), for a file opened with O_RDWR|O_CREAT|O_EXCL
//! and flags (O_APPEND, O_CLOEXEC, O_SYNC…); EINVAL also for flags the file system
//! refuses (O_DIRECT).

use super::mkstemp::{diagnose, Makes};
use crate::decode::Text;
use crate::message::prose::names;
use crate::message::Message;
use crate::probe::names::Template;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, flags: i32) {
    let valid = pathname.is_ok() && Template::of(pathname.bytes()).valid();
    if errnum == libc::EINVAL && valid && flags & (libc::O_DIRECT | libc::O_TMPFILE | libc::O_PATH) != 0 {
        return names::bad_mkostemp_flags(m, flags);
    }
    diagnose(m, errnum, "pathname", pathname, Makes::File);
}
