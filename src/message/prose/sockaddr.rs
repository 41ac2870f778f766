//! Socket addresses in words (issue 13): who holds one, whether it is on an interface,
//! who listens on it.

use super::ids;
use crate::decode::sock::{any_name, SockAddr, ADDRESS_FAMILIES, SOCKET_TYPES};
use crate::message::Message;
use crate::probe::sockets::InetEntry;

/// `127.0.0.1 port 8080`, `[::1] port 80`, `the socket file "/run/x.sock"`,
/// `the abstract socket name "@x"`.
pub fn address(m: &mut Message, sa: &SockAddr, len: usize) {
    if let Some(a) = sa.ipv4() {
        let _ = core::fmt::write(m, format_args!("{}.{}.{}.{} port {}", a[0], a[1], a[2], a[3], sa.port().unwrap_or(0)));
    } else if let Some(a) = sa.ipv6() {
        m.text("[");
        crate::decode::sock::write_ipv6(m, a);
        let _ = core::fmt::write(m, format_args!("] port {}", sa.port().unwrap_or(0)));
    } else if let Some((path, abstract_name)) = sa.unix_path(len) {
        if abstract_name {
            m.text("the abstract socket name ");
            let mut b = [0u8; 110];
            b[0] = b'@';
            let n = path.len().min(108);
            b[1..1 + n].copy_from_slice(&path[..n]);
            m.quoted(&b[..1 + n]);
        } else {
            m.text("the socket file ");
            m.quoted(path);
        }
    } else if sa.family() == libc::AF_NETLINK && sa.len >= 12 {
        // struct sockaddr_nl: family, pad, nl_pid (the port id), nl_groups.
        let w = |o: usize| u32::from_ne_bytes([sa.bytes[o], sa.bytes[o + 1], sa.bytes[o + 2], sa.bytes[o + 3]]);
        let _ = core::fmt::write(m, format_args!("the netlink address of port id {} (groups {:#x})", w(4), w(8)));
    } else {
        m.text("an address of family ");
        family(m, sa.family());
    }
}

/// `AF_INET`, or the number.
pub fn family(m: &mut Message, f: i32) {
    match ADDRESS_FAMILIES.iter().find(|e| e.value == f as i64 && e.name.starts_with("AF_")) {
        Some(e) => m.text(e.name),
        None => m.number(f as i64),
    }
}

/// `SOCK_STREAM`, or the number.
pub fn socket_type(m: &mut Message, t: i32) {
    match any_name(SOCKET_TYPES, (t & 0xf) as i64) {
        Some(n) => m.text(n),
        None => m.number(t as i64),
    }
}

/// ` by process 1234 "nginx"` (this process is named as such).
fn held_by(m: &mut Message, pid: i32) {
    if pid == crate::sys::getpid() {
        m.text(" by this very process (");
        ids::process(m, pid);
        m.text(")");
    } else {
        m.text(" by process ");
        ids::process(m, pid);
    }
}

/// EADDRINUSE, an Internet address: the socket that has it and its owner, or TIME_WAIT.
pub fn inet_in_use(m: &mut Message, sa: &SockAddr, len: usize, e: Option<&InetEntry>, owner: Option<i32>) {
    m.because();
    address(m, sa, len);
    match e {
        Some(e) if e.state == crate::probe::sockets::TCP_TIME_WAIT && e.inode == 0 => {
            m.text(" was used by a connection that closed recently and is still in the TIME_WAIT state (the kernel keeps it for up to 60 seconds); setting the SO_REUSEADDR option before bind lets a listener take the port at once");
        }
        // A connection whose process closed it, still shutting down (FIN_WAIT2, LAST_ACK…).
        Some(e) if e.inode == 0 && e.state != crate::probe::sockets::TCP_LISTEN => {
            m.text(" was used by a connection that its process has closed and that is still shutting down (state ");
            m.text(crate::probe::sockets::tcp_state_name(e.state));
            m.text("; TIME_WAIT follows, for up to 60 seconds); setting the SO_REUSEADDR option before bind lets a listener take the port at once");
        }
        Some(e) => {
            m.text(" is already taken");
            if e.state == crate::probe::sockets::TCP_LISTEN {
                m.text(" by a listening socket");
            } else {
                m.text(" by a bound socket");
            }
            if let Some(pid) = owner {
                held_by(m, pid);
            } else {
                let _ = core::fmt::write(m, format_args!(" (inode {}) whose process could not be found (it may belong to another user or namespace)", e.inode));
            }
        }
        None => m.text(" was in use when the call was made; no socket holds it now"),
    }
}

