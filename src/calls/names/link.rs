//! link(2): ERRORS EACCES, EDQUOT, EEXIST, EFAULT, EIO, ELOOP, EMLINK, ENAMETOOLONG,
//! ENOENT, ENOMEM, ENOSPC, ENOTDIR, EPERM, EROFS, EXDEV. The walks explain EFAULT,
//! ELOOP, ENAMETOOLONG and the ENOENT/ENOTDIR of directory components, naming oldpath
//! or newpath. `diagnose` is shared with linkat(2).

use crate::decode::Text;
use crate::message::prose::{dirent, fs, names, path, postmortem};
use crate::message::Message;
use crate::probe::creds::Creds;
use crate::probe::dirent_ops::{creation_refused, inode_flags, Refusal};
use crate::probe::names::hardlink_refused;
use crate::probe::path::{is_dir, Found, Start};

pub fn explain(m: &mut Message, errnum: i32, oldpath: &Text, newpath: &Text) {
    // Linux's link(2) does not follow a final symbolic link in oldpath: it links the link.
    diagnose(m, errnum, ("oldpath", Start::Cwd, oldpath), ("newpath", Start::Cwd, newpath), false);
}

/// Each path with its argument name and where it starts; `follow` follows a final
/// symbolic link in the old path (linkat's AT_SYMLINK_FOLLOW).
pub fn diagnose(m: &mut Message, errnum: i32, old: (&str, Start, &Text), new: (&str, Start, &Text), follow: bool) {
    let (old_arg, new_arg) = (old.0, new.0);
    let Ok(old) = &path::resolve_or_explain(m, old_arg, old.2, old.1, follow) else { return };
    let Ok(new) = &path::resolve_or_explain(m, new_arg, new.2, new.1, false) else { return };
    let args = [old_arg, new_arg];
    let creds = m.creds();
    match (errnum, old.stat, new.stat) {
        (libc::ENOENT, None, _) => dirent::missing(m, old_arg, old),
        (libc::ENOENT, Some(_), None) => dirent::parent_gone(m, new),
        (libc::EEXIST, old_st, Some(st)) => {
            names::already_exists(m, new_arg, new, &st, ", and link(2) never replaces an existing name");
            if old_st.is_some_and(|o| (o.st_dev, o.st_ino) == (st.st_dev, st.st_ino)) {
                dirent::already_made(m, "a hard link to the same file");
            }
        }
        (libc::EXDEV, Some(_), _) => names::cross_mount(m, args, old, new),
        (libc::EPERM, Some(st), _) if is_dir(&st) => names::directory_link(m, old_arg, old),
        (libc::EPERM, Some(st), _) => refused(m, old_arg, old, new, &st, &creds),
        (libc::EACCES, _, _) => {
            let what = |m: &mut Message| {
                m.text("creating ");
                m.quoted(new.name());
            };
            dirent::refused(m, errnum, creation_refused(new, &creds), new, &creds, what, "hard links");
        }
        (libc::EMLINK, Some(st), _) => names::file_link_limit(m, old_arg, old, &st),
        (libc::ENOSPC | libc::EDQUOT | libc::EROFS, _, _) => fs::file_system(m, errnum, new),
        (libc::ENOTDIR, _, _) => dirent::changed_since(m, "a path"),
        (libc::EIO, _, _) => fs::io_error(m, new),
        // EEXIST is about the new name; the others about the file being linked.
        (libc::EEXIST, _, _) => postmortem::final_component(m, errnum, new_arg, new),
        _ => postmortem::final_component(m, errnum, old_arg, old),
    }
}

/// EPERM for a file that is not a directory, in the kernel's order: protected_hardlinks,
/// the file's attributes, the new directory's, then the file system itself.
fn refused(m: &mut Message, old_arg: &str, old: &Found, new: &Found, st: &crate::sys::Stat, creds: &Creds) {
    if let Some(why) = hardlink_refused(st, creds) {
        return names::unsafe_source(m, old_arg, old, st, &why, creds);
    }
    let flags = old.attributes().unwrap_or_else(|| inode_flags(old.start, &old.path, st));
    let r = if flags.immutable {
        Some(Refusal::FileImmutable { file: *st })
    } else if flags.append_only {
        Some(Refusal::FileAppendOnly { file: *st })
    } else {
        creation_refused(new, creds).filter(|r| matches!(r, Refusal::DirImmutable { .. }))
    };
    let found = if matches!(r, Some(Refusal::DirImmutable { .. })) { new } else { old };
    let what = |m: &mut Message| m.text("linking");
    dirent::refused(m, libc::EPERM, r, found, creds, what, "hard links");
}
