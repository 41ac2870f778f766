//! mktemp(3): ERRORS EINVAL (the template does not end in XXXXXX); glibc also fails with
//! EEXIST when no unused name was found, and with lstat's errors (EACCES for a directory
//! it may not search). mktemp fails by emptying the template (template[0] = '\0').

use super::mkstemp::{diagnose, Makes};
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    diagnose(m, errnum, "pathname", pathname, Makes::Name);
}
