//! Name resolution (issue 13): getaddrinfo's hints echoed as libexplain echoes them, and
//! the two error spaces that are not errno: getaddrinfo's EAI_* codes and
//! gethostbyname's h_errno.

use super::fdio::named;
use super::{name_of, write_bits, write_pointer, Entry};
use crate::message::Message;

/// getaddrinfo(3)'s codes with gai_strerror's texts (generated from eai_codes.in).
pub static EAI_CODES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/eai_codes.rs"));
/// gethostbyname(3)'s h_errno values with hstrerror's texts (h_errno_codes.in).
pub static H_ERRNO_CODES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/h_errno_codes.rs"));
/// hints.ai_flags (ai_flags.in).
pub static AI_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ai_flags.rs"));
/// hints.ai_family, by their PF_ names (ai_families.in).
pub static AI_FAMILIES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ai_families.rs"));
/// hints.ai_socktype (ai_socktypes.in).
pub static AI_SOCKTYPES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ai_socktypes.rs"));
/// hints.ai_protocol (ai_protocols.in).
pub static AI_PROTOCOLS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ai_protocols.rs"));

pub const EAI_SYSTEM: i32 = -11;

/// The code the explanation is of, from getaddrinfo's result: the errno it left for
/// EAI_SYSTEM (as libexplain's manual has callers do), else the result.
pub fn errcode(result: i32, errno: i32) -> i32 {
    if result == EAI_SYSTEM && errno > 0 {
        errno
    } else {
        result
    }
}

/// A code's text and `(N, NAME)`, from `table`; else as an errno.
fn write_coded(m: &mut Message, table: &[Entry], code: i32) {
    match table.iter().find(|e| e.value == code as i64) {
        Some(e) => {
            m.text(e.text);
            m.text(" (");
            if m.opts.numeric_errno {
                m.number(code as i64);
                m.text(", ");
            }
            m.text(e.name);
            m.text(")");
        }
        None => m.error(code),
    }
}

/// getaddrinfo's error part: an EAI_* code (negative), or an errno (EAI_SYSTEM's).
pub fn write_eai_error(m: &mut Message, code: i32) {
    write_coded(m, EAI_CODES, code);
}

/// gethostbyname's error part: libexplain reads its errnum as an h_errno value
/// (HOST_NOT_FOUND…, 1 to 4); any other number as an errno.
pub fn write_h_errno_error(m: &mut Message, code: i32) {
    write_coded(m, H_ERRNO_CODES, code);
}

/// The name of an EAI_* code or h_errno value, for prose.
pub fn code_name(table: &[Entry], code: i32) -> Option<&'static str> {
    name_of(table, code as i64)
}

/// The fields of a struct addrinfo that the hints use, read from the caller's memory.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hints {
    pub flags: i32,
    pub family: i32,
    pub socktype: i32,
    pub protocol: i32,
    pub addr: usize,
    pub canonname: usize,
}

/// The hints at `addr`, when readable (glibc x86_64 layout: four ints, the address
/// length, then the three pointers at 24, 32 and 40).
pub fn read_hints(addr: usize) -> Option<Hints> {
    let mut b = [0u8; 48];
    if addr == 0 || crate::sys::read_memory(addr, &mut b) != b.len() {
        return None;
    }
    let int = |at: usize| i32::from_ne_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    let ptr = |at: usize| usize::from_ne_bytes(b[at..at + 8].try_into().unwrap_or([0; 8]));
    Some(Hints { flags: int(0), family: int(4), socktype: int(8), protocol: int(12), addr: ptr(24), canonname: ptr(32) })
}


/// getaddrinfo's hints as libexplain echoes them: `{ ai_flags = AI_PASSIVE, ai_family =
/// PF_INET, ai_socktype = SOCK_STREAM, ai_protocol = IPPROTO_TCP, ai_addr = NULL,
/// ai_canonname = NULL }` (libexplain 1.4 leaves the comma before ai_canonname out; we
/// write it). NULL by name; an unreadable pointer as its address.
pub fn write_addrinfo_hints(m: &mut Message, addr: i64) {
    let Some(h) = read_hints(addr as usize) else { return write_pointer(m, addr) };
    m.text("{ ai_flags = ");
    write_bits(m, AI_FLAGS, h.flags as i64);
    m.text(", ai_family = ");
    named(m, AI_FAMILIES, h.family as i64);
    m.text(", ai_socktype = ");
    named(m, AI_SOCKTYPES, h.socktype as i64);
    m.text(", ai_protocol = ");
    match h.protocol {
        0 => m.text("0"),
        p => named(m, AI_PROTOCOLS, p as i64),
    }
    m.text(", ai_addr = ");
    write_pointer(m, h.addr as i64);
    m.text(", ai_canonname = ");
    write_pointer(m, h.canonname as i64);
    m.text(" }");
}

/// An EAI_* or h_errno name as the command's `-e` takes it (`EAI_NONAME`, `TRY_AGAIN`).
pub fn parse_code(text: &str) -> Option<i32> {
    let upper = text.trim().to_ascii_uppercase();
    EAI_CODES.iter().chain(H_ERRNO_CODES).find(|e| e.name == upper).map(|e| e.value as i32)
}

/// gethostbyname(3)'s h_errno values (<netdb.h>; the libc crate lacks them).
pub const HOST_NOT_FOUND: i32 = 1;
pub const TRY_AGAIN: i32 = 2;
pub const NO_RECOVERY: i32 = 3;
pub const NO_DATA: i32 = 4;
/// getaddrinfo(3)'s codes the explanation tells apart (eai_codes.in).
pub const EAI_BADFLAGS: i32 = -1;
pub const EAI_NONAME: i32 = -2;
pub const EAI_AGAIN: i32 = -3;
pub const EAI_FAIL: i32 = -4;
pub const EAI_NODATA: i32 = -5;
pub const EAI_FAMILY: i32 = -6;
pub const EAI_SOCKTYPE: i32 = -7;
pub const EAI_SERVICE: i32 = -8;
pub const EAI_ADDRFAMILY: i32 = -9;
pub const EAI_MEMORY: i32 = -10;
/// The AI_ flags the explanation looks at (ai_flags.in).
pub const AI_CANONNAME: i32 = 0x2;
pub const AI_NUMERICHOST: i32 = 0x4;
pub const AI_NUMERICSERV: i32 = 0x400;

/// The bits of `flags` that no AI_ flag defines.
pub fn unknown_ai_flags(flags: i32) -> i32 {
    AI_FLAGS.iter().fold(flags, |rest, e| rest & !(e.value as i32))
}
