//! Sockets (issue 13): what a descriptor's socket is, who holds an address (the tables
//! of /proc/net matched by inode against every process's /proc/PID/fd), which addresses
//! the interfaces have, and the kernel's port and backlog settings.

use super::lines::{for_each_line, number};
use crate::decode::sock::SockAddr;
use crate::sys::{self, socket, CPath};

/// What a socket descriptor is.
#[derive(Clone, Copy, Debug)]
pub struct Socket {
    pub domain: i32,
    pub kind: i32,
    pub protocol: i32,
    /// listen(2) has been called on it (SO_ACCEPTCONN).
    pub listening: bool,
    pub inode: u64,
}

/// The socket open on `fd`; None when `fd` is not an open socket.
pub fn socket_of(fd: i32) -> Option<Socket> {
    let st = sys::stat_fd(fd).ok()?;
    if st.st_mode & libc::S_IFMT != libc::S_IFSOCK {
        return None;
    }
    let int = |o| socket::sockopt_int(fd, libc::SOL_SOCKET, o).unwrap_or(-1);
    Some(Socket {
        domain: int(libc::SO_DOMAIN),
        kind: int(libc::SO_TYPE),
        protocol: int(libc::SO_PROTOCOL),
        listening: int(libc::SO_ACCEPTCONN) == 1,
        inode: st.st_ino,
    })
}

/// The address the socket on `fd` is bound to.
pub fn local_address(fd: i32) -> Option<SockAddr> {
    let mut sa = SockAddr { bytes: [0; 128], len: 0 };
    sa.len = socket::sockname(fd, &mut sa.bytes).ok()?;
    Some(sa)
}

/// Whether the socket on `fd` is connected to a peer.
pub fn has_peer(fd: i32) -> bool {
    let mut b = [0u8; 128];
    socket::peername(fd, &mut b).is_ok()
}

/// `socket:[12345]`, the link every descriptor on the socket of `inode` reads, into `buf`.
fn socket_link(inode: u64, buf: &mut [u8; 32]) -> &[u8] {
    let mut w = crate::message::Message::new(buf);
    w.text("socket:[");
    w.unsigned(inode);
    w.text("]");
    let n = w.finish();
    &buf[..n]
}

/// Calls `f(pid, fd)` for each descriptor of each process (this one too) that refers to
/// the socket of `inode`, until it returns false. Per process: one getdents of
/// /proc/PID/fd (opened relative to /proc) and one readlink per descriptor.
pub fn for_each_holder(inode: u64, mut f: impl FnMut(i32, i32) -> bool) {
    if inode == 0 {
        return;
    }
    let mut buf = [0u8; 32];
    let want = socket_link(inode, &mut buf);
    let Some(proc_path) = CPath::from_bytes(b"/proc") else { return };
    let Ok(proc_dir) = sys::open_at(libc::AT_FDCWD, &proc_path, libc::O_RDONLY | libc::O_DIRECTORY) else { return };
    let mut go_on = true;
    let _ = sys::for_each_entry_fd(proc_dir.raw(), |name, _| {
        let Some(pid) = number(name).filter(|_| name.iter().all(u8::is_ascii_digit)) else { return true };
        let mut dir = CPath::new();
        if dir.push(name).and_then(|_| dir.push(b"/fd")).is_none() {
            return true;
        }
        let Ok(dfd) = sys::open_at(proc_dir.raw(), &dir, libc::O_RDONLY | libc::O_DIRECTORY) else { return true };
        let _ = sys::for_each_entry_fd(dfd.raw(), |fd_name, _| {
            let Some(link_name) = CPath::from_bytes(fd_name).filter(|_| fd_name.iter().all(u8::is_ascii_digit)) else { return true };
            if let Ok(target) = sys::readlink_at(dfd.raw(), &link_name) {
                if target.as_bytes() == want {
                    go_on = f(pid as i32, number(fd_name).unwrap_or(0) as i32);
                }
            }
            go_on
        });
        go_on
    });
}

/// The first process holding the socket of `inode`: another one before this one. A
/// holder found by a search is remembered (src/probe/holder_cache.rs) and confirmed by
/// one readlink the next time, before any search.
pub fn holder(inode: u64) -> Option<i32> {
    let mut buf = [0u8; 32];
    if let Some(pid) = super::holder_cache::confirmed(inode, socket_link(inode, &mut buf)) {
        return Some(pid);
    }
    let me = sys::getpid();
    let mut found = None;
    for_each_holder(inode, |pid, fd| {
        found = Some((pid, fd));
        pid == me
    });
    if let Some((pid, fd)) = found.filter(|&(pid, _)| pid != me) {
        super::holder_cache::keep(inode, pid, fd);
    }
    found.map(|(pid, _)| pid)
}

