//! iconv(3)'s state: what a conversion descriptor is (one of glibc's, with the
//! character sets it converts between, or the `(iconv_t) -1` of a failed iconv_open),
//! and where the input and output stand (the bytes at `*inbuf`, the room at `*outbuf`).

use crate::sys;
use core::cell::Cell;

/// What `cd` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Descriptor {
    /// `(iconv_t) -1`: what iconv_open returns when it fails.
    Failed,
    Null,
    /// Memory the process cannot read: a wild or freed pointer.
    Unreadable,
    /// Readable, but not laid out as glibc's descriptors are.
    NotConversion,
    /// One of glibc's: the names (up to 64 bytes each) it converts from and to.
    Conversion { from: Charset, to: Charset },
}

/// A character set name as glibc's descriptor holds it ("ISO-8859-1//"), trimmed of
/// its slashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Charset {
    bytes: [u8; 64],
    len: usize,
}

impl Charset {
    fn read(addr: usize) -> Option<Charset> {
        let mut c = Charset { bytes: [0; 64], len: 0 };
        let len = sys::read_c_string(addr, 64, |piece| {
            let n = piece.len().min(64 - c.len);
            c.bytes[c.len..c.len + n].copy_from_slice(&piece[..n]);
            c.len += n;
        })?;
        let name = &c.bytes[..c.len];
        if len == 0 || len > 63 || !name.iter().all(|b| b.is_ascii_graphic()) {
            return None;
        }
        while c.len > 0 && c.bytes[c.len - 1] == b'/' {
            c.len -= 1;
        }
        // glibc's own names for the character sets it converts without a module.
        for (internal, user) in INTERNAL_NAMES {
            if c.as_bytes() == *internal {
                c.bytes[..user.len()].copy_from_slice(user);
                c.len = user.len();
            }
        }
        Some(c)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// glibc's internal names (iconv/gconv_builtin.h) and the names users write for them.
const INTERNAL_NAMES: &[(&[u8], &[u8])] =
    &[(b"ISO-10646/UTF8", b"UTF-8"), (b"ISO-10646/UCS4", b"UCS-4"), (b"ISO-10646/UCS2", b"UCS-2"), (b"INTERNAL", b"WCHAR_T")];

pub fn descriptor(cd: usize) -> Descriptor {
    if cd == usize::MAX {
        return Descriptor::Failed;
    }
    if cd == 0 {
        return Descriptor::Null;
    }
    if !sys::readable(cd, 2 * core::mem::size_of::<usize>()) {
        return Descriptor::Unreadable;
    }
    let Some(d) = sys::iconv::descriptor(cd) else { return Descriptor::NotConversion };
    match (Charset::read(d.from_name), Charset::read(d.to_name)) {
        (Some(from), Some(to)) => Descriptor::Conversion { from, to },
        _ => Descriptor::NotConversion,
    }
}

/// Where one side of the conversion stands: the pointer at `*buf` and the count at
/// `*left`, as the failed call left them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Side {
    /// `*buf`, when `buf` could be read.
    pub at: Option<usize>,
    /// `*left`, when `left` could be read.
    pub left: Option<usize>,
}

pub fn side(buf: usize, left: usize) -> Side {
    Side { at: sys::read_word(buf), left: sys::read_word(left) }
}

/// Up to 8 bytes of the input at `at` (fewer when `left` says the input ends sooner):
/// the bytes and how many were read.
pub fn input_bytes(at: usize, left: usize) -> ([u8; 8], usize) {
    let mut b = [0u8; 8];
    let want = left.min(b.len());
    let n = sys::read_memory(at, &mut b[..want]);
    (b, n)
}

thread_local! {
    /// The input of the last iconv(3) performed by explain_iconv_or_die/_on_error on
    /// this thread: the address of its `inbuf`, and where `*inbuf` started and ended
    /// before the call. Lets the explanation give the offset of a bad sequence from the start.
    static STARTED: Cell<(usize, usize, usize)> = const { Cell::new((0, 0, 0)) };
}

/// Remembers where the input of an iconv(3) about to be performed starts.
pub fn remember_start(inbuf: usize, inbytesleft: usize) {
    let start = sys::read_word(inbuf).unwrap_or(0);
    let len = sys::read_word(inbytesleft).unwrap_or(0);
    STARTED.with(|s| s.set((inbuf, start, start.saturating_add(len))));
}

/// The offset of `at` from the start of the input of the iconv(3) this thread last
/// performed through the library with the same `inbuf`, when `at` lies in it.
pub fn offset_from_start(inbuf: usize, at: usize) -> Option<usize> {
    let (buf, start, end) = STARTED.with(|s| s.get());
    (buf == inbuf && start != 0 && (start..=end).contains(&at)).then(|| at - start)
}

/// Whether glibc's name for a character set is UTF-8's.
pub fn is_utf8(c: &Charset) -> bool {
    let n = c.as_bytes();
    n.eq_ignore_ascii_case(b"UTF-8") || n.eq_ignore_ascii_case(b"ISO-10646/UTF8") || n.eq_ignore_ascii_case(b"UTF8")
}

/// Whether `b` starts with one whole, valid UTF-8 character (a cut-off one at the end
/// of the bytes read counts as valid so far).
pub fn utf8_valid_prefix(b: &[u8]) -> bool {
    match core::str::from_utf8(b) {
        Ok(s) => !s.is_empty(),
        Err(e) => e.valid_up_to() > 0 || e.error_len().is_none(),
    }
}
