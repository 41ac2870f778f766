//! The arguments of the calls that make names: mknod's file type, mkostemp's extra
//! open flags.

use super::{write_mode, FILE_TYPES};
use crate::message::Message;

/// mkostemp's flags, added to O_RDWR|O_CREAT|O_EXCL, written as open flags
/// (`O_RDONLY | O_CLOEXEC`), as libexplain does.
pub fn write_mkostemp_flags(m: &mut Message, flags: i64) {
    super::write_open_flags(m, flags as i32);
}

/// The name of a file type value (`S_IFCHR`), if it is one.
pub fn file_type_name(mode: u32) -> Option<&'static str> {
    let t = (mode & libc::S_IFMT) as i64;
    super::name_of(FILE_TYPES, t)
}

/// mknod's mode: `S_IFCHR | 0600`, the type first, as libexplain prints it.
pub fn write_mknod_mode(m: &mut Message, mode: i64) {
    let mode = mode as u32;
    let kind = mode & libc::S_IFMT;
    match file_type_name(mode) {
        Some(name) => m.text(name),
        None if kind == 0 => {}
        None => {
            let _ = core::fmt::write(m, format_args!("0{:o}", kind));
        }
    }
    let perm = mode & !libc::S_IFMT;
    if kind != 0 && perm == 0 {
        return;
    }
    if kind != 0 {
        m.text(" | ");
    }
    write_mode(m, perm);
}

