//! Socket arguments (issue 13): address families, socket types, protocols, option
//! levels, names and values, and socket addresses, each by name from its generated
//! table and echoed the way libexplain 1.4 echoes them.

mod sockaddr;

pub use sockaddr::{read_sockaddr, write_ipv6, write_sockaddr, write_socket_ends, SockAddr};

use super::fdio::write_name_or_number;
use super::value::related;
use super::{write_flags, write_pointer, Arg, Entry};
use crate::message::Message;

/// Address families, PF_ names first (generated from address_families.in).
pub static ADDRESS_FAMILIES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/address_families.rs"));
/// Socket types (generated from socket_types.in).
pub static SOCKET_TYPES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/socket_types.rs"));
/// SOCK_NONBLOCK and SOCK_CLOEXEC (generated from socket_type_flags.in).
pub static SOCKET_TYPE_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/socket_type_flags.rs"));
/// IP protocol numbers (generated from ip_protocols.in).
pub static IP_PROTOCOLS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ip_protocols.rs"));
/// Option levels (generated from sockopt_levels.in).
pub static SOCKOPT_LEVELS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/sockopt_levels.rs"));
/// SOL_SOCKET options (generated from sol_socket_options.in).
pub static SOL_SOCKET_OPTIONS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/sol_socket_options.rs"));
/// SOL_IP options (generated from sol_ip_options.in).
pub static SOL_IP_OPTIONS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/sol_ip_options.rs"));
/// IPPROTO_TCP options (generated from sol_tcp_options.in).
pub static SOL_TCP_OPTIONS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/sol_tcp_options.rs"));
/// shutdown(2)'s how (generated from shutdown_how.in).
pub static SHUTDOWN_HOW: &[Entry] = include!(concat!(env!("OUT_DIR"), "/shutdown_how.rs"));
/// send(2) and recv(2) flags (generated from msg_flags.in).
pub static MSG_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/msg_flags.rs"));

/// The text of a table row that names a value libexplain's echo leaves as a number.
const PARSE_ONLY: &str = "parse-only";

/// The name libexplain's echo gives `v` in `table`.
pub fn echo_name(table: &[Entry], v: i64) -> Option<&'static str> {
    table.iter().find(|e| e.value == v && e.text != PARSE_ONLY).map(|e| e.name)
}

/// Any name of `v` in `table`, for the explanation (which may use later names).
pub fn any_name(table: &[Entry], v: i64) -> Option<&'static str> {
    echo_name(table, v).or_else(|| super::name_of(table, v))
}

/// The row of `v` in `table` (its text says the size of an option's value).
pub fn entry(table: &'static [Entry], v: i64) -> Option<&'static Entry> {
    table.iter().find(|e| e.value == v)
}

fn name_or_number(m: &mut Message, table: &[Entry], v: i64) {
    write_name_or_number(m, echo_name(table, v), v);
}

/// `PF_INET`; an unknown family as its number.
pub fn write_family(m: &mut Message, v: i64) {
    name_or_number(m, ADDRESS_FAMILIES, v as i32 as i64);
}

/// `SOCK_STREAM`; with SOCK_NONBLOCK or SOCK_CLOEXEC or-ed in, the number, as libexplain
/// writes it.
pub fn write_socket_type(m: &mut Message, v: i64) {
    name_or_number(m, SOCKET_TYPES, v as i32 as i64);
}

/// `IPPROTO_TCP`; another number with its /etc/protocols name (`33 "dccp"`).
pub fn write_protocol(m: &mut Message, v: i64) {
    let v = v as i32 as i64;
    if let Some(n) = echo_name(IP_PROTOCOLS, v) {
        return m.text(n);
    }
    m.number(v);
    if let Some(name) = crate::probe::netdb::protocol_name(v as i32) {
        m.text(" ");
        m.quoted(name.as_bytes());
    }
}

/// `SOL_SOCKET`; an unnamed level as its number.
pub fn write_level(m: &mut Message, v: i64) {
    name_or_number(m, SOCKOPT_LEVELS, v as i32 as i64);
}

/// The option table of `level`, as libexplain's echo knows them (SOL_SOCKET and SOL_IP).
pub fn echo_options(level: i32) -> &'static [Entry] {
    match level {
        libc::SOL_SOCKET => SOL_SOCKET_OPTIONS,
        libc::SOL_IP => SOL_IP_OPTIONS,
        _ => &[],
    }
}