/// TCP states of /proc/net/tcp (include/net/tcp_states.h).
pub const TCP_ESTABLISHED: u8 = 1;
pub const TCP_TIME_WAIT: u8 = 6;

/// The TCP states by number (include/net/tcp_states.h), as /proc/net/tcp shows them.
const TCP_STATES: [&str; 12] =
    ["", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"];

pub fn tcp_state_name(state: u8) -> &'static str {
    TCP_STATES.get(state as usize).copied().filter(|s| !s.is_empty()).unwrap_or("unknown")
}
pub const TCP_LISTEN: u8 = 10;

/// A row of /proc/net/{tcp,tcp6,udp,udp6}.
#[derive(Clone, Copy, Debug)]
pub struct InetEntry {
    pub addr: [u8; 16],
    pub v6: bool,
    pub port: u16,
    pub state: u8,
    pub inode: u64,
    /// For a listening TCP socket: connections waiting to be accepted, and the backlog.
    pub queued: u64,
    pub backlog: u64,
}

fn hex(b: &[u8]) -> Option<u64> {
    u64::from_str_radix(core::str::from_utf8(b).ok()?, 16).ok()
}

/// Parses a row: `sl local:port rem:port st tx:rx tr:when retr uid timeout inode`.
fn parse_inet(line: &[u8], v6: bool) -> Option<InetEntry> {
    let mut w = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
    w.next()?;
    let local = w.next()?;
    w.next()?;
    let state = hex(w.next()?)? as u8;
    let queues = w.next()?;
    let (tx, rx) = queues.split_at(queues.iter().position(|&c| c == b':')?);
    let inode = number(w.nth(4)?)?;
    let (a, p) = local.split_at(local.iter().position(|&c| c == b':')?);
    let mut addr = [0u8; 16];
    // The address is the kernel's words in hex, each in host (little-endian) order.
    for (i, chunk) in a.chunks(8).enumerate().take(4) {
        let word = hex(chunk)? as u32;
        addr[i * 4..i * 4 + 4].copy_from_slice(&word.to_ne_bytes());
    }
    Some(InetEntry { addr, v6, port: hex(&p[1..])? as u16, state, inode, queued: hex(&rx[1..]).unwrap_or(0), backlog: hex(tx).unwrap_or(0) })
}

/// Calls `f` with each row of the tables of `proto` (`tcp` or `udp`), IPv4 then IPv6.
pub fn for_each_inet(proto: &str, mut f: impl FnMut(&InetEntry) -> bool) {
    let tables: [(&[u8], bool); 2] = if proto == "udp" {
        [(b"/proc/net/udp", false), (b"/proc/net/udp6", true)]
    } else {
        [(b"/proc/net/tcp", false), (b"/proc/net/tcp6", true)]
    };
    for (path, v6) in tables {
        let mut go_on = true;
        let _ = for_each_line(path, |line| {
            if let Some(e) = parse_inet(line, v6) {
                go_on = f(&e);
            }
            go_on
        });
        if !go_on {
            return;
        }
    }
}

/// The address of an entry as an IPv4 address, when it is one (or IPv4-mapped).
pub fn entry_ipv4(e: &InetEntry) -> Option<[u8; 4]> {
    if !e.v6 {
        return Some([e.addr[0], e.addr[1], e.addr[2], e.addr[3]]);
    }
    (e.addr[..10] == [0; 10] && e.addr[10..12] == [0xff, 0xff]).then(|| [e.addr[12], e.addr[13], e.addr[14], e.addr[15]])
}

/// Whether `e` stands in the way of binding `sa`: the same port, and the same address
/// or a wildcard on either side (an IPv6 wildcard also covers IPv4 unless v6only).
fn conflicts(e: &InetEntry, sa: &SockAddr) -> bool {
    if Some(e.port) != sa.port() {
        return false;
    }
    let wildcard = e.addr == [0; 16];
    match (sa.ipv4(), sa.ipv6()) {
        (Some(a), _) => wildcard || a == [0; 4] || entry_ipv4(e) == Some(a),
        (_, Some(a)) => wildcard || a == [0; 16] || (e.v6 && e.addr == a),
        _ => false,
    }
}

/// What holds the address `sa` (AF_INET or AF_INET6) for sockets of `proto`: a socket
/// with an owner (listening first), or else one in TIME_WAIT.
pub fn inet_user(sa: &SockAddr, proto: &str) -> Option<InetEntry> {
    // A TIME_WAIT connection before other ownerless ones (a connection still closing).
    let rank = |x: &InetEntry| match x.state {
        TCP_LISTEN => 4,
        _ if x.inode != 0 => 3,
        TCP_TIME_WAIT => 2,
        _ => 1,
    };
    let mut best: Option<InetEntry> = None;
    let mut consider = |e: &InetEntry| {
        if conflicts(e, sa) && best.is_none_or(|b| rank(e) > rank(&b)) {
            best = Some(*e);
        }
    };
    if let Some(()) = diag_inet(sa, proto, &mut consider) {
        return best;
    }
    for_each_inet(proto, |e| {
        consider(e);
        true
    });
    best
}

