//! pathconf(3): ERRORS EACCES, EINVAL (a name it does not know, or one with no value
//! for this file), ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR.

use crate::decode::{pathconf_name, Text, PATHCONF_NAMES};
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::path;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, name: i32) {
    // glibc refuses an unknown name before it looks at the path.
    let Some(known) = pathconf_name(name as i64) else {
        return lookup::unknown_name(m, "name", name as i64, "pathconf", PATHCONF_NAMES);
    };
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    match errnum {
        libc::EINVAL => lookup::name_not_associated(m, "name", known, Subject::Path(found), &st),
        _ => lookup::unexplained(m, errnum, Subject::Path(found), &st),
    }
}
