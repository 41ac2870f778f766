//! Routes: the route of the main routing table the kernel
//! would take to a destination (the longest prefix of /proc/net/route or
//! /proc/net/ipv6_route, the lowest metric among equals), its interface and whether
//! that is up, the next hop's neighbour entry, and the TCP retry settings. Policy
//! rules (ip rule) are not followed: what is said is the main table's answer.

use super::lines::{for_each_line, number};

/// RTF_GATEWAY and RTF_REJECT of <linux/route.h>.
const RTF_GATEWAY: u32 = 0x2;
const RTF_REJECT: u32 = 0x200;

/// A route: IPv4 addresses fill the first four bytes.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    pub v6: bool,
    pub dest: [u8; 16],
    pub prefix: u8,
    /// The gateway, when the route goes through one.
    pub gateway: Option<[u8; 16]>,
    iface: [u8; 16],
    iface_len: usize,
    /// An `unreachable`, `prohibit`, `blackhole` or `throw` route.
    pub reject: bool,
    pub metric: u32,
}

impl Route {
    /// The interface's name; None for a route with no device (`*`).
    pub fn interface(&self) -> Option<&[u8]> {
        (self.iface_len > 0).then(|| &self.iface[..self.iface_len])
    }

    /// The address the host must reach first: the gateway, or the destination itself.
    pub fn next_hop(&self, dest: [u8; 16]) -> [u8; 16] {
        self.gateway.unwrap_or(dest)
    }
}

fn hex(b: &[u8]) -> Option<u64> {
    u64::from_str_radix(core::str::from_utf8(b).ok()?, 16).ok()
}

fn name_of(b: &[u8]) -> ([u8; 16], usize) {
    let mut n = [0u8; 16];
    if b == b"*" {
        return (n, 0);
    }
    let len = b.len().min(16);
    n[..len].copy_from_slice(&b[..len]);
    (n, len)
}

/// A row of /proc/net/route: `Iface Destination Gateway Flags RefCnt Use Metric Mask ...`,
/// addresses as the kernel's words in hex (host order).
fn parse_v4(line: &[u8]) -> Option<Route> {
    let mut w = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
    let iface = w.next()?;
    let dest = (hex(w.next()?)? as u32).to_ne_bytes();
    let gw = (hex(w.next()?)? as u32).to_ne_bytes();
    let flags = hex(w.next()?)? as u32;
    let metric = number(w.nth(2)?)? as u32;
    let mask = hex(w.next()?)? as u32;
    let mut r = Route { v6: false, dest: [0; 16], prefix: mask.count_ones() as u8, gateway: None, iface: [0; 16], iface_len: 0, reject: flags & RTF_REJECT != 0, metric };
    r.dest[..4].copy_from_slice(&dest);
    if flags & RTF_GATEWAY != 0 {
        let mut g = [0u8; 16];
        g[..4].copy_from_slice(&gw);
        r.gateway = Some(g);
    }
    (r.iface, r.iface_len) = name_of(iface);
    Some(r)
}

fn hex16(b: &[u8]) -> Option<[u8; 16]> {
    let mut a = [0u8; 16];
    for (i, x) in a.iter_mut().enumerate() {
        *x = hex(b.get(i * 2..i * 2 + 2)?)? as u8;
    }
    Some(a)
}

/// A row of /proc/net/ipv6_route: `dest plen src plen next_hop metric refcnt use flags iface`.
fn parse_v6(line: &[u8]) -> Option<Route> {
    let mut w = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
    let dest = hex16(w.next()?)?;
    let prefix = hex(w.next()?)? as u8;
    let (_, _) = (w.next()?, w.next()?);
    let hop = hex16(w.next()?)?;
    let metric = hex(w.next()?)? as u32;
    let flags = hex(w.nth(2)?)? as u32;
    let iface = w.next()?;
    let mut r = Route { v6: true, dest, prefix, gateway: None, iface: [0; 16], iface_len: 0, reject: flags & RTF_REJECT != 0, metric };
    if flags & RTF_GATEWAY != 0 && hop != [0; 16] {
        r.gateway = Some(hop);
    }
    (r.iface, r.iface_len) = name_of(iface);
    Some(r)
}

/// Whether the first `prefix` bits of `a` and `b` are equal.
fn same_prefix(a: &[u8; 16], b: &[u8; 16], prefix: u8) -> bool {
    let (whole, rest) = ((prefix / 8) as usize, prefix % 8);
    a[..whole] == b[..whole] && (rest == 0 || (a[whole] ^ b[whole]) >> (8 - rest) == 0)
}

/// The route the main table gives for `dest` (IPv4 in its first four bytes when `!v6`):
/// Some(None) when no route matches (so there is no default route either); None when
/// the table cannot be read.
pub fn route_to(dest: [u8; 16], v6: bool) -> Option<Option<Route>> {
    let mut best: Option<Route> = None;
    let path: &[u8] = if v6 { b"/proc/net/ipv6_route" } else { b"/proc/net/route" };
    for_each_line(path, |line| {
        let Some(r) = (if v6 { parse_v6(line) } else { parse_v4(line) }) else { return true };
        // IPv6's catch-all null entry (::/0 reject on lo, metric 0xffffffff) is the
        // kernel's way of having no route.
        if v6 && r.reject && r.prefix == 0 && r.metric == u32::MAX {
            return true;
        }
        if same_prefix(&r.dest, &dest, r.prefix) && best.is_none_or(|b| r.prefix > b.prefix || (r.prefix == b.prefix && r.metric < b.metric)) {
            best = Some(r);
        }
        true
    })
    .ok()?;
    Some(best)
}

