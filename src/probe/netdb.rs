//! Name resolution's files, read directly (issue 13): /etc/hosts, /etc/services,
//! /etc/resolv.conf and the hosts line of /etc/nsswitch.conf; and whether each name
//! server answers. Never through getaddrinfo or gethostbyname, which a preload library
//! may intercept (and which are what failed). Also the names /etc/services and
//! /etc/protocols give ports and protocols in the sockets' echo: getservbyport and
//! getprotobynumber go through NSS, allocate and keep static state.

use super::lines::{for_each_line, number};
use super::users::Name;
use super::suggest::{acceptable, distance};
use crate::sys::netdb::{ask_name_server, ServerReply};

pub const HOSTS: &[u8] = b"/etc/hosts";
pub const SERVICES: &[u8] = b"/etc/services";
pub const RESOLV_CONF: &[u8] = b"/etc/resolv.conf";
pub const NSSWITCH: &[u8] = b"/etc/nsswitch.conf";

/// A word copied out of a file line (a host or service name, an address).
#[derive(Clone, Copy, Debug)]
pub struct Word {
    buf: [u8; 64],
    len: usize,
}

impl Word {
    fn new(b: &[u8]) -> Word {
        let mut w = Word { buf: [0; 64], len: b.len().min(64) };
        w.buf[..w.len].copy_from_slice(&b[..w.len]);
        w
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// A line's words, a `#` comment cut off.
fn words(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    let line = line.split(|&c| c == b'#').next().unwrap_or(b"");
    line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty())
}

/// The closest of the names seen so far to a wanted one.
struct Nearest<'a> {
    want: &'a [u8],
    lower: [u8; 255],
    /// (distance, whether the wanted name is not a subsequence of it, the name): on a
    /// tie, a name the wanted one is missing a letter of (`htp` for `http`) wins.
    best: Option<(usize, bool, Word)>,
}

impl<'a> Nearest<'a> {
    fn new(want: &'a [u8]) -> Nearest<'a> {
        let mut lower = [0u8; 255];
        for (l, c) in lower.iter_mut().zip(want) {
            *l = c.to_ascii_lowercase();
        }
        Nearest { want, lower, best: None }
    }

    fn offer(&mut self, name: &[u8]) {
        let a = &self.lower[..self.want.len().min(255)];
        let bound = self.best.as_ref().map_or(usize::MAX, |b| b.0.saturating_add(1));
        let d = distance(a, name, bound);
        if d >= bound || !acceptable(d, a.len(), name.len()) {
            return;
        }
        let not_sub = !is_subsequence(a, name);
        if self.best.as_ref().is_none_or(|b| (d, not_sub) < (b.0, b.1)) {
            self.best = Some((d, not_sub, Word::new(name)));
        }
    }
}

/// Whether every byte of `a` (lower case) appears in `b` in order (case-insensitive).
fn is_subsequence(a: &[u8], b: &[u8]) -> bool {
    let mut rest = b.iter().map(u8::to_ascii_lowercase);
    a.iter().all(|&c| rest.any(|x| x == c))
}

/// What /etc/hosts says of a host name.
#[derive(Debug)]
pub struct HostsAnswer {
    /// The file could be read.
    pub readable: bool,
    /// The address the name is listed with, if it is listed.
    pub address: Option<Word>,
    /// The listed name nearest to it, when it is not listed.
    pub nearest: Option<Word>,
}

pub fn hosts_entry(name: &[u8]) -> HostsAnswer {
    let mut near = Nearest::new(name);
    let mut address = None;
    let readable = for_each_line(HOSTS, |line| {
        let mut w = words(line);
        let Some(addr) = w.next() else { return true };
        for n in w {
            if n.eq_ignore_ascii_case(name) {
                address = Some(Word::new(addr));
                return false;
            }
            near.offer(n);
        }
        true
    })
    .is_ok();
    let nearest = if address.is_some() { None } else { near.best.map(|b| b.2) };
    HostsAnswer { readable, address, nearest }
}

/// What /etc/services says of a service name.
#[derive(Debug, Default)]
pub struct ServiceAnswer {
    pub readable: bool,
    /// The name (or an alias) is listed for TCP, for UDP, for another protocol.
    pub tcp: bool,
    pub udp: bool,
    pub other: bool,
    /// Its port, when listed.
    pub port: Option<u64>,
    /// The listed name nearest to it, when it is not listed at all.
    pub nearest: Option<Word>,
}

pub fn service_entry(name: &[u8]) -> ServiceAnswer {
    let mut near = Nearest::new(name);
    let mut a = ServiceAnswer::default();
    a.readable = for_each_line(SERVICES, |line| {
        let mut w = words(line);
        let (Some(svc), Some(port_proto)) = (w.next(), w.next()) else { return true };
        let mut pp = port_proto.splitn(2, |&c| c == b'/');
        let (port, proto) = (pp.next().and_then(super::lines::number), pp.next().unwrap_or(b""));
        if svc == name || w.any(|alias| alias == name) {
            match proto {
                b"tcp" => a.tcp = true,
                b"udp" => a.udp = true,
                _ => a.other = true,
            }
            a.port = port;
        } else {
            near.offer(svc);
        }
        true
    })
    .is_ok();
    if !(a.tcp || a.udp || a.other) {
        a.nearest = near.best.map(|b| b.2);
    }
    a
}

/// A name server of /etc/resolv.conf and what it did with a query.
#[derive(Clone, Copy, Debug)]
pub struct NameServer {
    pub address: Word,
    pub reply: Option<ServerReply>,
}

/// The name servers of /etc/resolv.conf (the resolver uses at most three).
#[derive(Debug, Default)]
pub struct NameServers {
    pub readable: bool,
    pub list: [Option<NameServer>; 3],
}

impl NameServers {
    pub fn iter(&self) -> impl Iterator<Item = &NameServer> {
        self.list.iter().flatten()
    }
}

/// How long each name server is given to answer, in milliseconds.
const WAIT_MS: i32 = 300;

/// The name servers, each asked (when `ask`) one query with a short wait.
pub fn name_servers(asking: bool) -> NameServers {
    let mut ns = NameServers::default();
    let mut n = 0;
    ns.readable = for_each_line(RESOLV_CONF, |line| {
        let mut w = words(line);
        if w.next() == Some(b"nameserver".as_slice()) {
            if let Some(addr) = w.next() {
                ns.list[n] = Some(NameServer { address: Word::new(addr), reply: None });
                n += 1;
            }
        }
        n < 3
    })
    .is_ok();
    if asking {
        for s in ns.list.iter_mut().flatten() {
            s.reply = ask(s.address.as_bytes());
        }
    }
    ns
}

/// Asks the server at `text` (an IPv4 or IPv6 address) on port 53.
fn ask(text: &[u8]) -> Option<ServerReply> {
    let text = core::str::from_utf8(text).ok()?;
    // An IPv6 address may carry a zone (`fe80::1%eth0`): ignored here.
    let text = text.split('%').next()?;
    if let Ok(v4) = text.parse::<core::net::Ipv4Addr>() {
        let sa = libc::sockaddr_in {
            sin_family: libc::AF_INET as u16,
            sin_port: 53u16.to_be(),
            sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes(v4.octets()) },
            sin_zero: [0; 8],
        };
        // SAFETY: a plain C struct viewed as its bytes.
        let b = unsafe { core::slice::from_raw_parts(&sa as *const _ as *const u8, core::mem::size_of_val(&sa)) };
        return ask_name_server(b, libc::AF_INET, WAIT_MS).ok();
    }
    let v6 = text.parse::<core::net::Ipv6Addr>().ok()?;
    let sa = libc::sockaddr_in6 {
        sin6_family: libc::AF_INET6 as u16,
        sin6_port: 53u16.to_be(),
        sin6_flowinfo: 0,
        sin6_addr: libc::in6_addr { s6_addr: v6.octets() },
        sin6_scope_id: 0,
    };
    // SAFETY: as above.
    let b = unsafe { core::slice::from_raw_parts(&sa as *const _ as *const u8, core::mem::size_of_val(&sa)) };
    ask_name_server(b, libc::AF_INET6, WAIT_MS).ok()
}

