//! chdir(2): ERRORS EACCES, EFAULT, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR.
//! The walk explains EFAULT, ELOOP, ENAMETOOLONG and every component before the last;
//! `diagnose` is shared with chroot(2), which resolves its directory the same way.

use crate::decode::Text;
use crate::message::prose::{access, dirent, location, path, postmortem};
use crate::message::Message;
use crate::probe::creds::SEARCH;
use crate::probe::path::{is_dir, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    diagnose(m, errnum, pathname, "making it the current directory");
}

/// The directory named by `pathname` must exist, be a directory and be searchable.
pub fn diagnose(m: &mut Message, errnum: i32, pathname: &Text, purpose: &str) {
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    match (errnum, found.stat) {
        (libc::ENOENT, None) => path::missing_final(m, found),
        (libc::ENOTDIR, Some(st)) if !is_dir(&st) => {
            m.because();
            dirent::final_type(m, found, &st, ", not a directory");
        }
        (libc::EACCES, Some(st)) if is_dir(&st) => {
            let creds = m.creds();
            access::refusal(m, &st, SEARCH, &creds, |m| {
                m.text("the directory ");
                location::path(m, found.start, found.path.as_bytes());
            });
            m.text(", which ");
            m.text(purpose);
            m.text(" needs");
        }
        (libc::EIO, _) => crate::message::prose::fs::io_error(m, found),
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}
