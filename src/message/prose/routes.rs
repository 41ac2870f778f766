//! Routes in words: which route a connection took or would
//! take, its interface and state, and why nothing came back (ENETUNREACH, EHOSTUNREACH,
//! ETIMEDOUT, EACCES of a prohibit route).

use super::sockaddr::address;
use crate::decode::sock::SockAddr;
use crate::message::Message;
use crate::probe::routes::Route;

/// An address of a route: dotted IPv4, or IPv6 as inet_ntop writes it.
fn ip(m: &mut Message, a: &[u8; 16], v6: bool) {
    if v6 {
        crate::decode::sock::write_ipv6(m, *a);
    } else {
        let _ = core::fmt::write(m, format_args!("{}.{}.{}.{}", a[0], a[1], a[2], a[3]));
    }
}

/// `the default route` or `the route to 10.0.0.0/8`, then its gateway and interface.
pub fn route(m: &mut Message, r: &Route) {
    if r.prefix == 0 {
        m.text("the default route");
    } else {
        m.text("the route to ");
        ip(m, &r.dest, r.v6);
        let _ = core::fmt::write(m, format_args!("/{}", r.prefix));
    }
    if let Some(g) = &r.gateway {
        m.text(" through the gateway ");
        ip(m, g, r.v6);
    }
    if let Some(name) = r.interface() {
        m.text(" on interface ");
        m.quoted(name);
    }
}

/// ` (interface "eth0" is down)`, ` (… is up but has no carrier)`, or nothing when up.
pub fn interface_state(m: &mut Message, name: &[u8], state: Option<(bool, bool)>) {
    match state {
        Some((false, _)) => {
            m.text("; interface ");
            m.quoted(name);
            m.text(" is down (ip link set it up)");
        }
        Some((true, false)) => {
            m.text("; interface ");
            m.quoted(name);
            m.text(" is up but has no carrier (no cable or link)");
        }
        Some(_) => {}
        None => {
            m.text("; interface ");
            m.quoted(name);
            m.text(" does not exist in this network namespace");
        }
    }
}

/// ENETUNREACH (or any of them) when no route matches.
pub fn no_route(m: &mut Message, sa: &SockAddr, len: usize, v6: bool) {
    m.because();
    m.text("the main routing table (");
    m.text(if v6 { "/proc/net/ipv6_route" } else { "/proc/net/route" });
    m.text(") has no route to ");
    address(m, sa, len);
    m.text(", and no default route: the host has no way to that network (ip route lists the routes)");
}

/// A reject route (`unreachable`, `prohibit`, `blackhole`) covers the destination.
pub fn rejected(m: &mut Message, sa: &SockAddr, len: usize, r: &Route, kind: Option<&str>) {
    m.because();
    route(m, r);
    m.text(", which covers ");
    address(m, sa, len);
    match kind {
        Some(k) => {
            m.text(", is of type ");
            m.text(k);
        }
        None => m.text(", is a reject route"),
    }
    m.text(": the kernel refuses to send anything there");
}

/// The route exists and goes out through an interface, yet the kernel or a router on
/// the way said the network or host cannot be reached, or nothing answered.
pub fn routed_but_failed(m: &mut Message, errnum: i32, sa: &SockAddr, len: usize, r: &Route, state: Option<(bool, bool)>, unanswered_hop: Option<[u8; 16]>, syn_retries: Option<u64>) {
    m.because();
    match errnum {
        libc::ETIMEDOUT => {
            m.text("nothing answered the connection to ");
            address(m, sa, len);
            m.text(", which went by ");
            route(m, r);
            if let Some(n) = syn_retries {
                // The first retry waits a second, and each one after doubles the wait.
                let total = (1u64 << (n.min(20) + 1)) - 1;
                let _ = core::fmt::write(m, format_args!("; connect gives up after its SYN is sent {} times (net.ipv4.tcp_syn_retries is {n}, about {total} seconds)", n + 1));
            }
            m.text("; the host may be down, or a firewall on the way drops the packets");
        }
        libc::EHOSTUNREACH => {
            address(m, sa, len);
            m.text(" could not be reached by ");
            route(m, r);
        }
        _ => {
            m.text("the network of ");
            address(m, sa, len);
            m.text(" could not be reached by ");
            route(m, r);
            m.text(" (a router on the way said so)");
        }
    }
    if let Some(name) = r.interface() {
        interface_state(m, name, state);
    }
    if let Some(hop) = unanswered_hop {
        m.text("; the next hop ");
        ip(m, &hop, r.v6);
        m.text(" did not answer the kernel's ARP request (its entry in /proc/net/arp is incomplete)");
    }
}

/// `; the addresses of this host's interfaces are "lo" 127.0.0.1 and "eth0" 192.0.2.5`
/// (at most 16 named), or that it has none.
pub fn host_addresses(m: &mut Message, v6: bool) {
    let mut n = 0;
    m.text("; the addresses of this host's interfaces are");
    crate::probe::routes::for_each_address(v6, |name, a| {
        n += 1;
        if n > 16 {
            return;
        }
        m.text(if n == 1 { " " } else { ", " });
        m.quoted(name);
        m.text(" ");
        ip(m, &a, v6);
    });
    if n == 0 {
        m.text(" none (no interface is up with an address of this family)");
    } else if n > 16 {
        let _ = core::fmt::write(m, format_args!(" and {} more", n - 16));
    }
}
