//! A socket address read from the caller's memory without trusting the pointer, and its
//! echo as libexplain 1.4 writes it: `{ sa_family = PF_INET, sin_port = 8080
//! "http-alt", sin_addr = 127.0.0.1 }`.

use super::super::value::related;
use super::super::{write_pointer, Arg};
use super::{echo_name, write_family, write_hexdump, ADDRESS_FAMILIES};
use crate::message::Message;

/// The largest address read (struct sockaddr_storage).
const MAX: usize = 128;

/// A copy of the caller's socket address: as many of its bytes as could be read, up to
/// sockaddr_storage's 128.
pub struct SockAddr {
    pub bytes: [u8; MAX],
    pub len: usize,
}

impl SockAddr {
    pub fn family(&self) -> i32 {
        if self.len < 2 {
            return -1;
        }
        u16::from_ne_bytes([self.bytes[0], self.bytes[1]]) as i32
    }

    /// The port of an AF_INET or AF_INET6 address, in host order.
    pub fn port(&self) -> Option<u16> {
        matches!(self.family(), libc::AF_INET | libc::AF_INET6).then(|| u16::from_be_bytes([self.bytes[2], self.bytes[3]]))
    }

    /// The four bytes of an AF_INET address.
    pub fn ipv4(&self) -> Option<[u8; 4]> {
        (self.family() == libc::AF_INET && self.len >= 8).then(|| [self.bytes[4], self.bytes[5], self.bytes[6], self.bytes[7]])
    }

    /// The sixteen bytes of an AF_INET6 address.
    pub fn ipv6(&self) -> Option<[u8; 16]> {
        (self.family() == libc::AF_INET6 && self.len >= 24).then(|| self.bytes[8..24].try_into().unwrap_or([0; 16]))
    }

    /// An AF_UNIX path: the bytes of sun_path up to its NUL, and whether it is an
    /// abstract name (sun_path[0] is NUL: the name follows, up to the length given).
    pub fn unix_path(&self, addr_len: usize) -> Option<(&[u8], bool)> {
        if self.family() != libc::AF_UNIX {
            return None;
        }
        let end = addr_len.clamp(2, self.len.min(2 + 108));
        let path = &self.bytes[2..end.max(2)];
        if path.first() == Some(&0) {
            return Some((&path[1..], true));
        }
        let cut = path.iter().position(|&c| c == 0).unwrap_or(path.len());
        Some((&path[..cut], false))
    }
}

/// The socket address at `addr`: None for NULL or when not even its family can be read.
pub fn read_sockaddr(addr: usize) -> Option<SockAddr> {
    if addr == 0 {
        return None;
    }
    let mut sa = SockAddr { bytes: [0; MAX], len: 0 };
    // Read what is there: a short address at the end of a mapping is still an address.
    for want in [MAX, 110, 28, 16, 2] {
        let n = crate::sys::read_memory(addr, &mut sa.bytes[..want]);
        if n == want {
            sa.len = want;
            return Some(sa);
        }
    }
    None
}

/// The echo of a `struct sockaddr *` whose length is the argument named `*_size`
/// (sock_addr_size, serv_addr_size) or `addrlen`.
pub fn write_sockaddr(m: &mut Message, p: i64, all: &[Arg]) {
    let size = ["sock_addr_size", "serv_addr_size", "addrlen", "dest_addr_size"]
        .iter()
        .find_map(|n| related(all, n))
        .unwrap_or(16) as i32;
    // libexplain prints the address only when a whole struct sockaddr can be read.
    let Some(sa) = read_sockaddr(p as usize).filter(|sa| sa.len >= 16) else { return write_pointer(m, p) };
    write_address(m, &sa, size);
}

/// The echo of an open socket descriptor's addresses, after its number, as libexplain
/// writes it in place of a path: ` { sa_family = PF_INET, sin_port = 8080, sin_addr =
/// 127.0.0.1 }`, then ` => ` and the peer's when it is connected. False (nothing
/// written) when the descriptor has no name to give (getsockname fails).
pub fn write_socket_ends(m: &mut Message, fd: i32) -> bool {
    let mut sa = SockAddr { bytes: [0; MAX], len: MAX };
    let Ok(n) = crate::sys::socket::sockname(fd, &mut sa.bytes) else { return false };
    m.text(" ");
    write_address(m, &sa, n as i32);
    let mut peer = SockAddr { bytes: [0; MAX], len: MAX };
    if let Ok(n) = crate::sys::socket::peername(fd, &mut peer.bytes) {
        m.text(" => ");
        write_address(m, &peer, n as i32);
    }
    true
}

