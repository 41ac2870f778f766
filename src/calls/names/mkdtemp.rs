//! mkdtemp(3): ERRORS EINVAL (the template does not end in XXXXXX), EEXIST (no unique
//! name found), and those of mkdir(2) for the directory it creates, mode 0700.

use super::mkstemp::{diagnose, Makes};
use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    diagnose(m, errnum, "pathname", pathname, Makes::Directory);
}
