//! Run-time options: `EXPLAIN_OPTIONS` (comma separated `name=value`, read once) and the
//! setters of the C API. Held in atomics, so any thread may read or set them.

use core::sync::atomic::{AtomicBool, AtomicI32, Ordering::Relaxed};
use std::sync::Once;

#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Print the errno number beside its name: `(2, ENOENT)`.
    pub numeric_errno: bool,
    /// Prefix printed explanations with the program's name.
    pub program_name: bool,
    /// Print permission modes as `S_IRUSR|S_IWUSR` instead of octal.
    pub symbolic_mode_bits: bool,
    /// Columns to indent continuation lines when printing; 0 means no indent.
    pub hanging_indent: i32,
    /// Use the library's own error texts, not the C library's (translated) strerror.
    pub internal_strerror: bool,
    /// Add details specific to this system (Linux) to explanations.
    pub dialect_specific: bool,
    /// Add device details (major and minor numbers) where a device is involved.
    pub extra_device_info: bool,
    /// Report how the library reached a diagnosis.
    pub debug: bool,
}

struct Settings {
    numeric_errno: AtomicBool,
    program_name: AtomicBool,
    symbolic_mode_bits: AtomicBool,
    hanging_indent: AtomicI32,
    internal_strerror: AtomicBool,
    dialect_specific: AtomicBool,
    extra_device_info: AtomicBool,
    debug: AtomicBool,
}

/// libexplain's defaults.
const fn defaults() -> Settings {
    Settings {
        numeric_errno: AtomicBool::new(true),
        program_name: AtomicBool::new(true),
        symbolic_mode_bits: AtomicBool::new(false),
        hanging_indent: AtomicI32::new(0),
        internal_strerror: AtomicBool::new(false),
        dialect_specific: AtomicBool::new(true),
        extra_device_info: AtomicBool::new(true),
        debug: AtomicBool::new(false),
    }
}

static SETTINGS: Settings = defaults();
static READ_ENVIRONMENT: Once = Once::new();

/// The settings, `EXPLAIN_OPTIONS` applied on first use.
fn settings() -> &'static Settings {
    READ_ENVIRONMENT.call_once(|| {
        // Only atomics, set and read whole by one instruction each: no access can race,
        // but Helgrind sees plain loads and stores and would report every read
        // after this one-time initialisation (and after a setter) as a possible race.
        crate::sys::valgrind::atomics_only(&SETTINGS as *const Settings as usize, core::mem::size_of::<Settings>());
        if let Some(text) = std::env::var_os("EXPLAIN_OPTIONS") {
            apply(&SETTINGS, text.as_encoded_bytes());
        }
    });
    &SETTINGS
}

fn apply(s: &Settings, text: &[u8]) {
    for item in text.split(|&c| c == b',') {
        let item = trim(item);
        if item.is_empty() {
            continue;
        }
        let (name, value) = match item.iter().position(|&c| c == b'=') {
            Some(i) => (trim(&item[..i]), Some(trim(&item[i + 1..]))),
            // "no-NAME" is libexplain's spelling of NAME=false.
            None => match item.strip_prefix(b"no-") {
                Some(rest) => (rest, Some(&b"false"[..])),
                None => (item, None),
            },
        };
        let flag = match name {
            b"numeric-errno" => &s.numeric_errno,
            b"program-name" => &s.program_name,
            b"symbolic-mode-bits" => &s.symbolic_mode_bits,
            b"internal-strerror" => &s.internal_strerror,
            b"dialect-specific" => &s.dialect_specific,
            b"extra-device-info" => &s.extra_device_info,
            b"debug" => &s.debug,
            b"hanging-indent" => {
                match value.and_then(|v| core::str::from_utf8(v).ok()?.parse::<i32>().ok()) {
                    Some(n) if n >= 0 => s.hanging_indent.store(n, Relaxed),
                    _ => warn(b"hanging-indent needs a number of columns", item),
                }
                continue;
            }
            _ => {
                warn(b"unknown option ignored", item);
                continue;
            }
        };
        match value.map(boolean).unwrap_or(Some(true)) {
            Some(v) => flag.store(v, Relaxed),
            None => warn(b"expected true, false, yes, no, 1 or 0", item),
        }
    }
}

fn boolean(v: &[u8]) -> Option<bool> {
    let mut low = [0u8; 8];
    if v.len() > low.len() {
        return None;
    }
    for (d, s) in low.iter_mut().zip(v) {
        *d = s.to_ascii_lowercase();
    }
    match &low[..v.len()] {
        b"true" | b"yes" | b"1" | b"on" => Some(true),
        b"false" | b"no" | b"0" | b"off" => Some(false),
        _ => None,
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |i| i + 1);
    &b[start..end]
}

/// Reported once, when the options are first read; the option is otherwise ignored.
/// Written without the message writer: it reads the options, which are being
/// initialised here, and would wait on itself forever.
fn warn(what: &[u8], item: &[u8]) {
    let mut line = [0u8; 512];
    let mut len = 0;
    let item = &item[..item.len().min(400)];
    for part in [&b"libexplain: EXPLAIN_OPTIONS: "[..], what, b": \"", item, b"\"\n"] {
        line[len..len + part.len()].copy_from_slice(part);
        len += part.len();
    }
    let _ = crate::sys::write(2, &line[..len]);
}

/// A snapshot of the current options.
pub fn options() -> Options {
    let s = settings();
    Options {
        numeric_errno: s.numeric_errno.load(Relaxed),
        program_name: s.program_name.load(Relaxed),
        symbolic_mode_bits: s.symbolic_mode_bits.load(Relaxed),
        hanging_indent: s.hanging_indent.load(Relaxed),
        internal_strerror: s.internal_strerror.load(Relaxed),
        dialect_specific: s.dialect_specific.load(Relaxed),
        extra_device_info: s.extra_device_info.load(Relaxed),
        debug: s.debug.load(Relaxed),
    }
}

pub fn set_hanging_indent(columns: i32) {
    settings().hanging_indent.store(columns.max(0), Relaxed);
}

pub fn set_program_name_assemble(yes: bool) {
    settings().program_name.store(yes, Relaxed);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Settings {
        let s = defaults();
        apply(&s, text.as_bytes());
        s
    }

    #[test]
    fn parses_booleans_numbers_and_ignores_unknown_names() {
        let s = parsed("numeric-errno=no, symbolic-mode-bits=YES,hanging-indent=4,bogus=1,debug,no-program-name");
        assert!(!s.numeric_errno.load(Relaxed));
        assert!(s.symbolic_mode_bits.load(Relaxed));
        assert_eq!(s.hanging_indent.load(Relaxed), 4);
        assert!(s.debug.load(Relaxed));
        assert!(!s.program_name.load(Relaxed));
    }
}
