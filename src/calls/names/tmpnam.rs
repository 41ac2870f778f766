//! tmpnam(3): the man page defines no errors; glibc fails when neither P_tmpdir nor /tmp
//! is a directory (ENOENT), when no unused name was found (EEXIST), or when lstat of a
//! name fails otherwise (EACCES: the directory may not be searched). The name is made in
//! P_tmpdir "/tmp" from "file" and six letters; `pathname` is only the output buffer.

use super::mkstemp::Makes;
use super::tmpfile::in_temp_dir;
use crate::message::Message;
use crate::probe::names::temp_dir;

pub fn explain(m: &mut Message, errnum: i32, _pathname: usize) {
    in_temp_dir(m, errnum, &temp_dir(None, false), b"file", Makes::Name);
}
