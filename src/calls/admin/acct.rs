//! acct(2): ERRORS EACCES, EFAULT, EIO, EISDIR, ELOOP, ENAMETOOLONG, ENFILE, ENOENT,
//! ENOMEM, ENOSYS, ENOTDIR, EPERM, EROFS, EUSERS. A NULL pathname turns accounting off.
//! The walk explains EFAULT, ELOOP, ENAMETOOLONG and the components before the last.

use crate::decode::{Text, TextState};
use crate::message::prose::{access, dirent, fs, generic, limits, location, path};
use crate::message::Message;
use crate::probe::creds::{CAP_SYS_PACCT, WRITE};
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    let creds = m.creds();
    match errnum {
        libc::EPERM => {
            m.because();
            return access::lacks_capability(m, &creds, CAP_SYS_PACCT, "switching process accounting on or off");
        }
        libc::ENOSYS => {
            m.because();
            return m.text("this kernel was built without BSD process accounting (CONFIG_BSD_PROCESS_ACCT)");
        }
        libc::ENFILE => return limits::too_many_files_in_system(m),
        libc::EUSERS => {
            m.because();
            return m.text("the kernel ran out of file structures or memory while opening the accounting file");
        }
        _ => {}
    }
    if pathname.state == TextState::Null {
        return generic::meaning(m, errnum);
    }
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    match (errnum, found.stat) {
        (libc::ENOENT, None) => path::missing_final(m, found),
        (libc::EISDIR | libc::EACCES, Some(st)) if st.st_mode & libc::S_IFMT != libc::S_IFREG => {
            m.because();
            dirent::final_type(m, found, &st, ", and accounting records are written only to a regular file");
        }
        (libc::EACCES, Some(st)) => {
            if access::refusal(m, &st, WRITE, &creds, |m| location::path(m, found.start, found.path.as_bytes())) {
                m.text(", which the kernel needs to append accounting records to it");
            }
        }
        (libc::EROFS, _) => fs::file_system(m, errnum, found),
        (libc::EIO, _) => fs::io_error(m, found),
        _ => generic::meaning(m, errnum),
    }
}
