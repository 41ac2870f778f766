//! lchown(2): chown(2)'s ERRORS, acting on a final symbolic link itself.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, owner: i32, group: i32) {
    super::chown::diagnose(m, errnum, "pathname", Target::Path { start: Start::Cwd, path: pathname, follow: false }, owner, group);
}
