//! lchownat (libexplain's name for fchownat(2) with AT_SYMLINK_NOFOLLOW): chown(2)'s
//! ERRORS from `dirfd`, acting on a final symbolic link itself.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::at_target;

pub fn explain(m: &mut Message, errnum: i32, dirfd: i32, pathname: &Text, owner: i32, group: i32) {
    super::chown::diagnose(m, errnum, "pathname", at_target(dirfd, pathname, libc::AT_SYMLINK_NOFOLLOW), owner, group);
}
