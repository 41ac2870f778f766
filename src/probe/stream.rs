//! What a stdio stream argument (FILE *) is: a live stream (its descriptor, how it was
//! opened, its indicators and buffer), or why it cannot be one.

use crate::probe::fd::{self, FdFacts};
use crate::sys::stream::{header, FileHeader, Header};

// glibc's _flags bits (libio/libio.h).
const NO_READS: u32 = 0x0004;
const NO_WRITES: u32 = 0x0008;
const EOF_SEEN: u32 = 0x0010;
const ERR_SEEN: u32 = 0x0020;
const UNBUFFERED: u32 = 0x0002;
const LINE_BUF: u32 = 0x0200;
const APPENDING: u32 = 0x1000;

pub enum Stream {
    Null,
    /// The pointer does not point to readable memory.
    Unreadable,
    /// Readable, but not a live stream: freed by fclose, or never a FILE.
    NotAStream,
    /// A live stream; `fd` is its descriptor's facts, None when the descriptor is closed
    /// (closed underneath the stream, or -1 for a stream with none, like fmemopen's).
    Live { header: StreamState, fd: Option<FdFacts> },
}

#[derive(Clone, Copy)]
pub struct StreamState {
    pub h: FileHeader,
}

impl StreamState {
    pub fn fileno(&self) -> i32 {
        self.h.fileno
    }
    pub fn readable(&self) -> bool {
        self.h.flags & NO_READS == 0
    }
    pub fn writable(&self) -> bool {
        self.h.flags & NO_WRITES == 0
    }
    pub fn error_set(&self) -> bool {
        self.h.flags & ERR_SEEN != 0
    }
    pub fn eof_set(&self) -> bool {
        self.h.flags & EOF_SEEN != 0
    }
    pub fn appending(&self) -> bool {
        self.h.flags & APPENDING != 0
    }
    /// "unbuffered", "line buffered" or "fully buffered".
    pub fn buffering(&self) -> &'static str {
        if self.h.flags & UNBUFFERED != 0 {
            "unbuffered"
        } else if self.h.flags & LINE_BUF != 0 {
            "line buffered"
        } else {
            "fully buffered"
        }
    }
    pub fn unwritten(&self) -> usize {
        self.h.unwritten
    }
}

pub fn examine(fp: usize) -> Stream {
    if fp == 0 {
        return Stream::Null;
    }
    match header(fp) {
        Header::Unreadable => Stream::Unreadable,
        Header::NoMagic => Stream::NotAStream,
        Header::Live(h) => Stream::Live { header: StreamState { h }, fd: fd::facts(h.fileno) },
    }
}

/// The descriptor of a live stream, for the echo: -1 when the pointer is not a stream.
pub fn descriptor(fp: usize) -> i32 {
    match header(fp) {
        Header::Live(h) if fp != 0 => h.fileno,
        _ => -1,
    }
}

/// What a mode string of fopen(3) asks for: the open(2) flags it maps to, or the
/// first character that glibc would not accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Flags(i32),
    /// Empty, or not starting with r, w or a.
    BadStart,
    /// A character after the first that is none of + b x e m c (glibc ignores it, other
    /// C libraries refuse it; "rw" is the usual mistake).
    BadChar(u8, i32),
}

pub fn mode(text: &[u8]) -> Mode {
    let (mut flags, rest) = match text.first() {
        Some(b'r') => (libc::O_RDONLY, &text[1..]),
        Some(b'w') => (libc::O_WRONLY | libc::O_CREAT | libc::O_TRUNC, &text[1..]),
        Some(b'a') => (libc::O_WRONLY | libc::O_CREAT | libc::O_APPEND, &text[1..]),
        _ => return Mode::BadStart,
    };
    let mut bad = None;
    for &c in rest {
        match c {
            b'+' => flags = (flags & !libc::O_ACCMODE) | libc::O_RDWR,
            b'x' => flags |= libc::O_EXCL,
            b'e' => flags |= libc::O_CLOEXEC,
            b'b' | b'm' | b'c' => {}
            // ",ccs=CHARSET" ends the flags.
            b',' => break,
            other => {
                bad.get_or_insert(other);
            }
        }
    }
    match bad {
        Some(c) => Mode::BadChar(c, flags),
        None => Mode::Flags(flags),
    }
}

