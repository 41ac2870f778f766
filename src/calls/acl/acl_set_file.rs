//! acl_set_file(3): ERRORS EACCES, EINVAL, ENAMETOOLONG, ENOENT, ENOSPC, ENOTDIR,
//! ENOTSUP, EPERM, EROFS. The path and type are explained as for acl_get_file(3).

use crate::calls::acl::acl_get_file;
use crate::decode::Text;
use crate::message::prose::{acl, fs};
use crate::message::Message;
use crate::probe::acl::acl_object;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, r#type: u32, acl: usize) {
    if errnum == libc::EINVAL && acl::bad_object(m, "acl", acl_object(acl)) {
        return;
    }
    let Some(found) = acl_get_file::resolve(m, errnum, pathname, r#type) else { return };
    match (errnum, found.stat) {
        (libc::EPERM, Some(st)) => {
            let creds = m.creds();
            acl::not_owner(m, &st, &creds)
        }
        (libc::ENOSPC | libc::EROFS, _) => fs::file_system(m, errnum, &found),
        _ => acl_get_file::common(m, errnum, &found, r#type),
    }
}
