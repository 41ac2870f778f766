//! utimensat(2): ERRORS EACCES (both times now, and neither owner, CAP_FOWNER nor write
//! permission), EBADF, EFAULT (times or pathname), EINVAL (flags; a tv_nsec out of
//! range; NULL pathname with flags), ELOOP, ENAMETOOLONG, ENOENT, ENOTDIR (through the
//! walk), EPERM (explicit times and neither owner nor CAP_FOWNER; immutable or
//! append-only), EROFS, ESRCH (search permission, through the walk). `diagnose` is
//! shared with utime, utimes, futimes, lutimes, futimesat, utimens and futimens.

use crate::decode::Text;
use crate::message::prose::{generic, ownership, times};
use crate::message::Message;
use crate::probe::ownership::{at_target, times_refusal, touch_denied, Target};
use crate::probe::times::{Layout, Times};

const ALLOWED: i32 = libc::AT_SYMLINK_NOFOLLOW | libc::AT_EMPTY_PATH;

pub fn explain(m: &mut Message, errnum: i32, dirfd: i32, pathname: &Text, times: usize, flags: i32) {
    if errnum == libc::EINVAL && flags & !ALLOWED != 0 {
        return ownership::unsupported_flags(m, "flags", flags, ALLOWED);
    }
    if errnum == libc::EINVAL && flags != 0 && !pathname.is_ok() && dirfd != libc::AT_FDCWD {
        return times::null_path_with_flags(m);
    }
    let t = Times::read(times, Layout::Timespec);
    diagnose(m, errnum, "pathname", target(dirfd, pathname, flags), "times", &t);
}

/// With a NULL pathname and a real dirfd, the call acts on dirfd itself (Linux).
pub fn target(dirfd: i32, pathname: &Text, flags: i32) -> Target<'_> {
    if pathname.addr == 0 && dirfd != libc::AT_FDCWD {
        return Target::Fd(dirfd);
    }
    at_target(dirfd, pathname, flags)
}

pub fn diagnose(m: &mut Message, errnum: i32, arg: &str, target: Target, times_arg: &str, t: &Times) {
    if times::bad_times(m, errnum, times_arg, t) {
        return;
    }
    if errnum == libc::ENOMEM || errnum == libc::ENOSYS {
        return generic::meaning(m, errnum);
    }
    let arg = if matches!(target, Target::Fd(_)) && arg == "pathname" { "dirfd" } else { arg };
    let Some(s) = ownership::locate(m, errnum, arg, &target) else { return };
    let creds = m.creds();
    let action = if t.is_touch() { "set its times" } else { "set its times to values other than the current time" };
    match errnum {
        libc::EACCES => match touch_denied(&s, &creds).filter(|_| t.is_touch()) {
            Some(d) => ownership::touch_denied(m, &s, &d, &creds),
            None => ownership::allowed_yet_refused(m, &s, &creds, action),
        },
        libc::EPERM => match times_refusal(&s, t, &creds) {
            Some(r) => ownership::refused(m, &s, &r, &creds, action),
            None => ownership::allowed_yet_refused(m, &s, &creds, action),
        },
        libc::EROFS => ownership::file_system(m, errnum, &s),
        libc::EIO => ownership::io_error(m, &s),
        _ => ownership::otherwise(m, errnum, arg, &s),
    }
}