/// The sources of the `hosts:` line of /etc/nsswitch.conf (`files dns`…), if any.
pub fn hosts_sources() -> Option<Word> {
    let mut found = None;
    let _ = for_each_line(NSSWITCH, |line| {
        let line = line.split(|&c| c == b'#').next().unwrap_or(b"");
        if let Some(rest) = line.strip_prefix(b"hosts:".as_slice()) {
            found = Some(Word::new(rest.trim_ascii()));
            return false;
        }
        true
    });
    found
}

/// Whether `name` is written as an address (IPv4 or IPv6), not a name.
pub fn is_numeric_host(name: &[u8]) -> bool {
    core::str::from_utf8(name).is_ok_and(|s| s.parse::<core::net::IpAddr>().is_ok())
}

/// Whether `service` is a port number.
pub fn is_numeric_service(service: &[u8]) -> bool {
    !service.is_empty() && service.iter().all(u8::is_ascii_digit)
}

// --- sockets: names for the echo.

/// The name /etc/services gives `port` over tcp, or else over udp (the order the echo
/// asks in, as libexplain's getservbyport calls do), in one reading of the file. A line
/// is rejected on its port's bytes before anything is converted: the echo of every
/// socket address asks, and the file has hundreds of lines.
pub fn service_name_tcp_or_udp(port: u16) -> Option<Name> {
    let mut digits = [0u8; 20];
    let want = crate::decode::decimal(port as u64, &mut digits);
    let (mut tcp, mut udp) = (None, None);
    let _ = for_each_line(b"/etc/services", |line| {
        let mut w = words(line);
        let (Some(name), Some(pp)) = (w.next(), w.next()) else { return true };
        match pp.strip_prefix(want) {
            Some(b"/tcp") => {
                tcp = Some(Name::from_bytes(name));
                false
            }
            Some(b"/udp") if udp.is_none() => {
                udp = Some(Name::from_bytes(name));
                true
            }
            _ => true,
        }
    });
    tcp.or(udp)
}

/// The official name /etc/protocols gives protocol number `n`.
pub fn protocol_name(n: i32) -> Option<Name> {
    let mut found = None;
    let _ = for_each_line(b"/etc/protocols", |line| {
        let mut w = words(line);
        let (Some(name), Some(num)) = (w.next(), w.next()) else { return true };
        if num.iter().all(u8::is_ascii_digit) && number(num) == Some(n as u64) {
            found = Some(Name::from_bytes(name));
            return false;
        }
        true
    });
    found
}

/// The number of the protocol /etc/protocols calls `name` (its official name or an alias).
pub fn protocol_number(name: &[u8]) -> Option<i32> {
    let mut found = None;
    let _ = for_each_line(b"/etc/protocols", |line| {
        let mut w = words(line);
        let (Some(first), Some(num)) = (w.next(), w.next()) else { return true };
        if first == name || w.any(|a| a == name) {
            found = number(num).map(|n| n as i32);
            return false;
        }
        true
    });
    found
}
