//! rmdir(2): ERRORS EACCES, EBUSY, EFAULT, EINVAL, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM,
//! ENOTDIR, ENOTEMPTY (or EEXIST), EPERM, EROFS. The walk explains EFAULT, ELOOP,
//! ENAMETOOLONG and the ENOENT/ENOTDIR of directory components.

use crate::decode::Text;
use crate::message::prose::{dirent, fs, generic, path, postmortem};
use crate::message::Message;
use crate::probe::dirent_ops::{entries, removal_refused};
use crate::probe::path::{is_dir, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    // rmdir never follows a final symbolic link: it would remove the link's directory entry.
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, false) else { return };
    let creds = m.creds();
    match (errnum, found.stat) {
        (libc::ENOENT, None) => path::missing_final(m, found),
        (libc::ENOTDIR, Some(st)) if !is_dir(&st) => {
            m.because();
            dirent::final_type(m, found, &st, ", not a directory; unlink(2) removes it");
        }
        (libc::EINVAL, _) if found.name() == b"." => {
            m.because();
            m.text("the last component of pathname is \".\", and a directory cannot be removed through its own \".\" entry; name it from its parent instead");
        }
        (libc::ENOTEMPTY | libc::EEXIST, Some(_)) => match entries(found.start, &found.path) {
            Some(e) => dirent::contents(m, found, &e),
            None => generic::meaning(m, errnum),
        },
        (libc::EBUSY, _) => {
            if !dirent::busy(m, found) {
                m.because();
                m.text("the directory is in use by the system (a mount point in another mount namespace, or held by a file system)");
            }
        }
        (libc::EACCES | libc::EPERM, _) => {
            let what = |m: &mut Message| {
                m.text("removing ");
                m.quoted(found.name());
            };
            dirent::refused(m, errnum, removal_refused(found, &creds), found, &creds, what, "removing directories");
        }
        (libc::EROFS, _) => fs::file_system(m, errnum, found),
        (libc::ENOMEM, _) => generic::meaning(m, errnum),
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}
