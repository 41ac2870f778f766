//! truncate(2): ERRORS EACCES, EFAULT, EFBIG, EINTR, EINVAL, EIO, EISDIR, ELOOP,
//! ENAMETOOLONG, ENOENT, ENOTDIR, EPERM, EROFS, ETXTBSY. The walk explains EFAULT,
//! ELOOP, ENAMETOOLONG and the ENOENT/ENOTDIR of directory components.

use crate::decode::Text;
use crate::message::prose::{access, dirent, fs, location, names, path, postmortem};
use crate::message::Message;
use crate::probe::creds::{decide, WRITE};
use crate::probe::dirent_ops::{inode_flags, Refusal};
use crate::probe::files::process_running;
use crate::probe::limits::file_size_limit;
use crate::probe::mounts::mount_of;
use crate::probe::names::max_file_size;
use crate::probe::path::{is_dir, Start};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, length: i64) {
    if errnum == libc::EINVAL && length < 0 {
        return names::negative_length(m, length);
    }
    // truncate follows symbolic links to the file they name.
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
    let creds = m.creds();
    let Some(st) = found.stat else {
        return match errnum {
            libc::ENOENT => path::missing_final(m, found),
            _ => postmortem::final_component(m, errnum, "pathname", found),
        };
    };
    match errnum {
        libc::EISDIR if is_dir(&st) => {
            m.because();
            path::final_is(m, found, "a directory, and only regular files can be truncated");
        }
        libc::EINVAL if st.st_mode & libc::S_IFMT != libc::S_IFREG => {
            m.because();
            dirent::final_type(m, found, &st, ", and only regular files can be truncated");
        }
        libc::EACCES => {
            let d = decide(&st, WRITE, &creds);
            if d.granted {
                return dirent::unexplained_refusal(m, errnum);
            }
            m.because();
            access::denied(m, &st, &d, &creds, |m| location::path(m, found.start, found.path.as_bytes()));
        }
        libc::EPERM => {
            let flags = found.attributes().unwrap_or_else(|| inode_flags(found.start, &found.path, &st));
            if flags.immutable {
                dirent::refusal(m, &Refusal::FileImmutable { file: st }, found, &creds, |m| m.text("truncating"));
            } else if flags.append_only {
                dirent::refusal(m, &Refusal::FileAppendOnly { file: st }, found, &creds, |m| m.text("truncating"));
            } else {
                names::cannot_resize(m, found, st.st_size, length);
            }
        }
        libc::EFBIG => {
            let mnt = mount_of(&st);
            let max = mnt.as_ref().and_then(|mt| max_file_size(mt).map(|x| (x, mt)));
            names::too_big(m, length, file_size_limit(), max);
        }
        libc::ETXTBSY => {
            m.because();
            path::final_is(m, found, "a program that is running");
            names::running_in(m, process_running(&st));
        }
        libc::EROFS => fs::file_system(m, errnum, found),
        libc::EIO => fs::io_error(m, found),
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}
