//! access(2): ERRORS EACCES, EFAULT, EINVAL, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM,
//! ENOTDIR, EPERM, EROFS, ETXTBSY. access checks with the real user and group, not the
//! effective ones.

use crate::decode::{unknown_bits, Text, ACCESS_MODES};
use crate::message::prose::lookup::{self, Subject};
use crate::message::prose::{access, fs, location, path};
use crate::message::Message;
use crate::probe::creds::{decide, Creds, READ, SEARCH, WRITE};
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, mode: i32) {
    let unknown = unknown_bits(mode as i64, ACCESS_MODES);
    if errnum == libc::EINVAL && unknown != 0 {
        return lookup::unknown_bits(m, "mode", unknown, ACCESS_MODES, "access(2)", Some("F_OK"));
    }
    let creds = Creds::real();
    let Ok(found) = &path::resolve_or_explain_as(m, "pathname", pathname, Start::Cwd, true, &creds, true) else { return };
    let Some(st) = lookup::existing(m, "pathname", found) else { return };
    let writing = mode & libc::W_OK != 0;
    match errnum {
        libc::EACCES => {
            let want = [(libc::R_OK, READ), (libc::W_OK, WRITE), (libc::X_OK, SEARCH)]
                .iter()
                .filter(|(bit, _)| mode & bit != 0)
                .fold(0, |w, (_, b)| w | b);
            let d = decide(&st, want, &creds);
            m.because();
            if d.granted {
                access::allowed_here(m, &st, want, &creds, |m| location::path(m, found.start, found.path.as_bytes()));
            } else {
                access::denied_real(m, &st, &d, &creds, |m| location::path(m, found.start, found.path.as_bytes()));
            }
        }
        // Only W_OK is refused by these; without it they are still the facts to state.
        libc::EROFS => fs::file_system(m, errnum, found),
        libc::ETXTBSY => lookup::running_program(m, found, &st),
        libc::EPERM => lookup::write_refused_by_attributes(m, found, writing),
        _ => lookup::unexplained(m, errnum, Subject::Path(found), &st),
    }
}