/// The option table of `level` for the explanation and the command.
pub fn options_of(level: i32) -> &'static [Entry] {
    match level {
        libc::IPPROTO_TCP => SOL_TCP_OPTIONS,
        l => echo_options(l),
    }
}

/// An option name as its level (the argument `level`) names it: `SO_REUSEADDR`.
pub fn write_sockopt_name(m: &mut Message, v: i64, all: &[Arg]) {
    let level = related(all, "level").unwrap_or(-1) as i32;
    name_or_number(m, echo_options(level), v as i32 as i64);
}

/// setsockopt's value, read as the option says and as its size (`data_size`) allows:
/// `{ 1 }` for an int, `{ l_onoff = 1, l_linger = 30 }`, `{ 5 seconds }`, a device name
/// as a string, else the bytes in hex; NULL, or the address when it cannot be read.
pub fn write_sockopt_value(m: &mut Message, p: i64, all: &[Arg]) {
    let level = related(all, "level").unwrap_or(-1) as i32;
    let name = related(all, "name").unwrap_or(-1) as i32;
    let size = (related(all, "data_size").unwrap_or(0) as u32 as usize).min(256);
    let addr = p as usize;
    let mut b = [0u8; 256];
    if addr == 0 || size == 0 || crate::sys::read_memory(addr, &mut b[..size]) != size {
        return write_pointer(m, p);
    }
    let b = &b[..size];
    let int_at = |o: usize| i32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    let shape = entry(echo_options(level), name as i64).map(|e| e.text).unwrap_or("");
    match shape {
        "linger" if size == 8 => {
            let _ = core::fmt::write(m, format_args!("{{ l_onoff = {}, l_linger = {} }}", int_at(0), int_at(4)));
        }
        "timeval" if size == 16 => {
            let secs = i64::from_ne_bytes(b[..8].try_into().unwrap_or([0; 8]));
            let usecs = i64::from_ne_bytes(b[8..16].try_into().unwrap_or([0; 8]));
            if usecs == 0 {
                let _ = core::fmt::write(m, format_args!("{{ {secs} seconds }}"));
            } else {
                let _ = core::fmt::write(m, format_args!("{{ {secs}.{usecs:06} seconds }}"));
            }
        }
        "string" => m.quoted(b.split(|&c| c == 0).next().unwrap_or(b)),
        _ if size == 4 => {
            let _ = core::fmt::write(m, format_args!("{{ {} }}", int_at(0)));
        }
        _ => write_hex_bytes(m, b),
    }
}

/// `{ 07 00 }`: bytes in hex, as libexplain shows a value it does not decode.
pub fn write_hex_bytes(m: &mut Message, b: &[u8]) {
    m.text("{");
    write_hexdump(m, b);
    m.text(" }");
}

/// ` 07 00 2A`: each byte in upper-case hex after a space.
pub fn write_hexdump(m: &mut Message, b: &[u8]) {
    for &c in b {
        let _ = core::fmt::write(m, format_args!(" {c:02X}"));
    }
}

/// A `socklen_t *`: `{ 16 }`, the length it points at; NULL, or the address when it
/// cannot be read.
pub fn write_socklen_ptr(m: &mut Message, p: i64) {
    let mut b = [0u8; 4];
    if p == 0 || crate::sys::read_memory(p as usize, &mut b) != 4 {
        return write_pointer(m, p);
    }
    let _ = core::fmt::write(m, format_args!("{{ {} }}", u32::from_ne_bytes(b)));
}

/// accept4's flags: `SOCK_NONBLOCK | SOCK_CLOEXEC`, `0` for none.
pub fn write_accept4_flags(m: &mut Message, v: i64) {
    write_flags(m, v as i32 as i64, SOCKET_TYPE_FLAGS, "0");
}

/// shutdown's how: `SHUT_RDWR`.
pub fn write_shutdown_how(m: &mut Message, v: i64) {
    name_or_number(m, SHUTDOWN_HOW, v as i32 as i64);
}

/// send and recv flags: `MSG_DONTWAIT | MSG_NOSIGNAL`, `0` for none.
pub fn write_msg_flags(m: &mut Message, v: i64) {
    write_flags(m, v as i32 as i64, MSG_FLAGS, "0");
}
