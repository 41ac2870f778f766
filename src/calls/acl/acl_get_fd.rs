//! acl_get_fd(3): ERRORS EBADF, ENOMEM, ENOTSUP. The descriptor is named with its path.

use crate::message::prose::{acl, fd, generic};
use crate::message::Message;
use crate::probe::acl::supported_fd;
use crate::probe::fd::facts;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32) {
    diagnose(m, errnum, fildes);
}

/// Shared with acl_set_fd(3): EBADF and ENOTSUP of the descriptor.
pub fn diagnose(m: &mut Message, errnum: i32, fildes: i32) {
    let st = facts(fildes).and_then(|f| f.stat);
    match (errnum, st) {
        (libc::EBADF, _) | (_, None) => fd::bad_fd(m, "fildes", fildes, None),
        (libc::ENOTSUP, Some(st)) => acl::unsupported(m, &st, supported_fd(fildes)),
        _ => generic::meaning(m, errnum),
    }
}
