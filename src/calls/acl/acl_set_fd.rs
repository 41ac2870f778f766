//! acl_set_fd(3): ERRORS EBADF, EINVAL, ENOSPC, ENOTSUP, EPERM, EROFS.

use crate::calls::acl::acl_get_fd;
use crate::message::prose::{acl, fs};
use crate::message::Message;
use crate::probe::acl::acl_object;
use crate::probe::fd::facts;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, acl: usize) {
    if errnum == libc::EINVAL && acl::bad_object(m, "acl", acl_object(acl)) {
        return;
    }
    match (errnum, facts(fildes).and_then(|f| f.stat)) {
        (libc::EPERM, Some(st)) => {
            let creds = m.creds();
            acl::not_owner(m, &st, &creds)
        }
        (libc::ENOSPC | libc::EROFS, Some(st)) => fs::file_system_of(m, errnum, &st),
        _ => acl_get_fd::diagnose(m, errnum, fildes),
    }
}
