//! Permission modes as libexplain prints them (`S_ISGID | 0755`), or all symbolic when
//! the `symbolic-mode-bits` option is on.

use crate::message::Message;

const BITS: &[(u32, &str)] = &[
    (libc::S_ISUID, "S_ISUID"),
    (libc::S_ISGID, "S_ISGID"),
    (libc::S_ISVTX, "S_ISVTX"),
    (libc::S_IRUSR, "S_IRUSR"),
    (libc::S_IWUSR, "S_IWUSR"),
    (libc::S_IXUSR, "S_IXUSR"),
    (libc::S_IRGRP, "S_IRGRP"),
    (libc::S_IWGRP, "S_IWGRP"),
    (libc::S_IXGRP, "S_IXGRP"),
    (libc::S_IROTH, "S_IROTH"),
    (libc::S_IWOTH, "S_IWOTH"),
    (libc::S_IXOTH, "S_IXOTH"),
];

/// libexplain's notation: the set-id and sticky bits by name, the permission bits in
/// octal (`S_ISUID | 0755`, `0644`, `0`); a value with bits beyond those, in octal alone.
fn write_octal_mode(m: &mut Message, mode: u32) {
    if mode & !0o7777 != 0 || mode & 0o7000 == 0 {
        let _ = match mode {
            0 => core::fmt::write(m, format_args!("0")),
            _ => core::fmt::write(m, format_args!("0{:o}", mode)),
        };
        return;
    }
    let mut first = true;
    for &(bit, name) in &BITS[..3] {
        if mode & bit != 0 {
            m.text(if first { "" } else { " | " });
            m.text(name);
            first = false;
        }
    }
    if mode & 0o777 != 0 {
        let _ = core::fmt::write(m, format_args!(" | 0{:o}", mode & 0o777));
    }
}

pub fn write_mode(m: &mut Message, mode: u32) {
    if !m.opts.symbolic_mode_bits {
        return write_octal_mode(m, mode);
    }
    let mut rest = mode;
    let mut first = true;
    for &(bit, name) in BITS {
        if mode & bit != 0 {
            if !first {
                m.text(" | ");
            }
            m.text(name);
            first = false;
            rest &= !bit;
        }
    }
    if rest != 0 || first {
        if !first {
            m.text(" | ");
        }
        let _ = core::fmt::write(m, format_args!("0{:o}", rest));
    }
}
