//! connect(2): ERRORS ECONNREFUSED (nothing listens on that port, or on that AF_UNIX
//! path: a stale socket file, or a file that is no socket), ENOENT (the path
//! diagnosis), EACCES (the socket file's write permission, or a `prohibit` route),
//! EPROTOTYPE (the listener's type against ours), EAGAIN (a full backlog, or no free
//! local port), EINPROGRESS, EALREADY, EISCONN, EADDRINUSE, EADDRNOTAVAIL,
//! EAFNOSUPPORT, EBADF, ENOTSOCK, EFAULT, EINVAL (the length, or another family on an
//! AF_UNIX socket), ENETUNREACH, EHOSTUNREACH and ETIMEDOUT (the route of the main
//! table, its gateway, interface and ARP entry), EINTR.
//! Also the helpers bind shares: who holds an address, a bad length, a wrong family.

use crate::decode::sock::{read_sockaddr, SockAddr};
use crate::message::prose::{fd, generic, path, sockaddr, socket};
use crate::message::Message;
use crate::probe::sockets;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, serv_addr: usize, serv_addr_size: i32) {
    if socket::descriptor_error(m, errnum, "fildes", fildes) {
        return;
    }
    let len = serv_addr_size.max(0) as usize;
    let Some(sa) = read_sockaddr(serv_addr) else { return fd::bad_pointer(m, "serv_addr", serv_addr, len) };
    let unix = sa.unix_path(len);
    match errnum {
        libc::ECONNREFUSED => match unix {
            Some((p, abstract_name)) => {
                let path = crate::sys::CPath::from_bytes(p).filter(|_| !abstract_name);
                let st = path.as_ref().and_then(|c| crate::sys::stat_at(libc::AT_FDCWD, c, false).ok());
                let file = st.as_ref().map(|s| crate::probe::fd::type_name(s.st_mode));
                // The kernel's own lookup of the name, when it can be asked (a socket
                // file, or an abstract name); else the names of /proc/net/unix.
                let asked = match (&path, &st) {
                    (Some(c), Some(s)) if file == Some("socket") => sockets::unix_file_bound(&sa, len, c, s),
                    _ if abstract_name => sockets::unix_name_bound(&sa, len),
                    _ => None,
                };
                let bound = asked.unwrap_or_else(|| sockets::unix_bound(p, abstract_name).is_some());
                let what = if abstract_name { bound.then_some("socket") } else { file };
                sockaddr::nobody_listens_unix(m, &sa, len, what, bound);
            }
            None => {
                let local = match (sa.ipv4(), sa.ipv6()) {
                    (Some(a), _) => a[0] == 127 || sockets::ipv4_is_local(a) == Some(true),
                    (_, Some(a)) => sockets::ipv6_is_local(a) == Some(true),
                    _ => false,
                };
                sockaddr::nobody_listens_inet(m, &sa, len, local);
            }
        },
        libc::ENOENT | libc::ENOTDIR | libc::ELOOP | libc::ENAMETOOLONG | libc::EACCES if unix.is_some_and(|(_, a)| !a) => {
            let mut slot = core::mem::MaybeUninit::uninit();
            let text = crate::decode::Text::copy_into(&mut slot, serv_addr + 2);
            let Ok(found) = &path::resolve_or_explain(m, "serv_addr.sun_path", text, crate::probe::path::Start::Cwd, true) else { return };
            match found.stat {
                // Connecting writes to the socket: its file must grant write permission.
                Some(st) if errnum == libc::EACCES => {
                    let creds = m.creds();
                    if crate::message::prose::access::refusal(m, &st, crate::probe::creds::WRITE, &creds, |m| crate::message::prose::location::path(m, found.start, found.path.as_bytes())) {
                        m.text("; connecting to an AF_UNIX socket needs write permission on its socket file");
                    }
                }
                _ => generic::meaning(m, errnum),
            }
        }
        libc::ENOENT if unix.is_some() => sockaddr::nobody_listens_unix(m, &sa, len, None, false),
        libc::EPROTOTYPE => {
            let ours = sockets::socket_of(fildes).map(|s| s.kind);
            let theirs = unix.and_then(|(p, a)| sockets::unix_bound(p, a)).map(|e| e.kind);
            match (ours, theirs) {
                (Some(o), Some(t)) => sockaddr::type_mismatch(m, &sa, len, o, t),
                _ => generic::meaning(m, errnum),
            }
        }
        libc::EAGAIN if unix.is_some() => {
            let queue = unix.and_then(|(p, a)| sockets::unix_bound(p, a)).and_then(|e| crate::sys::socket::unix_listen_queue(e.inode as u32));
            sockaddr::backlog_full(m, &sa, len, queue.map(|(q, b)| (q as u64, b as u64)), sockets::somaxconn());
        }
        libc::EAGAIN => {
            m.because();
            m.text("no local port was free for the connection (net.ipv4.ip_local_port_range is used up)");
        }
        libc::EINPROGRESS => socket::connect_pending(m, "fildes", fildes, true),
        libc::EALREADY => socket::connect_pending(m, "fildes", fildes, false),
        libc::EISCONN => socket::already_connected(m, "fildes", fildes),
        libc::ENETUNREACH | libc::EHOSTUNREACH | libc::ETIMEDOUT if route_failure(m, errnum, &sa, len) => {}
        // A `prohibit` route answers EACCES.
        libc::EACCES if unix.is_none() && route_failure(m, errnum, &sa, len) => {}
        libc::EADDRINUSE => {
            m.because();
            m.text("the local address and port this connection would use are already in use by another connection to ");
            sockaddr::address(m, &sa, len);
        }
        libc::EAFNOSUPPORT => wrong_family(m, fildes, &sa),
        libc::EINVAL if !unix_family_mismatch(m, "serv_addr", fildes, &sa) => bad_length(m, "serv_addr_size", &sa, len),
        libc::EINVAL => {}
        libc::EFAULT => fd::bad_pointer(m, "serv_addr", serv_addr, len),
        _ => generic::meaning(m, errnum),
    }
}

