//! fpathconf(3): ERRORS EBADF, EINVAL (a name it does not know, or one with no value
//! for this file).

use crate::decode::{pathconf_name, PATHCONF_NAMES};
use crate::message::prose::fd::bad_fd;
use crate::message::prose::lookup::{self, Subject};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, name: i32) {
    let Some(known) = pathconf_name(name as i64) else {
        return lookup::unknown_name(m, "name", name as i64, "pathconf", PATHCONF_NAMES);
    };
    let Some(st) = lookup::open_file(m, "fildes", fildes) else { return };
    let subject = Subject::Fd("fildes", fildes);
    match errnum {
        libc::EBADF => bad_fd(m, "fildes", fildes, None),
        libc::EINVAL => lookup::name_not_associated(m, "name", known, subject, &st),
        _ => lookup::unexplained(m, errnum, subject, &st),
    }
}
