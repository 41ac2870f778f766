//! mkdir(2): ERRORS EACCES, EDQUOT, EEXIST, EFAULT, EINVAL, ELOOP, EMLINK, ENAMETOOLONG,
//! ENOENT, ENOMEM, ENOSPC, ENOTDIR, EPERM, EROFS. The walk explains EFAULT, ELOOP,
//! ENAMETOOLONG and the ENOENT/ENOTDIR of directory components.

use crate::decode::Text;
use crate::message::prose::{dirent, fs, generic, path, postmortem};
use crate::message::Message;
use crate::probe::dirent_ops::creation_refused;
use crate::probe::path::{is_dir, is_link, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, _mode: u32) {
    // mkdir does not follow a final symbolic link, even a dangling one: it is EEXIST.
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, false) else { return };
    let creds = m.creds();
    match (errnum, found.stat) {
        (libc::EEXIST, Some(st)) => {
            m.because();
            dirent::existing(m, found, &st);
            m.text(", already there, and mkdir only creates a new name");
            if is_dir(&st) {
                dirent::already_made(m, "a directory");
            } else if is_link(&st) && crate::sys::stat_at(found.start.fd(), &found.path, true).is_ok_and(|t| is_dir(&t)) {
                dirent::link_to_directory(m);
            }
        }
        // Missing parents stop the walk above, so the parent exists now.
        (libc::ENOENT, None) => dirent::parent_gone(m, found),
        (libc::ENOTDIR, _) => dirent::changed_since(m, "pathname"),
        (libc::EACCES | libc::EPERM, _) => {
            let what = |m: &mut Message| {
                m.text("creating ");
                m.quoted(found.name());
            };
            dirent::refused(m, errnum, creation_refused(found, &creds), found, &creds, what, "creating directories");
        }
        (libc::EMLINK, _) => dirent::too_many_links(m, found.start, found.dir(), &found.dir_stat),
        (libc::ENOSPC | libc::EDQUOT | libc::EROFS, _) => fs::file_system(m, errnum, found),
        (libc::EINVAL, _) => fs::invalid_name(m, found),
        (libc::ENOMEM, _) => generic::meaning(m, errnum),
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}