/// A sock_diag row as a row of /proc/net/tcp.
fn entry_of(s: &sys::sock_diag::InetSocket) -> InetEntry {
    InetEntry {
        addr: s.addr,
        v6: s.family as i32 == libc::AF_INET6,
        port: s.port,
        state: s.state,
        inode: s.inode,
        queued: s.rqueue as u64,
        backlog: s.wqueue as u64,
    }
}

/// inet_user's search through the kernel's sock_diag dumps of the port (listening TCP
/// sockets first: that dump walks only the listening table, and a listener outranks
/// anything else); None when the kernel does not answer them.
fn diag_inet(sa: &SockAddr, proto: &str, consider: &mut impl FnMut(&InetEntry)) -> Option<()> {
    let port = sa.port()?;
    if proto != "udp" {
        // A listener on the very address (or the wildcard): the kernel's lookup finds it
        // without walking a table.
        let addr = match (sa.ipv4(), sa.ipv6()) {
            (Some(a), _) if a != [0; 4] => Some((libc::AF_INET, [a[0], a[1], a[2], a[3], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
            (_, Some(a)) if a != [0; 16] => Some((libc::AF_INET6, a)),
            _ => None,
        };
        if let Some(Some(Some(s))) = addr.map(|(family, a)| sys::sock_diag::tcp_listener_for(family, &a, port)) {
            let e = entry_of(&s);
            if conflicts(&e, sa) {
                consider(&e);
                return Some(());
            }
        }
    }
    let (protocol, phases): (i32, &[u32]) = if proto == "udp" {
        (libc::IPPROTO_UDP, &[u32::MAX])
    } else {
        (libc::IPPROTO_TCP, &[1 << TCP_LISTEN, !(1 << TCP_LISTEN)])
    };
    for &states in phases {
        let mut listener = false;
        for family in [libc::AF_INET, libc::AF_INET6] {
            sys::sock_diag::inet_sockets(family, protocol, states, port, |s| {
                let e = entry_of(s);
                listener |= e.state == TCP_LISTEN && conflicts(&e, sa);
                consider(&e);
                true
            })?;
        }
        if listener {
            break;
        }
    }
    Some(())
}

/// The listening TCP socket on `sa`'s port and address, if any.
pub fn tcp_listener(sa: &SockAddr) -> Option<InetEntry> {
    inet_user(sa, "tcp").filter(|e| e.state == TCP_LISTEN)
}

/// A row of /proc/net/unix.
#[derive(Clone, Copy, Debug)]
pub struct UnixEntry {
    pub kind: i32,
    pub listening: bool,
    pub inode: u64,
}

/// The socket bound to the AF_UNIX `path` (abstract names written with their `@`).
pub fn unix_bound(path: &[u8], abstract_name: bool) -> Option<UnixEntry> {
    let mut found = None;
    let _ = for_each_line(b"/proc/net/unix", |line| {
        // Num RefCount Protocol Flags Type St Inode Path
        let mut w = line.split(|&c| c == b' ').filter(|w| !w.is_empty());
        let (Some(_), Some(_), Some(_), Some(flags), Some(kind), Some(_), Some(inode)) =
            (w.next(), w.next(), w.next(), w.next(), w.next(), w.next(), w.next())
        else {
            return true;
        };
        let Some(name) = w.next() else { return true };
        let matches = match name.strip_prefix(b"@") {
            Some(rest) => abstract_name && rest == path,
            None => !abstract_name && name == path,
        };
        if matches {
            // __SO_ACCEPTCON in Flags marks a listening socket.
            let e = UnixEntry {
                kind: hex(kind).unwrap_or(0) as i32,
                listening: hex(flags).unwrap_or(0) & 0x10000 != 0,
                inode: number(inode).unwrap_or(0),
            };
            let better = found.is_none_or(|f: UnixEntry| e.listening && !f.listening);
            if better {
                found = Some(e);
            }
        }
        true
    });
    found
}

/// Whether a socket is bound to the AF_UNIX address `sa` of length `len`, by the
/// kernel's own lookup (src/sys/sock_diag.rs); None when it could not be asked.
pub fn unix_name_bound(sa: &SockAddr, len: usize) -> Option<bool> {
    let n = len.min(sa.len).min(110);
    (n > 2).then(|| sys::sock_diag::unix_name_bound(&sa.bytes[..n]).ok()).flatten()
}

/// The same for the socket file `path` of `sa`, whose status is `st`: a file once found
/// with no socket bound keeps none (src/probe/holder_cache.rs), so it is asked once.
pub fn unix_file_bound(sa: &SockAddr, len: usize, path: &CPath, st: &sys::Stat) -> Option<bool> {
    if super::holder_cache::known_unbound(st) {
        return Some(false);
    }
    let asked_at = super::file_version::now_ns();
    let bound = unix_name_bound(sa, len)?;
    // Kept only when the path still names the file the lookup was asked about.
    let same = |a: &sys::Stat| sys::stat_at(libc::AT_FDCWD, path, false).is_ok_and(|b| (b.st_dev, b.st_ino, b.st_ctime, b.st_ctime_nsec) == (a.st_dev, a.st_ino, a.st_ctime, a.st_ctime_nsec));
    if !bound && same(st) {
        super::holder_cache::keep_unbound(st, asked_at);
    }
    Some(bound)
}

fn sysctl(path: &[u8]) -> Option<u64> {
    let mut b = [0u8; 32];
    let n = sys::read_file(path, &mut b).ok()?;
    number(&b[..n])
}

/// net.ipv4.ip_unprivileged_port_start: the first port an unprivileged process may bind.
pub fn unprivileged_port_start() -> Option<u64> {
    sysctl(b"/proc/sys/net/ipv4/ip_unprivileged_port_start")
}

/// net.core.somaxconn: the most a listen backlog is cut to.
pub fn somaxconn() -> Option<u64> {
    sysctl(b"/proc/sys/net/core/somaxconn")
}

/// net.core.wmem_max and rmem_max: the most SO_SNDBUF and SO_RCVBUF may be set to.
pub fn buffer_maxima() -> (Option<u64>, Option<u64>) {
    (sysctl(b"/proc/sys/net/core/wmem_max"), sysctl(b"/proc/sys/net/core/rmem_max"))
}

/// Whether some interface has the IPv4 address `a` (the LOCAL host routes of
/// /proc/net/fib_trie: `|-- 192.168.1.5` followed by `/32 host LOCAL`).
pub fn ipv4_is_local(a: [u8; 4]) -> Option<bool> {
    let mut last = [0u8; 4];
    let mut local = false;
    let mut readable = false;
    let _ = for_each_line(b"/proc/net/fib_trie", |line| {
        readable = true;
        let t = line.trim_ascii();
        if let Some(addr) = t.strip_prefix(b"|-- ") {
            let mut parts = addr.split(|&c| c == b'.').map(number);
            for b in last.iter_mut() {
                *b = parts.next().flatten().unwrap_or(0) as u8;
            }
        } else if t.starts_with(b"/32 host LOCAL") && last == a {
            local = true;
            return false;
        }
        true
    });
    readable.then_some(local)
}

/// Whether some interface has the IPv6 address `a` (/proc/net/if_inet6).
pub fn ipv6_is_local(a: [u8; 16]) -> Option<bool> {
    let mut local = false;
    let mut readable = false;
    let _ = for_each_line(b"/proc/net/if_inet6", |line| {
        readable = true;
        let Some(h) = line.get(..32) else { return true };
        let mut addr = [0u8; 16];
        for (i, b) in addr.iter_mut().enumerate() {
            *b = hex(&h[i * 2..i * 2 + 2]).unwrap_or(0) as u8;
        }
        local = addr == a;
        !local
    });
    readable.then_some(local)
}

/// The peer of a connected AF_UNIX socket: (pid, uid) from SO_PEERCRED.
pub fn peer(fd: i32) -> Option<(i32, u32)> {
    socket::peer_credentials(fd).ok().filter(|(pid, _, _)| *pid > 0).map(|(p, u, _)| (p, u))
}

/// The send buffer size of the socket (SO_SNDBUF, as the kernel doubled it).
pub fn send_buffer(fd: i32) -> Option<u64> {
    socket::sockopt_int(fd, libc::SOL_SOCKET, libc::SO_SNDBUF).ok().map(|v| v as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_proc_net_tcp_rows() {
        let e = parse_inet(b"   0: 0100007F:1F90 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 12345 1 0000000000000000 100 0 0 10 0", false).unwrap();
        assert_eq!((e.addr[..4].to_vec(), e.port, e.state, e.inode, e.queued), (vec![127, 0, 0, 1], 8080, TCP_LISTEN, 12345, 2));
        let e = parse_inet(b"   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  0 0 777 1", true).unwrap();
        assert_eq!((e.addr[15], e.port, e.inode), (1, 80, 777));
    }
}
