//! mknod(2): ERRORS EACCES, EDQUOT, EEXIST, EFAULT, EINVAL, ELOOP, ENAMETOOLONG, ENOENT,
//! ENOMEM, ENOSPC, ENOTDIR, EPERM, EROFS. The walk explains EFAULT, ELOOP, ENAMETOOLONG
//! and the ENOENT/ENOTDIR of directory components.

use crate::decode::{file_type_name, Text};
use crate::message::prose::{dirent, fs, names, path, postmortem};
use crate::message::Message;
use crate::probe::dirent_ops::{creation_refused, Refusal};
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, mode: u32, dev: u64) {
    let kind = mode & libc::S_IFMT;
    // The kernel checks the file type before it looks at the path (may_mknod).
    if errnum == libc::EINVAL && kind != 0 && (file_type_name(mode).is_none() || kind == libc::S_IFLNK) {
        return names::bad_node_type(m, mode);
    }
    // mknod does not follow a final symbolic link, even a dangling one: it is EEXIST.
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, false) else { return };
    let creds = m.creds();
    match (errnum, found.stat) {
        (libc::EEXIST, Some(st)) => {
            names::already_exists(m, "pathname", found, &st, ", and mknod only creates a new name");
            let devices = kind == libc::S_IFCHR || kind == libc::S_IFBLK;
            // A type of 0 makes a regular file.
            let made = if kind == 0 { libc::S_IFREG } else { kind };
            if st.st_mode & libc::S_IFMT == made && (!devices || st.st_rdev == dev) {
                dirent::already_made(m, "that type of file");
            }
        }
        (libc::EPERM, _) if kind == libc::S_IFDIR => names::bad_node_type(m, mode),
        (libc::EPERM, _) => match creation_refused(found, &creds) {
            Some(r @ Refusal::DirImmutable { .. }) => dirent::refusal(m, &r, found, &creds, |m| m.text("creating")),
            _ => names::node_refused(m, mode, found, &creds),
        },
        (libc::EACCES, _) => {
            let what = |m: &mut Message| {
                m.text("creating ");
                m.quoted(found.name());
            };
            dirent::refused(m, errnum, creation_refused(found, &creds), found, &creds, what, "creating this type of file");
        }
        (libc::ENOENT, None) => dirent::parent_gone(m, found),
        (libc::ENOTDIR, _) => dirent::changed_since(m, "pathname"),
        (libc::EDQUOT | libc::ENOSPC | libc::EROFS, _) => fs::file_system(m, errnum, found),
        (libc::EINVAL, _) => fs::invalid_name(m, found),
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}
