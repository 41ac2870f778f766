//! fchownat(2): chown(2)'s ERRORS from `dirfd` (EBADF, ENOTDIR through the walk), and
//! EINVAL for flags other than AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH.

use crate::decode::Text;
use crate::message::prose::ownership;
use crate::message::Message;
use crate::probe::ownership::at_target;

const ALLOWED: i32 = libc::AT_SYMLINK_NOFOLLOW | libc::AT_EMPTY_PATH;

pub fn explain(m: &mut Message, errnum: i32, dirfd: i32, pathname: &Text, owner: i32, group: i32, flags: i32) {
    if errnum == libc::EINVAL && flags & !ALLOWED != 0 {
        return ownership::unsupported_flags(m, "flags", flags, ALLOWED);
    }
    let arg = if flags & libc::AT_EMPTY_PATH != 0 && pathname.len == 0 { "dirfd" } else { "pathname" };
    super::chown::diagnose(m, errnum, arg, at_target(dirfd, pathname, flags), owner, group);
}
