//! The message writer: the three parts of every explanation, written into a fixed buffer.
//!
//! `call` writes the first two parts (the call as strace prints it, then `failed,` and
//! the error); the call file then writes `because` and the explanation through the prose
//! functions of `prose/`. Writing never allocates and never overruns: what does not fit
//! is dropped, and `finish` NUL-terminates without splitting a UTF-8 sequence.

mod options;
pub mod prose;
pub mod quote;
pub mod wrap;

pub use options::{options, set_hanging_indent, set_program_name_assemble, Options};

use crate::probe::creds::Creds;
use crate::decode::Arg;
use core::fmt;

pub struct Message<'a> {
    buf: &'a mut [u8],
    len: usize,
    overflow: bool,
    /// The longest a quoted string is shown before it is shortened, so that one long
    /// argument cannot crowd the explanation out of the buffer.
    quote_limit: usize,
    pub opts: Options,
    has_because: bool,
    /// The call being explained, for the debug option's notes.
    call_name: &'static str,
    /// The caller's credentials, asked once per explanation: a call with two paths
    /// walks twice, and each permission question needs them.
    creds: core::cell::OnceCell<Creds>,
    /// A descriptor argument the echo found closed, so EBADF's diagnosis need not ask.
    closed_fd: Option<i32>,
    /// The errno being explained (set by `call`): shared helpers that find the present
    /// state pointing at another error compare against it, so a postmortem explains
    /// the errno it was given and mentions the present state only as a note.
    errnum: i32,
    /// A note was just started: the next `because` continues it instead of starting a
    /// clause, so the prose that explains a state can also describe it in a note.
    in_note: bool,
    /// What the echo learnt of a pid argument (its program name and the owner of its
    /// /proc entry), so a diagnosis that needs no more need not read /proc again.
    glimpse: Option<crate::probe::process::Glimpse>,
}

impl<'a> Message<'a> {
    /// A writer over `buf`; one byte is always kept for the NUL.
    pub fn new(buf: &'a mut [u8]) -> Message<'a> {
        let quote_limit = (buf.len() / 6).max(40);
        Message { buf, len: 0, overflow: false, quote_limit, opts: options(), has_because: false, call_name: "", creds: core::cell::OnceCell::new(), closed_fd: None, errnum: 0, in_note: false, glimpse: None }
    }

    /// The effective credentials of the process, as of this explanation.
    pub fn creds(&self) -> Creds {
        self.creds.get_or_init(Creds::current).clone()
    }

    /// Notes that `fd` was found closed during this explanation.
    pub fn found_closed(&mut self, fd: i32) {
        self.closed_fd = Some(fd);
    }

    /// Keeps what the echo learnt of a pid argument.
    pub fn glimpsed(&mut self, g: crate::probe::process::Glimpse) {
        self.glimpse = Some(g);
    }

    /// What the echo learnt of process `pid`, if it printed it.
    pub fn glimpse_of(&self, pid: i32) -> Option<crate::probe::process::Glimpse> {
        self.glimpse.filter(|g| g.pid == pid)
    }

    /// Whether `fd` was found closed earlier in this explanation.
    pub fn known_closed(&self, fd: i32) -> bool {
        self.closed_fd == Some(fd)
    }

    fn room(&self) -> usize {
        self.buf.len().saturating_sub(1 + self.len)
    }

    /// Appends raw bytes, dropping what does not fit.
    pub fn raw(&mut self, b: &[u8]) {
        let n = b.len().min(self.room());
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
        if n < b.len() {
            self.overflow = true;
        }
    }

    pub fn text(&mut self, s: &str) {
        self.raw(s.as_bytes());
    }

    pub fn number(&mut self, n: i64) {
        if n < 0 {
            self.raw(b"-");
        }
        self.unsigned(n.unsigned_abs());
    }

    /// `0x1f`, as `{:#x}` writes it.
    pub fn hex(&mut self, mut v: u64) {
        let mut digits = [0u8; 18];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b"0123456789abcdef"[(v & 15) as usize];
            v >>= 4;
            if v == 0 {
                break;
            }
        }
        at -= 2;
        digits[at] = b'0';
        digits[at + 1] = b'x';
        self.raw(&digits[at..]);
    }

