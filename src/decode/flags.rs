//! Flags printed the way libexplain prints them: the access mode first, names joined by
//! ` | `, leftover bits in octal.

use super::OPEN_FLAGS;
use crate::message::Message;

pub fn access_mode_name(flags: i32) -> &'static str {
    match flags & libc::O_ACCMODE {
        libc::O_RDONLY => "O_RDONLY",
        libc::O_WRONLY => "O_WRONLY",
        libc::O_RDWR => "O_RDWR",
        _ => "O_ACCMODE",
    }
}

pub fn write_open_flags(m: &mut Message, flags: i32) {
    m.text(access_mode_name(flags));
    let mut rest = flags & !libc::O_ACCMODE;
    for e in OPEN_FLAGS {
        if rest == 0 {
            return;
        }
        let v = e.value as i32;
        if v != 0 && rest & v == v {
            m.text(" | ");
            m.text(e.name);
            rest &= !v;
        }
    }
    if rest != 0 {
        let _ = core::fmt::write(m, format_args!(" | 0{:o}", rest as u32));
    }
}
