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
        m.quoted(path.as_bytes());
    }
}

/// A character argument (fputc's c): `'a'`, `'\n'`, EOF, or its number.
pub fn write_char(m: &mut Message, c: i64) {
    match c {
        -1 => m.text("EOF"),
        0x20..=0x7e => {
            let b = [b'\'', c as u8, b'\''];
            if c as u8 == b'\'' || c as u8 == b'\\' {
                m.text("'\\");
                m.raw(&b[1..]);
            } else {
                m.raw(&b);
            }
        }
        0x0a => m.text("'\\n'"),
        0x09 => m.text("'\\t'"),
        0 => m.text("'\\0'"),
        _ => m.number(c),
    }
}

/// The path of a stream's descriptor alone, after a space: getchar's echo of stdin,
/// `getchar( "/dev/pts/0")`, as libexplain prints it; nothing when it has none.
pub fn write_stream_path(m: &mut Message, fp: i64) {
    let fd = probe::stream::descriptor(fp as usize);
    let mut path = crate::sys::CPath::new();
    if fd >= 0 && probe::fd::path_of(fd, &mut path) {
        m.text(" ");
        m.quoted(path.as_bytes());
    }
}

/// A character written (putc's c): converted to unsigned char, as the call converts
/// it, then `'a'`, `'\n'`, or `0xFF` for one that is not printable.
pub fn write_byte(m: &mut Message, c: i64) {
    let b = c as u8;
    match b {
        b'\n' | b'\t' | 0 | 0x20..=0x7e => write_char(m, b as i64),
        _ => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            m.raw(&[b'0', b'x', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
        }
    }
}

/// fsetpos's position: NULL, its address when it cannot be read, else `{ <undefined> }`
/// as libexplain prints it (an fpos_t is opaque: its offset is shown by the explanation).
pub fn write_fpos(m: &mut Message, pos: i64) {
    if pos == 0 || probe::stream::fpos_offset(pos as usize).is_none() {
        return write_pointer(m, pos);
    }
    m.text("{ <undefined> }");
}
