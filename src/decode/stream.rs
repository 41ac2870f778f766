//! The echo of a stdio stream (FILE *): `stdout "/var/log/app.log"` for the standard
//! three, else its address (as libexplain prints it: `0x00001234`) and, for a live stream whose descriptor is open, that
//! descriptor's path (`0x55D0C8E0 "/tmp/x"`). A NULL, wild or freed pointer is echoed as
//! its address only: the explanation says what it is.

use super::Entry;
use crate::message::Message;
use crate::probe;

/// setvbuf(3)'s buffering modes (generated from setvbuf_modes.in).
pub static SETVBUF_MODES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/setvbuf_modes.rs"));
/// Signal names and what each means to a shell user (generated from signals.in).
pub static SIGNALS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/signals.rs"));

/// The table row of signal `sig`, if it is one of the standard signals.
pub fn signal(sig: i32) -> Option<&'static Entry> {
    SIGNALS.iter().find(|e| e.value == sig as i64)
}

/// setvbuf's mode: `_IOFBF`, `_IOLBF`, `_IONBF`, or the number.
pub fn write_setvbuf_mode(m: &mut Message, mode: i64) {
    super::fdio::named(m, SETVBUF_MODES, mode);
}

/// A stream's address the way libexplain prints one: upper-case hex digits, at least
/// eight of them (`0x00001234`, `0x55D95EB052A0`).
fn write_address(m: &mut Message, p: usize) {
    let mut digits = [b'0'; 16];
    let mut at = digits.len();
    let mut v = p;
    while v != 0 || at > digits.len() - 8 {
        at -= 1;
        digits[at] = b"0123456789ABCDEF"[v & 15];
        v >>= 4;
    }
    m.text("0x");
    m.raw(&digits[at..]);
}

pub fn write_stream(m: &mut Message, fp: i64) {
    let fp = fp as usize;
    match crate::sys::stream::standard_name(fp) {
        Some(name) => m.text(name),
        None if fp == 0 => m.text("NULL"),
        None => write_address(m, fp),
    }
    if fp == 0 {
        return;
    }
    let fd = probe::stream::descriptor(fp);
    // A stream on a socket: its addresses, as a socket descriptor is echoed.
    if fd >= 0 && crate::sys::stat_fd(fd).is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFSOCK) && super::sock::write_socket_ends(m, fd) {
        return;
    }
    let mut path = crate::sys::CPath::new();
    if fd >= 0 && probe::fd::path_of(fd, &mut path) {
        m.text(" ");
        m.quoted(super::fd_name(path.as_bytes()));
    }
}

/// The C escape letter of a character libexplain writes escaped in single quotes.
fn escape_letter(b: u8, with_controls: bool) -> Option<u8> {
    match b {
        9 => Some(b't'),
        10 => Some(b'n'),
        11 => Some(b'v'),
        12 => Some(b'f'),
        13 => Some(b'r'),
        b'\'' | b'\\' => Some(b),
        0 if with_controls => Some(b'0'),
        7 if with_controls => Some(b'a'),
        8 if with_controls => Some(b'b'),
        _ => None,
    }
}

/// `'a'` or `'\n'` for a byte that libexplain writes as a character literal.
fn write_literal(m: &mut Message, b: u8, with_controls: bool) -> bool {
    match (escape_letter(b, with_controls), b) {
        (Some(e), _) => m.raw(&[b'\'', b'\\', e, b'\'']),
        (None, 0x20..=0x7e) => m.raw(&[b'\'', b, b'\'']),
        _ => return false,
    }
    true
}

/// An int holding a character, as libexplain echoes ungetc's c: EOF; a printable or
/// escapable low byte as a literal, with any higher bits after it (`',' | 0x0100`);
/// anything else as the decimal number.
pub fn write_char(m: &mut Message, c: i64) {
    if c == libc::EOF as i64 {
        return m.text("EOF");
    }
    if (0..=0xffff_ffff).contains(&c) && write_literal(m, c as u8, false) {
        if c & !0xff != 0 {
            let _ = core::fmt::write(m, format_args!(" | 0x{:04X}", c & !0xff));
        }
        return;
    }
    m.number(c);
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
    if !write_literal(m, b, true) {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        m.raw(&[b'0', b'x', HEX[(b >> 4) as usize], HEX[(b & 15) as usize]]);
    }
}

/// fsetpos's position: NULL, its address when it cannot be read, else `{ <undefined> }`
/// as libexplain prints it (an fpos_t is opaque: its offset is shown by the explanation).
pub fn write_fpos(m: &mut Message, pos: i64) {
    if pos == 0 || probe::stream::fpos_offset(pos as usize).is_none() {
        return super::write_pointer(m, pos);
    }
    m.text("{ <undefined> }");
}
