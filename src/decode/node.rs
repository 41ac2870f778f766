//! The arguments of the calls that make names: mknod's file type, mkostemp's extra
//! open flags.

use super::{write_mode, FILE_TYPES, OPEN_FLAGS};
use crate::message::Message;

/// mkostemp's flags, added to O_RDWR|O_CREAT|O_EXCL: `O_APPEND|O_CLOEXEC`, or `0`.
pub fn write_mkostemp_flags(m: &mut Message, flags: i64) {
    super::write_flags(m, flags as i32 as i64, OPEN_FLAGS, "0");
}

/// The name of a file type value (`S_IFCHR`), if it is one.
pub fn file_type_name(mode: u32) -> Option<&'static str> {
    let t = (mode & libc::S_IFMT) as i64;
    FILE_TYPES.iter().find(|e| e.value == t).map(|e| e.name)
}

/// mknod's mode: `S_IFCHR|0600`, the type first, as strace prints it.
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
    if kind != 0 {
        m.text("|");
    }
    write_mode(m, mode & !libc::S_IFMT);
}

