//! acl_get_file(3): ERRORS EACCES, EINVAL, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR,
//! ENOTSUP. `diagnose` is shared with acl_set_file(3), which adds EINVAL for the ACL,
//! ENOSPC, EPERM and EROFS.

use crate::decode::Text;
use crate::message::prose::{acl, generic, path};
use crate::message::Message;
use crate::probe::acl::supported_at;
use crate::probe::path::{is_dir, Found, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, r#type: u32) {
    let Some(found) = resolve(m, errnum, pathname, r#type) else { return };
    common(m, errnum, &found, r#type);
}

fn type_known(t: u32) -> bool {
    t == crate::sys::acl::ACL_TYPE_ACCESS || t == crate::sys::acl::ACL_TYPE_DEFAULT
}

/// The checks before the walk (the type) and the walk; None when that explained it.
pub fn resolve(m: &mut Message, errnum: i32, pathname: &Text, t: u32) -> Option<Found> {
    if errnum == libc::EINVAL && !type_known(t) {
        m.because();
        let _ = core::fmt::write(m, format_args!("type is {t:#x}, which is neither ACL_TYPE_ACCESS nor ACL_TYPE_DEFAULT"));
        return None;
    }
    path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true).ok()
}

/// What getting and setting have in common once the file is found; the errno arms a
/// setter has beyond these return through `generic` so it can take them first.
pub fn common(m: &mut Message, errnum: i32, found: &Found, t: u32) {
    match (errnum, found.stat) {
        (libc::ENOENT, None) => path::missing_final(m, found),
        (libc::EACCES | libc::EINVAL, Some(st)) if t == crate::sys::acl::ACL_TYPE_DEFAULT && !is_dir(&st) => {
            m.because();
            crate::message::prose::dirent::final_type(m, found, &st, ", and only directories have a default ACL (ACL_TYPE_DEFAULT)");
        }
        (libc::ENOTSUP, Some(st)) => acl::unsupported(m, &st, supported_at(&found.path)),
        (libc::ENOTSUP, None) => acl::unsupported(m, &found.dir_stat, None),
        _ => generic::meaning(m, errnum),
    }
}
