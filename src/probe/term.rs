//! Terminals (issue 13): why a terminal call got EIO, and the speeds a caller's struct
//! termios asks for.

use super::io::Background;
use crate::sys::Stat;

/// Why a terminal refused a call with EIO.
pub enum TerminalIo {
    /// The process's group is in the background of its controlling terminal.
    Background(Background),
    /// Not that: a device error, under this file.
    Device(Option<Stat>),
}

pub fn terminal_io(fd: i32) -> TerminalIo {
    match super::io::background(fd, libc::SIGTTOU) {
        Some(b) => TerminalIo::Background(b),
        None => TerminalIo::Device(super::fd::facts(fd).and_then(|f| f.stat)),
    }
}

/// The (input, output) speed codes of the struct termios at `data` (CBAUD of c_cflag
/// and the c_ispeed/c_ospeed words, glibc's layout), when readable.
pub fn speeds(data: usize) -> Option<(u32, u32)> {
    let mut t = [0u8; core::mem::size_of::<libc::termios>()];
    if data == 0 || crate::sys::read_memory(data, &mut t) != t.len() {
        return None;
    }
    let word = |at: usize| u32::from_ne_bytes([t[at], t[at + 1], t[at + 2], t[at + 3]]);
    let cflag = word(8);
    let out = cflag & libc::CBAUD as u32;
    // An input speed of 0 means "the same as the output speed" (termios(3)).
    let input = (cflag >> 16) & libc::CBAUD as u32;
    Some((if input == 0 { out } else { input }, out))
}