/// The kind of an IPv4 reject route, from /proc/net/fib_trie (`|-- 10.0.0.0` followed
/// by `/8 universe UNREACHABLE`): `UNREACHABLE`, `PROHIBIT`, `BLACKHOLE` or `THROW`.
pub fn reject_kind(r: &Route) -> Option<&'static str> {
    if r.v6 {
        return None;
    }
    let want = [r.dest[0], r.dest[1], r.dest[2], r.dest[3]];
    let mut at = false;
    let mut kind = None;
    let _ = for_each_line(b"/proc/net/fib_trie", |line| {
        let t = line.trim_ascii();
        if let Some(addr) = t.strip_prefix(b"|-- ") {
            let mut parts = addr.split(|&c| c == b'.').map(number);
            at = want.iter().all(|&b| parts.next().flatten() == Some(b as u64));
        } else if at && t.first() == Some(&b'/') && number(&t[1..]) == Some(r.prefix as u64) {
            kind = ["UNREACHABLE", "PROHIBIT", "BLACKHOLE", "THROW"].into_iter().find(|k| t.ends_with(k.as_bytes()));
            return kind.is_none();
        }
        true
    });
    kind
}

/// Whether the interface `name` is up (IFF_UP) and has a carrier (IFF_RUNNING), as this
/// process's network namespace sees it.
pub fn interface_state(name: &[u8]) -> Option<(bool, bool)> {
    let f = crate::sys::netif::interface_flags(name)?;
    Some((f & libc::IFF_UP as u32 != 0, f & libc::IFF_RUNNING as u32 != 0))
}

/// The ARP entry of the IPv4 neighbour `a` (/proc/net/arp): Some(true) when its link
/// address is known, Some(false) when the kernel asked and had no answer (incomplete),
/// None when there is no entry.
pub fn neighbour_v4(a: [u8; 4]) -> Option<bool> {
    let mut found = None;
    let _ = for_each_line(b"/proc/net/arp", |line| {
        let mut w = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
        let (Some(ip), Some(_), Some(flags)) = (w.next(), w.next(), w.next()) else { return true };
        let mut parts = ip.split(|&c| c == b'.').map(number);
        if a.iter().all(|&b| parts.next().flatten() == Some(b as u64)) {
            // ATF_COM: the entry is complete.
            found = flags.strip_prefix(b"0x").and_then(hex).map(|f| f & 0x2 != 0);
            return false;
        }
        true
    });
    found
}

/// net.ipv4.tcp_syn_retries: how many times connect sends its SYN before ETIMEDOUT
/// (shared by IPv6).
pub fn syn_retries() -> Option<u64> {
    let mut b = [0u8; 16];
    let n = crate::sys::read_file(b"/proc/sys/net/ipv4/tcp_syn_retries", &mut b).ok()?;
    number(&b[..n])
}

/// Calls `f(interface, address)` for each address of this host's interfaces, IPv4
/// (SIOCGIFCONF: interfaces that are up) or IPv6 (/proc/net/if_inet6), IPv4 addresses
/// in the first four bytes.
pub fn for_each_address(v6: bool, mut f: impl FnMut(&[u8], [u8; 16])) {
    if !v6 {
        return crate::sys::netif::for_each_ipv4_address(|name, a| {
            let mut d = [0u8; 16];
            d[..4].copy_from_slice(&a);
            f(name, d)
        });
    }
    // `address index prefix scope flags name`.
    let _ = for_each_line(b"/proc/net/if_inet6", |line| {
        let mut w = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
        if let (Some(a), Some(name)) = (w.next().and_then(hex16), w.nth(4)) {
            f(name, a);
        }
        true
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_route_rows_and_matches_prefixes() {
        let r = parse_v4(b"eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0").unwrap();
        assert_eq!((r.prefix, r.gateway.map(|g| g[..4].to_vec()), r.interface()), (0, Some(vec![192, 0, 2, 1]), Some(&b"eth0"[..])));
        let r = parse_v4(b"*\t0000000A\t00000000\t0201\t0\t0\t0\t000000FF\t0\t0\t0").unwrap();
        assert!(r.reject && r.prefix == 8 && r.interface().is_none());
        let mut d = [0u8; 16];
        d[..4].copy_from_slice(&[10, 1, 2, 3]);
        assert!(same_prefix(&r.dest, &d, 8));
        d[0] = 11;
        assert!(!same_prefix(&r.dest, &d, 8));
        let r = parse_v6(b"fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0").unwrap();
        assert_eq!((r.prefix, r.dest[0], r.metric, r.gateway.is_none()), (64, 0xfd, 256, true));
    }
}
