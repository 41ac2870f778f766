//! The echo of a stdio stream (FILE *): `stdout "/var/log/app.log"` for the standard
//! three, else its address and, for a live stream whose descriptor is open, that
//! descriptor's path (`0x55d0c8e0 "/tmp/x"`). A NULL, wild or freed pointer is echoed as
//! its address only: the explanation says what it is.

use super::write_pointer;
use crate::message::Message;
use crate::probe;

pub fn write_stream(m: &mut Message, fp: i64) {
    let fp = fp as usize;
    match crate::sys::stream::standard_name(fp) {
        Some(name) => m.text(name),
        None => write_pointer(m, fp as i64),
    }
    if fp == 0 {
        return;
    }
    let fd = probe::stream::descriptor(fp);
    let mut path = crate::sys::CPath::new();
    if fd >= 0 && probe::fd::path_of(fd, &mut path) {
        m.text(" ");
        m.quoted(super::fd_name(path.as_bytes()));
    }
}

/// A character argument (fputc's c) as libexplain echoes it: converted to unsigned char
/// as fputc converts it, then `'a'`, a C escape (`'\n'`, `'\0'`), or `0xC8`.
pub fn write_char(m: &mut Message, c: i64) {
    let b = c as u8;
    let escape = match b {
        0 => Some(b'0'),
        7 => Some(b'a'),
        8 => Some(b'b'),
        9 => Some(b't'),
        10 => Some(b'n'),
        11 => Some(b'v'),
        12 => Some(b'f'),
        13 => Some(b'r'),
        b'\'' | b'\\' => Some(b),
        _ => None,
    };
    match (escape, b) {
        (Some(e), _) => m.raw(&[b'\'', b'\\', e, b'\'']),
        (None, 0x20..=0x7e) => m.raw(&[b'\'', b, b'\'']),
        (None, _) => {
            let _ = core::fmt::write(m, format_args!("0x{b:02X}"));
        }
    }
}
