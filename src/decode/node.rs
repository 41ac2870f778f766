//! The arguments of the calls that make names: AT_* flags, mknod's file type and
//! device number, mkostemp's extra open flags.

use super::{write_mode, AT_FLAGS, FILE_TYPES, OPEN_FLAGS};
use crate::message::Message;

/// Names from `table` joined by `|`, leftover bits in hex, `0` when nothing is set.
fn write_bits(m: &mut Message, value: i64, table: &[super::Entry]) {
    let mut rest = value;
    let mut first = true;
    for e in table {
        if e.value != 0 && rest & e.value == e.value {
            if !first {
                m.text("|");
            }
            m.text(e.name);
            first = false;
            rest &= !e.value;
        }
    }
    if rest != 0 {
        if !first {
            m.text("|");
        }
        let _ = core::fmt::write(m, format_args!("{:#x}", rest));
    } else if first {
        m.text("0");
    }
}

/// linkat's flags: `AT_SYMLINK_FOLLOW|AT_EMPTY_PATH`, or `0`.
pub fn write_at_flags(m: &mut Message, flags: i64) {
    write_bits(m, flags as i32 as i64, AT_FLAGS);
}

/// mkostemp's flags, added to O_RDWR|O_CREAT|O_EXCL: `O_APPEND|O_CLOEXEC`, or `0`.
pub fn write_mkostemp_flags(m: &mut Message, flags: i64) {
    write_bits(m, flags as i32 as i64, OPEN_FLAGS);
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

/// A device number: `makedev(1, 3)`.
pub fn write_dev(m: &mut Message, dev: i64) {
    let dev = dev as u64;
    let _ = core::fmt::write(m, format_args!("makedev({}, {})", libc::major(dev), libc::minor(dev)));
}
