//! The syslog output (explain_output_syslog_new, _new1, _new3): one record per message,
//! sent to /dev/log as syslog(3) would send it, but without openlog(3), whose state
//! (identifier, options, facility) belongs to the program. The identifier is the program
//! name the library prints everywhere else: the one set with explain_program_name_set, or
//! the executable's.

use super::output::{explain_output_new, explain_output_t, explain_output_vtable_t};
use crate::sys::datagram;
use libc::{c_char, c_int, c_uint};

#[repr(C)]
struct SyslogOutput {
    base: explain_output_t,
    option: c_int,
    facility: c_int,
    level: c_int,
    /// Made at the first message.
    socket: datagram::LazySocket,
}

const DEV_LOG: &[u8] = b"/dev/log";
const MONTHS: [&[u8; 3]; 12] = [b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec"];

/// "Mmm dd hh:mm:ss", the local time as RFC 3164 and syslog(3) write it.
fn timestamp(out: &mut [u8; 15]) {
    // SAFETY: time and localtime_r write only into the struct given.
    let tm = unsafe {
        let now = libc::time(core::ptr::null_mut());
        let mut tm: libc::tm = core::mem::zeroed();
        libc::localtime_r(&now, &mut tm);
        tm
    };
    let two = |v: c_int, pad: u8| [if v >= 10 { b'0' + (v / 10 % 10) as u8 } else { pad }, b'0' + (v % 10) as u8];
    out[..3].copy_from_slice(MONTHS[tm.tm_mon.clamp(0, 11) as usize]);
    out[3] = b' ';
    out[4..6].copy_from_slice(&two(tm.tm_mday, b' '));
    out[6] = b' ';
    out[7..9].copy_from_slice(&two(tm.tm_hour, b'0'));
    out[9] = b':';
    out[10..12].copy_from_slice(&two(tm.tm_min, b'0'));
    out[12] = b':';
    out[13..15].copy_from_slice(&two(tm.tm_sec, b'0'));
}

unsafe extern "C" fn syslog_message(op: *mut explain_output_t, text: *const c_char) {
    // SAFETY: op was allocated with SYSLOG_VTABLE, so it is a SyslogOutput.
    let out = unsafe { &*(op as *const SyslogOutput) };
    let text = crate::decode::Text::copy(text as usize);
    let mut head = [0u8; 400];
    let mut m = crate::message::Message::new(&mut head);
    let _ = core::fmt::write(&mut m, format_args!("<{}>", (out.facility & libc::LOG_FACMASK) | (out.level & libc::LOG_PRIMASK)));
    let mut time = [0u8; 15];
    timestamp(&mut time);
    m.raw(&time);
    m.text(" ");
    let mut name = [0u8; 1024];
    let n = super::program_name::get_escaped(&mut name);
    m.raw(&name[..n]);
    if out.option & libc::LOG_PID != 0 {
        let _ = core::fmt::write(&mut m, format_args!("[{}]", crate::sys::getpid()));
    }
    m.text(": ");
    let len = m.finish();
    let head = &head[..len];
    // The priority and time are for the daemon; with LOG_PERROR the rest goes to stderr.
    let tag = head.iter().position(|&c| c == b'>').map_or(0, |i| i + 1 + time.len() + 1);
    if out.option & libc::LOG_PERROR != 0 {
        let mut line = [0u8; 256 + 32 + super::MESSAGE_SIZE];
        let mut l = crate::message::Message::new(&mut line);
        l.raw(&head[tag..]);
        l.raw(text.bytes());
        l.text("\n");
        let n = l.finish();
        let _ = crate::sys::write(2, &line[..n]);
    }
    if let Some(fd) = out.socket.get() {
        let _ = datagram::send(fd, DEV_LOG, &[head, text.bytes()]);
    }
}

unsafe extern "C" fn syslog_destructor(op: *mut explain_output_t) {
    // SAFETY: as above; the socket is the output's own.
    unsafe { (*(op as *const SyslogOutput)).socket.close() };
}

pub(super) static SYSLOG_VTABLE: explain_output_vtable_t = explain_output_vtable_t {
    destructor: Some(syslog_destructor),
    message: Some(syslog_message),
    exit: None,
    size: core::mem::size_of::<SyslogOutput>() as c_uint,
};

/// Returns a new output that sends each message to the system logger (/dev/log) as one
/// record with priority `facility | level`, identified by the program name, with the
/// process id when `option` has LOG_PID and also on stderr when it has LOG_PERROR. The
/// program's own openlog(3) settings are left alone. NULL when out of memory.
#[no_mangle]
pub extern "C" fn explain_output_syslog_new3(option: c_int, facility: c_int, level: c_int) -> *mut explain_output_t {
    // SAFETY: a static vtable of the right size; the object is zeroed and ours to fill.
    unsafe {
        let op = explain_output_new(&SYSLOG_VTABLE);
        if !op.is_null() {
            let s = op as *mut SyslogOutput;
            (*s).option = option;
            (*s).facility = facility;
            (*s).level = level;
        }
        op
    }
}

/// `explain_output_syslog_new3(0, LOG_USER, level)`, libexplain's defaults.
#[no_mangle]
pub extern "C" fn explain_output_syslog_new1(level: c_int) -> *mut explain_output_t {
    explain_output_syslog_new3(0, libc::LOG_USER, level)
}

/// `explain_output_syslog_new3(0, LOG_USER, LOG_ERR)`, libexplain's defaults.
#[no_mangle]
pub extern "C" fn explain_output_syslog_new() -> *mut explain_output_t {
    explain_output_syslog_new1(libc::LOG_ERR)
}