/// `{ sa_family = …, … }`: the address `sa` whose length is `size`.
fn write_address(m: &mut Message, sa: &SockAddr, size: i32) {
    m.text("{ sa_family = ");
    let family = sa.family();
    write_family(m, family as i64);
    let b = &sa.bytes;
    match family {
        libc::AF_UNSPEC => {}
        libc::AF_UNIX => {
            if size > 2 {
                m.text(", sun_path = ");
                let path = &b[2..sa.len.min(2 + 108)];
                m.quoted(&path[..path.iter().position(|&c| c == 0).unwrap_or(path.len())]);
            }
        }
        libc::AF_INET => {
            let port = u16::from_be_bytes([b[2], b[3]]);
            let _ = core::fmt::write(m, format_args!(", sin_port = {port}"));
            if crate::message::options().dialect_specific {
                if let Some(name) = crate::probe::netdb::service_name_tcp_or_udp(port) {
                    m.text(" ");
                    m.quoted(name.as_bytes());
                }
            }
            let _ = core::fmt::write(m, format_args!(", sin_addr = {}.{}.{}.{}", b[4], b[5], b[6], b[7]));
            // The two addresses libexplain names.
            match [b[4], b[5], b[6], b[7]] {
                [0, 0, 0, 0] => m.text(" INADDR_ANY"),
                [255, 255, 255, 255] => m.text(" INADDR_BROADCAST"),
                _ => {}
            }
        }
        libc::AF_INET6 if sa.len >= 28 => {
            let port = u16::from_be_bytes([b[2], b[3]]);
            let _ = core::fmt::write(m, format_args!(", sin_port = {port}"));
            let flow = u32::from_ne_bytes([b[4], b[5], b[6], b[7]]);
            if flow != 0 {
                let _ = core::fmt::write(m, format_args!(", sin6_flowinfo = {flow}"));
            }
            m.text(", sin6_addr = ");
            write_ipv6(m, b[8..24].try_into().unwrap_or([0; 16]));
            let scope = u32::from_ne_bytes([b[24], b[25], b[26], b[27]]);
            if scope != 0 {
                let _ = core::fmt::write(m, format_args!(", sin6_scope_id = {scope}"));
            }
        }
        libc::AF_X25 => {
            m.text(", sx25_addr = ");
            let a = &b[2..18];
            m.quoted(&a[..a.iter().position(|&c| c == 0).unwrap_or(a.len())]);
        }
        f => {
            // A family libexplain does not decode: its bytes, at most a struct sockaddr's
            // for a family it names, as many as the length says for one it does not.
            // libexplain's AF_PACKET dump starts with one space more.
            m.text(if f == libc::AF_PACKET { ", " } else { "," });
            let n = if echo_name(ADDRESS_FAMILIES, f as i64).is_some() { size.clamp(0, 16) } else { size.max(0) };
            write_hexdump(m, &b[..(n as usize).min(sa.len)]);
        }
    }
    m.text(" }");
}

/// An IPv6 address as inet_ntop(3) writes it: the longest run of two or more zero
/// groups as `::`, an IPv4-mapped address with its dotted quad.
pub fn write_ipv6(m: &mut Message, a: [u8; 16]) {
    let g: [u16; 8] = core::array::from_fn(|i| u16::from_be_bytes([a[2 * i], a[2 * i + 1]]));
    if g[..5] == [0; 5] && g[5] == 0xffff {
        let _ = core::fmt::write(m, format_args!("::ffff:{}.{}.{}.{}", a[12], a[13], a[14], a[15]));
        return;
    }
    let (mut best, mut best_len, mut i) = (8, 0, 0);
    while i < 8 {
        if g[i] == 0 {
            let start = i;
            while i < 8 && g[i] == 0 {
                i += 1;
            }
            if i - start > best_len && i - start >= 2 {
                best = start;
                best_len = i - start;
            }
        } else {
            i += 1;
        }
    }
    let mut i = 0;
    while i < 8 {
        if i == best {
            m.text("::");
            i += best_len;
            continue;
        }
        if i > 0 && i != best + best_len {
            m.text(":");
        }
        let _ = core::fmt::write(m, format_args!("{:x}", g[i]));
        i += 1;
    }
}
