//! Values printed by name from the generated tables: access modes, *at flags, pathconf
//! names, file system magic numbers, device numbers.

use super::{Entry, ACCESS_MODES, AT_FLAGS, FS_MAGIC, PATHCONF_NAMES};
use crate::message::Message;

/// Names of the bits of `value` found in `table`, joined by ` | `, leftover bits in hex;
/// `zero` when no bit is set.
pub fn write_flags(m: &mut Message, value: i64, table: &[Entry], zero: &str) {
    if value == 0 {
        m.text(zero);
        return;
    }
    let mut rest = value;
    let mut first = true;
    for e in table {
        if e.value != 0 && rest & e.value == e.value {
            if !first {
                m.text(" | ");
            }
            m.text(e.name);
            rest &= !e.value;
            first = false;
        }
    }
    if rest != 0 {
        if !first {
            m.text(" | ");
        }
        let _ = core::fmt::write(m, format_args!("{:#x}", rest));
    }
}

/// The bits of `value` that no name of `table` covers.
pub fn unknown_bits(value: i64, table: &[Entry]) -> i64 {
    table.iter().fold(value, |rest, e| rest & !e.value)
}

/// access(2) modes: `X_OK | W_OK | R_OK` (libexplain's order, access_mode.in), `F_OK` for 0.
pub fn write_access_mode(m: &mut Message, mode: i64) {
    write_flags(m, mode, ACCESS_MODES, "F_OK");
}

/// The AT_* flags of the *at calls.
pub fn write_at_flags(m: &mut Message, flags: i64) {
    write_flags(m, flags as i32 as i64, AT_FLAGS, "0");
}

/// The pathconf(3) name of `name`, if it has one.
pub fn pathconf_name(name: i64) -> Option<&'static str> {
    super::name_of(PATHCONF_NAMES, name)
}

/// A pathconf(3) name: `_PC_NAME_MAX`, or the number when it names nothing.
pub fn write_pathconf_name(m: &mut Message, name: i64) {
    super::fdio::write_name_or_number(m, pathconf_name(name), name);
}

/// A statfs(2) f_type: the magic number's constant and the file system's name.
pub fn fs_magic(f_type: i64) -> Option<&'static Entry> {
    FS_MAGIC.iter().find(|e| e.value == f_type)
}

/// A dev_t as libexplain prints it: `MKDEV(8, 1)`, with glibc's major and minor.
pub fn write_dev(m: &mut Message, dev: i64) {
    let dev = dev as libc::dev_t;
    let _ = core::fmt::write(m, format_args!("MKDEV({}, {})", libc::major(dev), libc::minor(dev)));
}
