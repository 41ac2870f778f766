//! chown(2): ERRORS EACCES, EFAULT, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR
//! (through the path walk), EIO, EPERM (changing the owner without CAP_CHOWN; changing
//! the group when not the owner, or to a group the owner is not in; immutable or
//! append-only), EROFS; fchown's EBADF; fchownat's EBADF, ENOTDIR (dirfd) and EINVAL
//! (flags). `diagnose` is shared with fchown, lchown, fchownat and lchownat.

use crate::decode::Text;
use crate::message::prose::{generic, ownership};
use crate::message::Message;
use crate::probe::ownership::{chown_refusal, Target};
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, owner: i32, group: i32) {
    diagnose(m, errnum, "pathname", Target::Path { start: Start::Cwd, path: pathname, follow: true }, owner, group);
}

pub fn diagnose(m: &mut Message, errnum: i32, arg: &str, target: Target, owner: i32, group: i32) {
    if errnum == libc::ENOMEM {
        return generic::meaning(m, errnum);
    }
    let Some(s) = ownership::locate(m, errnum, arg, &target) else { return };
    let creds = m.creds();
    let action = if owner != -1 { "change its owner" } else { "change its group" };
    match errnum {
        libc::EPERM => match chown_refusal(&s, owner, group, &creds) {
            Some(r) => ownership::refused(m, &s, &r, &creds, action),
            None => ownership::allowed_yet_refused(m, &s, &creds, action),
        },
        libc::EROFS => ownership::file_system(m, errnum, &s),
        libc::EIO => ownership::io_error(m, &s),
        _ => ownership::otherwise(m, errnum, arg, &s),
    }
}
