//! chmod(2): ERRORS EACCES, EFAULT, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR
//! (through the path walk), EPERM (not the owner and no CAP_FOWNER; immutable or
//! append-only), EROFS; fchmod's EBADF and lchmod's EOPNOTSUPP (a symbolic link).
//! `diagnose` is shared with fchmod(2) and lchmod.

use crate::decode::Text;
use crate::message::prose::{generic, ownership};
use crate::message::Message;
use crate::probe::ownership::{chmod_refusal, Target};
use crate::probe::path::{is_link, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, _mode: u32) {
    diagnose(m, errnum, "pathname", Target::Path { start: Start::Cwd, path: pathname, follow: true });
}

/// The mode itself is never refused: chmod ignores bits it cannot set.
pub fn diagnose(m: &mut Message, errnum: i32, arg: &str, target: Target) {
    if errnum == libc::ENOMEM {
        return generic::meaning(m, errnum);
    }
    let Some(s) = ownership::locate(m, errnum, arg, &target) else { return };
    let creds = m.creds();
    const ACTION: &str = "change its mode";
    match errnum {
        libc::EPERM => match chmod_refusal(&s, &creds) {
            Some(r) => ownership::refused(m, &s, &r, &creds, ACTION),
            None => ownership::allowed_yet_refused(m, &s, &creds, ACTION),
        },
        libc::EROFS => ownership::file_system(m, errnum, &s),
        libc::EOPNOTSUPP if is_link(&s.stat) => ownership::link_mode(m, &s),
        libc::EIO => ownership::io_error(m, &s),
        _ => ownership::otherwise(m, errnum, arg, &s),
    }
}
