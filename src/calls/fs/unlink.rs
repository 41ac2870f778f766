//! unlink(2): ERRORS EACCES, EBUSY, EFAULT, EIO, EISDIR, ELOOP, ENAMETOOLONG, ENOENT,
//! ENOMEM, ENOTDIR, EPERM, EROFS. The walk explains EFAULT, ELOOP, ENAMETOOLONG and the
//! ENOENT/ENOTDIR of directory components.

use crate::decode::Text;
use crate::message::prose::{dirent, fs, generic, path, postmortem};
use crate::message::Message;
use crate::probe::dirent_ops::removal_refused;
use crate::probe::path::{is_dir, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    // unlink removes a final symbolic link itself, never what it points to.
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, false) else { return };
    let creds = m.creds();
    match (errnum, found.stat) {
        (libc::ENOENT, None) => path::missing_final(m, found),
        (libc::EISDIR, Some(st)) | (libc::EPERM, Some(st)) if is_dir(&st) => {
            m.because();
            path::final_is(m, found, "a directory, and unlink(2) removes only non-directories; use rmdir(2) (rmdir, or rm -r for a non-empty one)");
        }
        (libc::ENOTDIR, Some(st)) if found.trailing_slash && !is_dir(&st) => {
            m.because();
            dirent::final_type(m, found, &st, ", yet pathname ends in '/' as if it were a directory");
        }
        (libc::EACCES | libc::EPERM, _) => {
            let what = |m: &mut Message| {
                m.text("removing ");
                m.quoted(found.name());
            };
            dirent::refused(m, errnum, removal_refused(found, &creds), found, &creds, what, "removing this file");
        }
        (libc::EBUSY, Some(st)) => {
            m.because();
            match crate::probe::dirent_ops::mounted_here(found.start, &found.path, &st) {
                Some(mnt) => dirent::mount_point(m, found, &mnt),
                None => path::final_is(m, found, "in use by the system: a file bind-mounted over, or a swap file"),
            }
        }
        (libc::EROFS, _) => fs::file_system(m, errnum, found),
        (libc::EIO, _) => fs::io_error(m, found),
        (libc::ENOMEM, _) => generic::meaning(m, errnum),
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}