    pub fn unsigned(&mut self, v: u64) {
        self.raw(crate::decode::decimal(v, &mut [0; 20]));
    }

    /// A user-supplied string, quoted and C-escaped; shortened in the middle, with its
    /// length shown, when longer than the quote limit.
    pub fn quoted(&mut self, b: &[u8]) {
        quote::write_quoted(self, b, self.quote_limit, b.len());
    }

    /// A string argument of which only the first bytes were copied: its real length is
    /// shown when it had to be shortened.
    pub fn quoted_text(&mut self, t: &crate::decode::Text) {
        quote::write_quoted(self, t.bytes(), self.quote_limit, t.len);
    }

    /// A system-specific maximum, named and with its value: `PATH_MAX (4095 bytes)`. With
    /// the `dialect-specific` option off (for tests comparing systems) only its name.
    pub fn maximum(&mut self, name: &str, value: u64, unit: &str) {
        self.text(name);
        if self.opts.dialect_specific {
            let _ = fmt::write(self, format_args!(" ({value}{}{unit})", if unit.is_empty() { "" } else { " " }));
        }
    }

    /// Whether the `dialect-specific` option is on: details that differ between systems
    /// (limits' values, the dates of time arguments) are shown.
    pub fn dialect_specific(&self) -> bool {
        self.opts.dialect_specific
    }

    /// The errno being explained (0 before `call`, or when explaining success).
    pub fn errnum(&self) -> i32 {
        self.errnum
    }

    /// Whether the present state, which implies `implied`, contradicts the errno being
    /// explained: then the errno's own diagnosis is written, and the state only as a note.
    pub fn contradicts(&self, implied: i32) -> bool {
        self.errnum != 0 && self.errnum != implied
    }

    /// Starts a note about the present state, after the diagnosis of the given errno.
    pub fn note(&mut self) {
        self.text("; note: at present, ");
        self.in_note = true;
    }

    /// The call being explained ("" outside a call's explanation).
    pub fn call_name(&self) -> &'static str {
        self.call_name
    }

    /// The bytes written so far (without the NUL).
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// Part one and two: `name(arg = value, …) failed, text (n, ENAME)`, or
    /// `name(arg = value, …): success` for errno 0.
    pub fn call(&mut self, name: &'static str, args: &[Arg], errnum: i32) {
        self.call_with_error(name, args, errnum, Message::error);
    }

    /// `call` for a call that reports its own codes instead of errno (getaddrinfo's
    /// EAI_*, gethostbyname's h_errno: issue 13): `error` writes the second part.
    pub fn call_with_error(&mut self, name: &'static str, args: &[Arg], errnum: i32, error: fn(&mut Message<'a>, i32)) {
        self.call_name = name;
        self.errnum = errnum;
        self.text(name);
        self.text("(");
        let mut first = true;
        for a in args {
            if !a.value.shown(args) {
                continue;
            }
            // printf's variadic arguments: unnamed, each after its own comma.
            if let crate::decode::Value::Items(items) = a.value {
                items.echo(self);
                continue;
            }
            if !first {
                self.text(", ");
            }
            first = false;
            // A nameless argument is echoed bare (getchar's stdin, as libexplain echoes it).
            if !a.name.is_empty() {
                self.text(a.name);
                self.text(" = ");
            }
            a.value.echo(self, args);
        }
        if errnum == 0 {
            // Asked to explain errno 0 (a caller that did not check the result).
            return self.text("): success");
        }
        // libexplain's echo of asprintf(3) ends `format = "%d", ... failed,`: without the
        // closing parenthesis; kept, so that the first part is identical to its.
        let unclosed = args.iter().any(|a| matches!(a.value, crate::decode::Value::Items(i) if !i.shown));
        self.text(if unclosed { " failed, " } else { ") failed, " });
        error(self, errnum);
    }

    /// The error part: system text, then number and symbol in parentheses.
    pub fn error(&mut self, errnum: i32) {
        let mut tbuf = core::mem::MaybeUninit::uninit();
        let text = crate::errno::text(errnum, self.opts.internal_strerror, &mut tbuf);
        self.raw(text);
        self.text(" (");
        match (crate::errno::name(errnum), self.opts.numeric_errno) {
            (Some(n), true) => {
                self.number(errnum as i64);
                self.text(", ");
                self.text(n);
            }
            (Some(n), false) => self.text(n),
            (None, _) => self.number(errnum as i64),
        }
        self.text(")");
    }

    /// Starts part three. Written once; later calls continue the same sentence.
    pub fn because(&mut self) {
        if self.in_note {
            self.in_note = false;
        } else if self.has_because {
            self.text("; ");
        } else {
            self.text(" because ");
            self.has_because = true;
        }
    }

    /// NUL-terminates; after truncation, drops a UTF-8 sequence that the cut split.
    pub fn finish(&mut self) -> usize {
        if self.buf.is_empty() {
            return 0;
        }
        if self.overflow {
            self.len = whole_utf8_prefix(&self.buf[..self.len]);
        }
        self.buf[self.len] = 0;
        self.len
    }
}