/// A stream as it was just before fclose(3) released it: fclose frees the FILE and
/// closes its descriptor whether or not it fails, so its _or_die and _on_error forms
/// take this snapshot first, and the explanation reads it instead of freed memory.
#[derive(Clone, Copy)]
pub struct Snapshot {
    pub fp: usize,
    pub state: StreamState,
    pub stat: Option<crate::sys::Stat>,
}

std::thread_local! {
    static BEFORE_CLOSE: core::cell::Cell<Option<Snapshot>> = const { core::cell::Cell::new(None) };
}

/// Remembers `fp` (in this thread) before it is closed.
pub fn remember_before_close(fp: usize) {
    let snap = match examine(fp) {
        Stream::Live { header, fd } => Some(Snapshot { fp, state: header, stat: fd.and_then(|f| f.stat) }),
        _ => None,
    };
    BEFORE_CLOSE.with(|c| c.set(snap));
}

/// The snapshot of `fp` taken before this thread closed it, if it is the last one.
pub fn before_close(fp: usize) -> Option<Snapshot> {
    BEFORE_CLOSE.with(|c| c.get()).filter(|s| s.fp == fp && fp != 0)
}

/// The file a stream's descriptor named just before freopen(3) with a NULL pathname
/// closed it: the explanation of a failure reads it, the descriptor being gone. Kept
/// per thread in a fixed buffer, like the fclose snapshot.
struct Reopened {
    fp: usize,
    len: usize,
    path: [u8; 4096],
}

std::thread_local! {
    static BEFORE_REOPEN: core::cell::RefCell<Reopened> = const { core::cell::RefCell::new(Reopened { fp: 0, len: 0, path: [0; 4096] }) };
}

/// Remembers (in this thread) the file of `fp` before freopen(NULL, …, fp) closes it.
pub fn remember_before_reopen(fp: usize) {
    let fd = descriptor(fp);
    let mut p = crate::sys::CPath::new();
    let known = fd >= 0 && fd::path_of(fd, &mut p);
    BEFORE_REOPEN.with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else { return };
        let b = if known { p.as_bytes() } else { &[] };
        let n = b.len().min(r.path.len());
        r.path[..n].copy_from_slice(&b[..n]);
        r.len = n;
        r.fp = if known { fp } else { 0 };
    });
}

/// The file `fp` named before this thread's last freopen(NULL, …, fp), if it is `fp`.
pub fn before_reopen(fp: usize, out: &mut crate::sys::CPath) -> bool {
    BEFORE_REOPEN.with(|r| match r.try_borrow() {
        Ok(r) if r.fp == fp && fp != 0 => crate::sys::CPath::from_bytes(&r.path[..r.len]).map(|p| *out = p).is_some(),
        _ => false,
    })
}

/// The file offset an fpos_t holds (glibc: `__pos`, its first field), when `pos` points
/// to a readable fpos_t.
pub fn fpos_offset(pos: usize) -> Option<i64> {
    let mut b = [0u8; core::mem::size_of::<libc::fpos_t>()];
    if pos == 0 || crate::sys::read_memory(pos, &mut b) != b.len() {
        return None;
    }
    Some(i64::from_ne_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]))
}

/// The stream's position as ftell(3) computes it: its descriptor's offset, less what was
/// read ahead into the buffer and not yet consumed, plus what was written into the buffer
/// and not yet sent. None when the descriptor has no offset (a pipe) or is not open.
pub fn position(st: &StreamState) -> Option<i64> {
    let at = crate::sys::io::offset(st.fileno()).ok()?;
    Some(at - st.h.unread as i64 + st.h.unwritten as i64)
}

/// Where fseek(3) would have moved the stream: as lseek(2) would move its descriptor
/// (crate::probe::seek::target), from the stream's own position for SEEK_CUR.
pub fn seek_target(st: &StreamState, offset: i64, whence: i32) -> Option<crate::probe::seek::Target> {
    let mut t = crate::probe::seek::target(st.fileno(), offset, whence)?;
    if whence == libc::SEEK_CUR {
        t.base = position(st)?;
        t.result = t.base as i128 + offset as i128;
    }
    Some(t)
}
