//! The program name that prefixes printed explanations.

use libc::{c_char, c_int};
use std::sync::Mutex;

const CAP: usize = 256;

/// NUL-terminated; empty until set or first read. The Mutex makes set/get safe from any
/// thread; the pointer handed out stays valid (it is static), its text may change.
static NAME: Mutex<[u8; CAP]> = Mutex::new([0; CAP]);
static mut NAME_OUT: [u8; CAP] = [0; CAP];

/// Keeps only the last path component, as basename(3) would.
fn set_bytes(buf: &mut [u8; CAP], name: &[u8]) {
    let trimmed = {
        let mut n = name;
        while n.len() > 1 && n.ends_with(b"/") {
            n = &n[..n.len() - 1];
        }
        n
    };
    let base = trimmed.rsplit(|&c| c == b'/').next().unwrap_or(trimmed);
    let n = base.len().min(CAP - 1);
    buf[..n].copy_from_slice(&base[..n]);
    buf[n] = 0;
}

/// The name as bytes: set explicitly, or else the program's own (argv[0] from
/// /proc/self/cmdline, then /proc/self/comm).
pub fn get(out: &mut [u8; CAP]) -> usize {
    let mut name = NAME.lock().unwrap_or_else(|e| e.into_inner());
    let _shown = crate::sys::valgrind::LockShown::taken(&NAME);
    if name[0] == 0 {
        let mut raw = [0u8; CAP];
        let own = match crate::sys::read_file(b"/proc/self/cmdline", &mut raw) {
            Ok(n) if n > 0 && raw[0] != 0 => raw[..n].split(|&c| c == 0).next().unwrap_or(b""),
            _ => match crate::sys::read_file(b"/proc/self/comm", &mut raw) {
                Ok(n) => raw[..n].strip_suffix(b"\n").unwrap_or(&raw[..n]),
                Err(_) => b"",
            },
        };
        let own: [u8; CAP] = {
            let mut t = [0u8; CAP];
            set_bytes(&mut t, own);
            t
        };
        *name = own;
    }
    *out = *name;
    out.iter().position(|&c| c == 0).unwrap_or(0)
}

/// The name as the outputs print it (the stderr prefix, the syslog and journal
/// identifiers): C-escaped like every user string, so that a name holding a newline or
/// a terminal escape sequence cannot forge a log line or recolour a terminal.
pub fn get_escaped(out: &mut [u8; 4 * CAP]) -> usize {
    let mut raw = [0u8; CAP];
    let n = get(&mut raw);
    let mut m = crate::message::Message::new(out);
    crate::message::quote::escape(&mut m, &raw[..n]);
    m.finish()
}

/// Sets the name printed before explanations; only its last path component is kept, so
/// `explain_program_name_set(argv[0])` does the right thing. NULL restores the default.
#[no_mangle]
pub unsafe extern "C" fn explain_program_name_set(name: *const c_char) {
    let mut buf = NAME.lock().unwrap_or_else(|e| e.into_inner());
    let _shown = crate::sys::valgrind::LockShown::taken(&NAME);
    if name.is_null() {
        buf[0] = 0;
        return;
    }
    let text = crate::decode::Text::copy(name as usize);
    set_bytes(&mut buf, text.bytes());
}

/// Returns the program name used as prefix: the one set, or the program's own.
/// The pointer is to a static buffer that the next call may rewrite.
#[no_mangle]
pub extern "C" fn explain_program_name_get() -> *const c_char {
    let mut tmp = [0u8; CAP];
    get(&mut tmp);
    // SAFETY: a static buffer, like libexplain's; racing readers see some complete name
    // or a mix of two, never out-of-bounds memory.
    unsafe {
        let out = &mut *core::ptr::addr_of_mut!(NAME_OUT);
        *out = tmp;
        out.as_ptr() as *const c_char
    }
}

/// Whether printed explanations start with the program name (non-zero: yes).
/// Overrides the `program-name` option of EXPLAIN_OPTIONS.
#[no_mangle]
pub extern "C" fn explain_program_name_assemble(yesno: c_int) {
    crate::message::set_program_name_assemble(yesno != 0);
}
