//! tempnam(3): ERRORS ENOMEM; glibc also fails with ENOENT (no directory: $TMPDIR, dir,
//! P_tmpdir and /tmp all unusable), EINVAL (the directory and prefix are too long for a
//! path), EEXIST (no unused name found), and lstat's errors (EACCES: the directory may
//! not be searched). glibc takes $TMPDIR first when it is a directory (not in set-user-ID
//! programs), then dir, then P_tmpdir "/tmp"; it uses at most 5 bytes of prefix, "file"
//! when prefix is NULL.

use super::mkstemp::Makes;
use super::tmpfile::in_temp_dir;
use crate::decode::Text;
use crate::message::prose::{generic, names};
use crate::message::Message;
use crate::probe::names::temp_dir;

/// glibc's tempnam builds the name in a buffer of FILENAME_MAX bytes.
const FILENAME_MAX: usize = 4096;

pub fn explain(m: &mut Message, errnum: i32, dir: &Text, prefix: &Text) {
    if errnum == libc::ENOMEM {
        return generic::meaning(m, errnum);
    }
    let choice = temp_dir(dir.is_ok().then(|| dir.bytes()), true);
    let prefix = if prefix.is_ok() { &prefix.bytes()[..prefix.len.min(5)] } else { b"file" };
    if errnum == libc::EINVAL {
        if let Some((_, d)) = &choice.used {
            if d.len() + 1 + prefix.len() + 6 + 1 > FILENAME_MAX {
                return names::temp_path_too_long(m, &choice, prefix.len(), FILENAME_MAX);
            }
        }
    }
    in_temp_dir(m, errnum, &choice, prefix, Makes::Name);
}
