//! opendir(3): ERRORS EACCES, EMFILE, ENFILE, ENOENT, ENOMEM, ENOTDIR. opendir is
//! open(2) with O_RDONLY|O_DIRECTORY: open's diagnosis explains everything but ENOTDIR,
//! which says what the file is instead.

use crate::calls::fs::open;
use crate::decode::Text;
use crate::message::prose::{dirent, path};
use crate::message::Message;
use crate::probe::path::{is_dir, Start};

/// The flags glibc's opendir opens with.
const FLAGS: i32 = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_NONBLOCK | libc::O_CLOEXEC;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    if errnum == libc::ENOTDIR {
        let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, Start::Cwd, true) else { return };
        if let Some(st) = found.stat.filter(|st| !is_dir(st)) {
            m.because();
            return dirent::final_type(m, found, &st, ", not a directory, and opendir reads only directories");
        }
    }
    open::diagnose(m, errnum, Start::Cwd, pathname, FLAGS, 0);
}
