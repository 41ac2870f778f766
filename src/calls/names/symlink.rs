//! symlink(2): ERRORS EACCES, EDQUOT, EEXIST, EFAULT, EIO, ELOOP, ENAMETOOLONG, ENOENT,
//! ENOMEM, ENOSPC, ENOTDIR, EPERM, EROFS. oldpath is the target the link holds, never
//! resolved; the walk of newpath explains EFAULT, ELOOP, ENAMETOOLONG and the
//! ENOENT/ENOTDIR of its directory components, with the nearest existing name.

use crate::decode::{Text, TextState};
use crate::message::prose::{dirent, fs, names, path, postmortem};
use crate::message::Message;
use crate::probe::dirent_ops::creation_refused;
use crate::probe::path::{is_link, link_target, Failure, Start, PATH_MAX};

pub fn explain(m: &mut Message, errnum: i32, oldpath: &Text, newpath: &Text) {
    if !oldpath.is_ok() {
        // NULL or unreadable: EFAULT whatever the other argument.
        let f = if oldpath.state == TextState::Null { Failure::Null } else { Failure::Unreadable };
        return path::failure(m, "oldpath", Start::Cwd, &f);
    }
    match errnum {
        libc::ENOENT if oldpath.len == 0 => return names::empty_target(m),
        libc::ENAMETOOLONG if oldpath.len >= PATH_MAX => return names::target_too_long(m, oldpath.len),
        _ => {}
    }
    // symlink never follows a final symbolic link in newpath: one there is EEXIST.
    let Ok(new) = &path::resolve_or_explain(m, "newpath", newpath, Start::Cwd, false) else { return };
    let creds = m.creds();
    match (errnum, new.stat) {
        (libc::EEXIST, Some(st)) => {
            names::already_exists(m, "newpath", new, &st, ", and symlink(2) never replaces an existing name");
            if is_link(&st) && link_target(new.start, &new.path).is_some_and(|t| t.as_bytes() == oldpath.bytes()) {
                dirent::already_made(m, "a symbolic link to that very target");
            }
        }
        (libc::ENOENT, None) => dirent::parent_gone(m, new),
        (libc::ENOTDIR, _) => dirent::changed_since(m, "newpath"),
        (libc::EACCES | libc::EPERM, _) => {
            let what = |m: &mut Message| {
                m.text("creating ");
                m.quoted(new.name());
            };
            dirent::refused(m, errnum, creation_refused(new, &creds), new, &creds, what, "symbolic links");
        }
        (libc::EDQUOT | libc::ENOSPC | libc::EROFS, _) => fs::file_system(m, errnum, new),
        (libc::EIO, _) => fs::io_error(m, new),
        _ => postmortem::final_component(m, errnum, "newpath", new),
    }
}
