//! tmpfile(3): ERRORS EACCES, EEXIST, EINTR, EMFILE, ENFILE, ENOSPC, EROFS; glibc also
//! fails with ENOENT when neither P_tmpdir nor /tmp is a directory. glibc opens an
//! unnamed file (O_TMPFILE) in P_tmpdir "/tmp", and where that is not supported creates
//! and unlinks a "tmpfXXXXXX" file there. `in_temp_dir` is shared with tmpnam and tempnam.

use super::mkstemp::Makes;
use crate::message::prose::{access, generic, limits, names, path};
use crate::message::Message;
use crate::probe::creds::{decide, SEARCH, WRITE};
use crate::probe::names::{taken_names, temp_dir, walk_in, TmpChoice, SUFFIX_LEN};
use crate::probe::path::{resolve_bytes, Start};

pub fn explain(m: &mut Message, errnum: i32) {
    match errnum {
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EINTR => generic::meaning(m, errnum),
        _ => in_temp_dir(m, errnum, &temp_dir(None, false), b"tmpf", Makes::File),
    }
}

/// Names the directory used, then why making `prefix` + six letters there failed.
pub fn in_temp_dir(m: &mut Message, errnum: i32, choice: &TmpChoice, prefix: &[u8], makes: Makes) {
    names::temp_dir(m, choice);
    let Some((_, dir)) = &choice.used else { return };
    let creds = m.creds();
    if errnum == libc::EACCES && makes == Makes::Name {
        // Only a name is made, but the file will be created there: say both at once.
        if let Ok(Some(st)) = resolve_bytes(Start::Cwd, dir.as_bytes(), true, &creds).map(|f| f.stat) {
            let d = decide(&st, WRITE | SEARCH, &creds);
            if !d.granted {
                m.because();
                access::denied(m, &st, &d, &creds, |m| {
                    m.text("it");
                });
                return names::temp_name_needs(m);
            }
        }
    }
    let mut name = crate::sys::CPath::from_bytes(prefix).unwrap_or_default();
    name.push(b"XXXXXX");
    match walk_in(dir, name.as_bytes()) {
        Err(f) => path::failure(m, "the temporary file's path", Start::Cwd, &f),
        Ok(found) if errnum == libc::EEXIST => {
            let taken = taken_names(found.start, &found.dir_path(), &found.name()[..found.name().len() - SUFFIX_LEN]);
            names::names_exhausted(m, &found, taken);
        }
        Ok(found) => names::creation_failed(m, errnum, &found, if makes == Makes::Name { "making a name in it" } else { "creating the temporary file" }),
    }
}
