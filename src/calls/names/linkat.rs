//! linkat(2): the ERRORS of link(2), resolved from old_fildes and new_fildes, plus EBADF
//! and ENOTDIR for the directory descriptors (the walks report both), EINVAL for unknown
//! flags, and with AT_EMPTY_PATH: ENOENT (a deleted or O_TMPFILE|O_EXCL file, or no
//! CAP_DAC_READ_SEARCH), EPERM (old_fildes is a directory), EBADF (old_fildes not open).

use super::link::diagnose;
use crate::decode::Text;
use crate::message::prose::{fd, names};
use crate::message::Message;
use crate::probe::creds::CAP_DAC_READ_SEARCH;
use crate::probe::names::empty_path_file;
use crate::probe::path::{is_dir, Start};

const KNOWN: i32 = libc::AT_SYMLINK_FOLLOW | libc::AT_EMPTY_PATH;

pub fn explain(m: &mut Message, errnum: i32, old_fildes: i32, old_path: &Text, new_fildes: i32, new_path: &Text, flags: i32) {
    if errnum == libc::EINVAL && flags & !KNOWN != 0 {
        return names::unknown_at_flags(m, flags, KNOWN);
    }
    let fd_path;
    let mut old = ("old_path", Start::of(old_fildes), old_path);
    if flags & libc::AT_EMPTY_PATH != 0 && old_path.is_ok() && old_path.len == 0 {
        // The file to link is old_fildes itself.
        let Some(f) = empty_path_file(old_fildes) else {
            return fd::bad_fd(m, "old_fildes", old_fildes, None);
        };
        match errnum {
            libc::EPERM if is_dir(&f.stat) => return names::empty_path(m, old_fildes, "a directory, and hard links to directories are not allowed"),
            libc::ENOENT if f.stat.st_nlink == 0 => {
                return names::empty_path(m, old_fildes, "a file with no name left (its link count is 0: it was deleted, or opened with O_TMPFILE|O_EXCL, which forbids ever linking it)")
            }
            libc::ENOENT if !m.creds().has_cap(CAP_DAC_READ_SEARCH) => {
                return names::empty_path(m, old_fildes, "to be linked through AT_EMPTY_PATH, which needs the CAP_DAC_READ_SEARCH capability the process does not have (kernels since 6.10 also allow it when the process itself opened the file)")
            }
            _ => {}
        }
        fd_path = Text::from_bytes(f.path.as_bytes());
        old = ("old_fildes", Start::Cwd, &fd_path);
    }
    diagnose(m, errnum, old, ("new_path", Start::of(new_fildes), new_path), flags & libc::AT_SYMLINK_FOLLOW != 0);
}