/// What the file at an AF_UNIX path is: `socket`, `regular file`…; None when absent.
pub fn file_type(p: &[u8]) -> Option<&'static str> {
    let path = crate::sys::CPath::from_bytes(p)?;
    let st = crate::sys::stat_at(libc::AT_FDCWD, &path, false).ok()?;
    Some(crate::probe::fd::type_name(st.st_mode))
}

/// EADDRINUSE: whoever holds the address.
pub fn address_in_use(m: &mut Message, fildes: i32, sa: &SockAddr, len: usize) {
    if let Some((p, abstract_name)) = sa.unix_path(len) {
        let bound = sockets::unix_bound(p, abstract_name);
        let what = if abstract_name { None } else { file_type(p) };
        return sockaddr::unix_in_use(m, sa, len, bound.map(|b| (b.listening, sockets::holder(b.inode))), what);
    }
    if sa.family() == libc::AF_NETLINK && sa.len >= 12 {
        let port = u32::from_ne_bytes([sa.bytes[4], sa.bytes[5], sa.bytes[6], sa.bytes[7]]);
        let protocol = sockets::socket_of(fildes).map_or(-1, |s| s.protocol);
        let inode = crate::probe::netlink::bound(protocol, port);
        return sockaddr::netlink_in_use(m, sa, len, inode.map(|i| (i, sockets::holder(i))));
    }
    let udp = sockets::socket_of(fildes).is_some_and(|s| s.kind == libc::SOCK_DGRAM);
    let e = sockets::inet_user(sa, if udp { "udp" } else { "tcp" });
    let owner = e.and_then(|e| sockets::holder(e.inode));
    sockaddr::inet_in_use(m, sa, len, e.as_ref(), owner);
}

/// ENETUNREACH, EHOSTUNREACH, ETIMEDOUT (and EACCES of a `prohibit` route) for an
/// Internet address: the route the main table gives, its interface and state, the next
/// hop's ARP entry. False when `sa` is no Internet address or the table is unreadable;
/// for EACCES, unless a reject route covers the address.
pub fn route_failure(m: &mut Message, errnum: i32, sa: &SockAddr, len: usize) -> bool {
    use crate::probe::routes;
    let (dest, v6) = match (sa.ipv4(), sa.ipv6()) {
        (Some(a), _) => {
            let mut d = [0u8; 16];
            d[..4].copy_from_slice(&a);
            (d, false)
        }
        (_, Some(a)) => (a, true),
        _ => return false,
    };
    let Some(found) = routes::route_to(dest, v6) else { return false };
    match found {
        None if errnum != libc::EACCES => crate::message::prose::routes::no_route(m, sa, len, v6),
        None => return false,
        Some(r) if r.reject => crate::message::prose::routes::rejected(m, sa, len, &r, routes::reject_kind(&r)),
        Some(_) if errnum == libc::EACCES => return false,
        Some(r) => {
            let state = r.interface().map(routes::interface_state).unwrap_or(Some((true, true)));
            let hop = r.next_hop(dest);
            let unanswered = (!v6 && routes::neighbour_v4([hop[0], hop[1], hop[2], hop[3]]) == Some(false)).then_some(hop);
            let retries = if errnum == libc::ETIMEDOUT { routes::syn_retries() } else { None };
            crate::message::prose::routes::routed_but_failed(m, errnum, sa, len, &r, state, unanswered, retries);
        }
    }
    true
}

/// EINVAL on an AF_UNIX socket given an address of another family: explains it and
/// returns true.
pub fn unix_family_mismatch(m: &mut Message, arg: &str, fildes: i32, sa: &SockAddr) -> bool {
    if sa.family() == libc::AF_UNIX || !sockets::socket_of(fildes).is_some_and(|s| s.domain == libc::AF_UNIX) {
        return false;
    }
    socket::not_unix_family(m, arg, sa.family());
    true
}

/// EINVAL: the length does not fit the family.
pub fn bad_length(m: &mut Message, arg: &str, sa: &SockAddr, len: usize) {
    let wanted = match sa.family() {
        libc::AF_INET => Some(16),
        libc::AF_INET6 => Some(28),
        _ => None,
    };
    match wanted {
        Some(w) if len < w => {
            m.because();
            let _ = core::fmt::write(m, format_args!("{arg} is {len}, and an address of this family takes {w} bytes"));
        }
        _ if len > 128 || len < 2 => {
            m.because();
            let _ = core::fmt::write(m, format_args!("{arg} is {len}, and a socket address takes between 2 and 128 bytes"));
        }
        _ => generic::meaning(m, libc::EINVAL),
    }
}

/// EAFNOSUPPORT: the address's family is not the socket's.
pub fn wrong_family(m: &mut Message, fildes: i32, sa: &SockAddr) {
    m.because();
    m.text("the address is of family ");
    sockaddr::family(m, sa.family());
    if let Some(s) = sockets::socket_of(fildes) {
        m.text(", and ");
        fd::argument(m, "fildes", fildes);
        m.text(" is a socket of family ");
        sockaddr::family(m, s.domain);
    } else {
        m.text(", which this socket does not support");
    }
}
