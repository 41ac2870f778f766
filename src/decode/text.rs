//! A C string argument, copied out of the caller's memory without trusting the pointer.

use crate::sys;

/// Longer than PATH_MAX, so a too-long path is still seen whole enough to report.
const CAP: usize = 4096 + 64;
/// Beyond this a string's length is reported as "at least".
const MEASURE_LIMIT: usize = 1 << 20;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextState {
    Null,
    /// The pointer does not point at readable memory (EFAULT).
    Unreadable,
    Ok,
}

pub struct Text {
    bytes: [u8; CAP],
    /// Bytes copied into `bytes`.
    copied: usize,
    /// The string's full length (up to MEASURE_LIMIT).
    pub len: usize,
    pub addr: usize,
    pub state: TextState,
}

impl Text {
    /// Copies the NUL-terminated string at `addr`, page by page, through the kernel:
    /// an invalid pointer yields `Unreadable`, never a fault.
    pub fn copy(addr: usize) -> Text {
        let mut t = Text { bytes: [0; CAP], copied: 0, len: 0, addr, state: TextState::Null };
        if addr == 0 {
            return t;
        }
        let mut scratch = [0u8; 512];
        let mut at = addr;
        loop {
            // Never ask across a page boundary: the next page may be unmapped.
            let to_page_end = 4096 - (at & 4095);
            let want = to_page_end.min(scratch.len());
            let got = sys::read_memory(at, &mut scratch[..want]);
            if got == 0 {
                t.state = if t.len == 0 { TextState::Unreadable } else { TextState::Ok };
                return t;
            }
            let chunk = &scratch[..got];
            let end = chunk.iter().position(|&c| c == 0);
            let take = end.unwrap_or(got);
            let room = CAP - t.copied;
            let n = take.min(room);
            t.bytes[t.copied..t.copied + n].copy_from_slice(&chunk[..n]);
            t.copied += n;
            t.len += take;
            if end.is_some() || t.len >= MEASURE_LIMIT {
                t.state = TextState::Ok;
                return t;
            }
            at += got;
        }
    }

    /// A Text from bytes the library already holds (tests, the explain command).
    pub fn from_bytes(b: &[u8]) -> Text {
        let mut t = Text { bytes: [0; CAP], copied: 0, len: b.len(), addr: 1, state: TextState::Ok };
        let n = b.len().min(CAP);
        t.bytes[..n].copy_from_slice(&b[..n]);
        t.copied = n;
        t
    }

    /// The bytes that were copied (all of them unless the string is longer than CAP).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes[..self.copied]
    }

    /// Whether all of the string was copied.
    pub fn complete(&self) -> bool {
        self.copied == self.len
    }

    pub fn is_ok(&self) -> bool {
        self.state == TextState::Ok
    }
}
