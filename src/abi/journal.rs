//! The journal output (explain_output_journal_new, beyond libexplain): each message as one
//! entry of systemd's native protocol on /run/systemd/journal/socket, with the fields
//! `journalctl` selects by: MESSAGE, PRIORITY, SYSLOG_IDENTIFIER, SYSLOG_PID, ERRNO (the
//! number, as `journalctl ERRNO=28` expects), and fields of our own: EXPLAIN_CALL and
//! EXPLAIN_ERRNO_NAME for an explanation, EXPLAIN_CONTEXT for the thread's context.

use super::output::{explain_output_new, explain_output_t, explain_output_vtable_t};
use crate::sys::datagram;
use core::cell::Cell;
use libc::{c_char, c_uint};

const SOCKET: &[u8] = b"/run/systemd/journal/socket";

#[repr(C)]
struct JournalOutput {
    base: explain_output_t,
    /// Made at the first message.
    socket: datagram::LazySocket,
}

/// What the thread is printing, for the fields a message's text does not carry.
#[derive(Clone, Copy)]
pub struct Printing {
    pub call: &'static str,
    pub errnum: i32,
    pub warning: bool,
}

thread_local! {
    static PRINTING: Cell<Option<Printing>> = const { Cell::new(None) };
}

/// Runs `f` (which prints) with `p` known to the journal output.
pub fn printing(p: Printing, f: impl FnOnce()) {
    let before = PRINTING.try_with(|c| c.replace(Some(p))).ok().flatten();
    f();
    let _ = PRINTING.try_with(|c| c.set(before));
}

/// An entry under construction: `KEY=value\n`, or for a value with a newline the binary
/// form `KEY\n`, its length as 64-bit little-endian, the value, `\n`.
struct Entry {
    buf: [u8; super::MESSAGE_SIZE + 2048],
    len: usize,
}

impl Entry {
    fn put(&mut self, b: &[u8]) {
        let n = b.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&b[..n]);
        self.len += n;
    }

    fn field(&mut self, key: &str, value: &[u8]) {
        self.put(key.as_bytes());
        if value.contains(&b'\n') {
            self.put(b"\n");
            self.put(&(value.len() as u64).to_le_bytes());
        } else {
            self.put(b"=");
        }
        self.put(value);
        self.put(b"\n");
    }

    fn number(&mut self, key: &str, v: i64) {
        let mut b = [0u8; 24];
        let mut m = crate::message::Message::new(&mut b);
        m.number(v);
        let n = m.finish();
        self.field(key, &b[..n]);
    }
}

unsafe extern "C" fn journal_message(op: *mut explain_output_t, text: *const c_char) {
    // SAFETY: op was allocated with JOURNAL_VTABLE, so it is a JournalOutput.
    let out = unsafe { &*(op as *const JournalOutput) };
    let text = crate::decode::Text::copy(text as usize);
    let printing = PRINTING.try_with(Cell::get).ok().flatten();
    let mut e = Entry { buf: [0; super::MESSAGE_SIZE + 2048], len: 0 };
    e.field("MESSAGE", text.bytes());
    let level = if printing.is_some_and(|p| p.warning) { libc::LOG_WARNING } else { libc::LOG_ERR };
    e.number("PRIORITY", level as i64);
    let mut name = [0u8; 1024];
    let n = super::program_name::get_escaped(&mut name);
    e.field("SYSLOG_IDENTIFIER", &name[..n]);
    e.number("SYSLOG_PID", crate::sys::getpid() as i64);
    if let Some(p) = printing.filter(|p| !p.call.is_empty()) {
        e.number("ERRNO", p.errnum as i64);
        e.field("EXPLAIN_CALL", p.call.as_bytes());
        if let Some(name) = crate::errno::name(p.errnum) {
            e.field("EXPLAIN_ERRNO_NAME", name.as_bytes());
        }
    }
    if super::context::is_set() {
        let mut labels = [0u8; 1200];
        let mut m = crate::message::Message::new(&mut labels);
        super::context::write(&mut m, ": ");
        let n = m.finish();
        e.field("EXPLAIN_CONTEXT", labels[..n].strip_suffix(b": ").unwrap_or(&labels[..n]));
    }
    if let Some(fd) = out.socket.get() {
        let _ = datagram::send(fd, SOCKET, &[&e.buf[..e.len]]);
    }
}

unsafe extern "C" fn journal_destructor(op: *mut explain_output_t) {
    // SAFETY: as above; the socket is the output's own.
    unsafe { (*(op as *const JournalOutput)).socket.close() };
}

pub(super) static JOURNAL_VTABLE: explain_output_vtable_t = explain_output_vtable_t {
    destructor: Some(journal_destructor),
    message: Some(journal_message),
    exit: None,
    size: core::mem::size_of::<JournalOutput>() as c_uint,
};

/// Returns a new output that sends each message to the systemd journal as one entry,
/// with MESSAGE, PRIORITY (LOG_ERR, LOG_WARNING for a warning), SYSLOG_IDENTIFIER (the
/// program name), SYSLOG_PID and, for an explanation, ERRNO, EXPLAIN_CALL and
/// EXPLAIN_ERRNO_NAME; EXPLAIN_CONTEXT holds the thread's context labels
/// (explain_context_push). Not in libexplain 1.4. NULL when out of memory.
#[no_mangle]
pub extern "C" fn explain_output_journal_new() -> *mut explain_output_t {
    // SAFETY: a static vtable of the right size; the zeroed object needs nothing more.
    unsafe { explain_output_new(&JOURNAL_VTABLE) }
}