/// EADDRINUSE, an AF_UNIX path: its socket file exists; whether anyone listens on it.
pub fn unix_in_use(m: &mut Message, sa: &SockAddr, len: usize, listener: Option<(bool, Option<i32>)>, what: Option<&'static str>) {
    m.because();
    address(m, sa, len);
    match (listener, what) {
        (Some((_, Some(pid))), _) => {
            m.text(" is bound to a socket held");
            held_by(m, pid);
        }
        (Some(_), _) => m.text(" is bound to a socket of another process"),
        (None, Some("socket")) => m.text(
            " already exists, and no socket is bound to it: it is a stale socket file left by a process that ended without removing it; remove it (unlink) before bind",
        ),
        (None, Some(kind)) => {
            m.text(" already exists, as a ");
            m.text(kind);
            m.text("; bind creates the socket file and cannot reuse an existing file");
        }
        (None, None) => m.text(" was taken when the call was made; it is free now"),
    }
}

/// EACCES: a port below net.ipv4.ip_unprivileged_port_start.
pub fn privileged_port(m: &mut Message, port: u16, start: u64) {
    m.because();
    let _ = core::fmt::write(
        m,
        format_args!(
            "port {port} is below {start} (net.ipv4.ip_unprivileged_port_start), and binding such a port needs the CAP_NET_BIND_SERVICE capability, which the process does not have"
        ),
    );
}

/// EADDRNOTAVAIL: no interface has the address.
pub fn not_local(m: &mut Message, sa: &SockAddr, len: usize, known: bool) {
    m.because();
    m.text("no network interface of this host has the address ");
    address(m, sa, len);
    if !known {
        m.text(" (the interfaces' addresses could not be read)");
    }
    m.text("; bind to an address the host has (ip address lists them), or to the wildcard address");
}

/// ECONNREFUSED, Internet: nothing listens.
pub fn nobody_listens_inet(m: &mut Message, sa: &SockAddr, len: usize, local: bool) {
    m.because();
    m.text("nothing was listening on ");
    address(m, sa, len);
    if local {
        m.text(" (an address of this host, and no socket listens on that port now)");
    } else {
        m.text(", or a firewall on the way refused the connection");
    }
}

/// ECONNREFUSED, AF_UNIX: the path is no socket, or no socket listens on it.
pub fn nobody_listens_unix(m: &mut Message, sa: &SockAddr, len: usize, what: Option<&'static str>, bound: bool) {
    m.because();
    address(m, sa, len);
    match what {
        Some("socket") if bound => m.text(" is bound to a socket that is not listening (listen was not called on it)"),
        Some("socket") => m.text(
            " is a stale socket file: no process has a socket bound to it (the server that made it has ended, or closed it); restart the server, or remove the file",
        ),
        Some(kind) => {
            m.text(" is a ");
            m.text(kind);
            m.text(", not a socket");
        }
        None => m.text(" does not exist now: no server has made its socket there, or it was removed since"),
    }
}

/// EPROTOTYPE: the listener's socket type against ours.
pub fn type_mismatch(m: &mut Message, sa: &SockAddr, len: usize, ours: i32, theirs: i32) {
    m.because();
    m.text("the socket bound to ");
    address(m, sa, len);
    m.text(" is of type ");
    socket_type(m, theirs);
    m.text(", and this socket is of type ");
    socket_type(m, ours);
    m.text("; both ends must be of the same type");
}

/// EAGAIN on connect: a full backlog.
pub fn backlog_full(m: &mut Message, sa: &SockAddr, len: usize, queued: Option<(u64, u64)>, somaxconn: Option<u64>) {
    m.because();
    m.text("the listening socket on ");
    address(m, sa, len);
    m.text(" has its queue of connections waiting to be accepted full");
    if let Some((q, b)) = queued {
        let _ = core::fmt::write(m, format_args!(" ({q} waiting, backlog {b})"));
    }
    if let Some(max) = somaxconn {
        let _ = core::fmt::write(m, format_args!("; a listen backlog is cut to net.core.somaxconn, {max}"));
    }
    m.text("; the server is not calling accept fast enough");
}

/// EADDRINUSE, a netlink port id: the socket of the same protocol that has it, and who
/// holds that (`bound`: its inode and holder, when /proc/net/netlink lists one).
pub fn netlink_in_use(m: &mut Message, sa: &SockAddr, len: usize, bound: Option<(u64, Option<i32>)>) {
    m.because();
    address(m, sa, len);
    match bound {
        Some((_, Some(pid))) => {
            m.text(" is taken by another socket of the same netlink protocol, held");
            held_by(m, pid);
            m.text("; a port id is unique per protocol (0 lets the kernel pick one)");
        }
        Some((inode, None)) => {
            let _ = core::fmt::write(m, format_args!(" is taken by another socket of the same netlink protocol (inode {inode}) whose process could not be found"));
        }
        None => m.text(" was taken when the call was made; no socket of that protocol has it now"),
    }
}