/// The length of the longest prefix of `b` that does not end inside a UTF-8 sequence.
fn whole_utf8_prefix(b: &[u8]) -> usize {
    let len = b.len();
    // Look back at most 3 bytes for the lead byte of the last sequence.
    for back in 1..=len.min(4) {
        let c = b[len - back];
        if c & 0xC0 == 0x80 {
            continue; // continuation byte
        }
        let need = match c {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => 1,
        };
        return if need > back { len - back } else { len };
    }
    len
}

impl fmt::Write for Message<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.raw(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_never_splits_a_utf8_sequence() {
        let mut buf = [0u8; 6];
        let mut m = Message::new(&mut buf);
        m.text("abcé"); // 5 bytes fit exactly
        assert_eq!(m.finish(), 5);
        let mut buf = [0u8; 5];
        let mut m = Message::new(&mut buf);
        m.text("abcé"); // the é would be cut: drop it whole
        assert_eq!(m.finish(), 3);
        assert_eq!(&buf[..4], b"abc\0");
    }

    #[test]
    fn a_one_byte_buffer_holds_only_the_nul() {
        let mut buf = [7u8; 1];
        let mut m = Message::new(&mut buf);
        m.text("anything");
        assert_eq!(m.finish(), 0);
        assert_eq!(buf[0], 0);
    }
}

/// What `f` writes into a fresh message, for unit tests.
#[cfg(test)]
pub fn written(f: impl FnOnce(&mut Message)) -> String {
    let mut buf = [0u8; 256];
    let mut m = Message::new(&mut buf);
    f(&mut m);
    let n = m.finish();
    String::from_utf8_lossy(&buf[..n]).into_owned()
}

#[cfg(test)]
mod number_tests {
    use super::written;

    #[test]
    fn numbers_are_written_as_core_fmt_would() {
        for v in [0i64, 7, -7, 10, 1000, i64::MIN, i64::MAX] {
            assert_eq!(written(|m| m.number(v)), format!("{v}"));
        }
        for v in [0u64, 9, 10, u64::MAX] {
            assert_eq!(written(|m| m.unsigned(v)), format!("{v}"));
            assert_eq!(written(|m| m.hex(v)), format!("{v:#x}"));
        }
        assert_eq!(written(|m| m.hex(0x7ffd_1234_abcd)), "0x7ffd1234abcd");
    }
}
