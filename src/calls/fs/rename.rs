//! rename(2): ERRORS EACCES, EBUSY, EDQUOT, EFAULT, EINVAL, EISDIR, ELOOP, EMLINK,
//! ENAMETOOLONG, ENOENT, ENOMEM, ENOSPC, ENOTDIR, ENOTEMPTY (or EEXIST), EPERM, EROFS,
//! EXDEV. The walks explain EFAULT, ELOOP, ENAMETOOLONG and the ENOENT/ENOTDIR of
//! directory components, naming oldpath or newpath.

use crate::decode::Text;
use crate::message::prose::{dirent, fs, generic, path, postmortem};
use crate::message::Message;
use crate::probe::dirent_ops::{entries, is_within, mounted_here, rename_refused};
use crate::probe::path::{is_dir, Found, Start};

pub fn explain(m: &mut Message, errnum: i32, oldpath: &Text, newpath: &Text) {
    // rename acts on symbolic links themselves, at both ends.
    let Ok(old) = &path::resolve_or_explain(m, "oldpath", oldpath, Start::Cwd, false) else { return };
    if errnum == libc::ENOENT && old.stat.is_none() {
        // oldpath is missing. newpath's directory must exist too (the kernel looks up both
        // parents before the names), but its final name need not: walk only the directory,
        // and not at all when it is the current one.
        let Some(parent) = newpath.is_ok().then(|| parent_of(newpath.bytes())).flatten() else {
            return dirent::missing(m, "oldpath", old);
        };
        match path::resolve_or_explain(m, "newpath", &Text::from_bytes(parent), Start::Cwd, true) {
            // The kernel found this first: newpath's directory is missing too.
            Ok(dir) if dir.stat.is_none() => {
                m.because();
                m.text("the directory newpath would be in does not exist (and neither does oldpath)");
                path::missing_final(m, &dir);
            }
            Ok(_) => dirent::missing(m, "oldpath", old),
            Err(_) => {}
        }
        return;
    }
    let Ok(new) = &path::resolve_or_explain(m, "newpath", newpath, Start::Cwd, false) else { return };
    let old_dir = old.stat.map_or(false, |st| is_dir(&st));
    let new_dir = new.stat.map(|st| is_dir(&st));
    match (errnum, old.stat, new.stat) {
        (libc::ENOENT, None, _) => dirent::missing(m, "oldpath", old),
        (libc::EXDEV, Some(_), _) => dirent::cross_device(m, old, new),
        (libc::EINVAL, Some(st), _) if old_dir && is_within(new.start, &new.dir_path(), &st) => dirent::into_itself(m, old, new),
        (libc::EINVAL | libc::EBUSY, _, _) if dots(old) || dots(new) => {
            m.because();
            m.text("the last component of oldpath or newpath is \".\" or \"..\", which name a directory through itself or its parent and cannot be renamed");
        }
        (libc::EISDIR, Some(_), Some(nst)) if new_dir == Some(true) && !old_dir => {
            m.because();
            dirent::final_type(m, new, &nst, ", and oldpath is not a directory: only a directory can replace a directory");
        }
        (libc::ENOTDIR, Some(_), Some(nst)) if old_dir && new_dir == Some(false) => {
            m.because();
            dirent::final_type(m, new, &nst, ", and oldpath is a directory: a directory can replace only an (empty) directory");
        }
        (libc::ENOTDIR, _, _) => dirent::changed_since(m, "oldpath or newpath"),
        (libc::ENOTEMPTY | libc::EEXIST, _, Some(_)) if new_dir == Some(true) => match entries(new.start, &new.path) {
            Some(e) => dirent::contents(m, new, &e),
            None => generic::meaning(m, errnum),
        },
        (libc::EBUSY, _, _) => busy(m, old, "oldpath").or_else(|| busy(m, new, "newpath")).unwrap_or_else(|| {
            m.because();
            m.text("oldpath or newpath is in use by the system (a mount point in another mount namespace, or a file the file system holds)");
        }),
        (libc::EACCES | libc::EPERM, _, _) => {
            let creds = m.creds();
            let (r, at_new) = rename_refused(old, new, &creds).map_or((None, false), |(r, n)| (Some(r), n));
            let found = if at_new { &new } else { &old };
            let what = |m: &mut Message| {
                m.text(if at_new { "placing " } else { "removing " });
                m.quoted(found.name());
                m.text(if at_new { " there" } else { " from it" });
            };
            dirent::refused(m, errnum, r, found, &creds, what, "renaming here");
        }
        (libc::EMLINK, _, _) if old_dir => dirent::too_many_links(m, new.start, new.dir(), &new.dir_stat),
        (libc::EMLINK, Some(st), _) => {
            m.because();
            dirent::final_type(m, old, &st, "");
            let _ = core::fmt::write(m, format_args!(" with {} links, the most its file system allows", st.st_nlink));
        }
        (libc::ENOSPC | libc::EDQUOT, _, _) => fs::file_system(m, errnum, new),
        (libc::EROFS, _, _) => fs::file_system(m, errnum, old),
        (libc::ENOMEM, _, _) => generic::meaning(m, errnum),
        // EEXIST and EISDIR are about what stands at the new name; the others about the old.
        (libc::EEXIST | libc::EISDIR, _, _) => postmortem::final_component(m, errnum, "newpath", new),
        _ => postmortem::final_component(m, errnum, "oldpath", old),
    }
}

fn dots(f: &Found) -> bool {
    matches!(f.name(), b"." | b"..")
}

/// EBUSY when `f` is a mount point; None (nothing written) otherwise.
fn busy(m: &mut Message, f: &Found, arg: &str) -> Option<()> {
    let st = f.stat?;
    let mnt = mounted_here(f.start, &f.path, &st)?;
    m.because();
    m.text(arg);
    m.text(" ");
    dirent::mount_point(m, f, &mnt);
    Some(())
}

/// The directory part of a path ("a/b" gives "a/", "/x" gives "/"); None for a bare name.
fn parent_of(p: &[u8]) -> Option<&[u8]> {
    let trimmed = &p[..p.iter().rposition(|&c| c != b'/').map_or(p.len(), |i| i + 1)];
    trimmed.iter().rposition(|&c| c == b'/').map(|i| &p[..=i])
}
