//! The kernel's sock_diag netlink interface (what ss(8) reads) for TCP and UDP sockets,
//! and a probe of which AF_UNIX names have a socket bound to them.
//!
//! Why not /proc/net/tcp: every read(2) of it walks the whole established-connection
//! hash table, which the kernel sizes by the machine's memory (millions of buckets:
//! milliseconds a read, however few sockets there are), and a reader needs several reads
//! per file. A dump asked for listening sockets only walks the listening table and
//! stops there; a byte-code filter on the port leaves the kernel to send only the rows
//! of that port.

use super::Result;
use libc::c_int;

const NETLINK_SOCK_DIAG: c_int = 4;
const SOCK_DIAG_BY_FAMILY: u16 = 20;
/// inet_diag.h: INET_DIAG_REQ_BYTECODE, and the port comparisons of its byte code.
const INET_DIAG_REQ_BYTECODE: u16 = 1;
const INET_DIAG_BC_S_GE: u8 = 2;
const INET_DIAG_BC_S_LE: u8 = 3;

/// A row of a dump: struct inet_diag_msg's fields that say who holds a port.
#[derive(Clone, Copy, Debug)]
pub struct InetSocket {
    pub family: u8,
    pub state: u8,
    /// The local address in network order (IPv4 in the first four bytes).
    pub addr: [u8; 16],
    pub port: u16,
    /// For a listening socket: connections waiting to be accepted, and the backlog.
    pub rqueue: u32,
    pub wqueue: u32,
    pub inode: u64,
}

/// Calls `f` with each socket of `family` (AF_INET or AF_INET6) and `protocol`
/// (IPPROTO_TCP or IPPROTO_UDP) whose state is in the bit set `states` (1 << TCP_LISTEN…)
/// and whose local port is `port`, until it returns false. None when the kernel does not
/// answer (no sock_diag, a seccomp filter, a kernel without inet_diag): the caller reads
/// /proc/net instead.
pub fn inet_sockets(family: c_int, protocol: c_int, states: u32, port: u16, mut f: impl FnMut(&InetSocket) -> bool) -> Option<()> {
    // struct nlmsghdr (16), struct inet_diag_req_v2 (56), struct nlattr (4) and the byte
    // code (16): port >= P, then port <= P; a failed test jumps past the end (rejects).
    let mut req = [0u8; 92];
    req[..4].copy_from_slice(&92u32.to_ne_bytes());
    req[4..6].copy_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes());
    req[6..8].copy_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16).to_ne_bytes());
    req[16] = family as u8;
    req[17] = protocol as u8;
    req[20..24].copy_from_slice(&states.to_ne_bytes());
    // idiag_cookie: INET_DIAG_NOCOOKIE.
    req[64..72].copy_from_slice(&[0xff; 8]);
    req[72..74].copy_from_slice(&20u16.to_ne_bytes());
    req[74..76].copy_from_slice(&INET_DIAG_REQ_BYTECODE.to_ne_bytes());
    let op = |code: u8, yes: u8, no: u16| -> [u8; 4] {
        let n = no.to_ne_bytes();
        [code, yes, n[0], n[1]]
    };
    let p = port.to_ne_bytes();
    req[76..80].copy_from_slice(&op(INET_DIAG_BC_S_GE, 8, 20));
    req[80..84].copy_from_slice(&[0, 0, p[0], p[1]]);
    req[84..88].copy_from_slice(&op(INET_DIAG_BC_S_LE, 8, 12));
    req[88..92].copy_from_slice(&[0, 0, p[0], p[1]]);
    ask(&req, false, |msg| inet_socket(msg).is_none_or(|s| f(&s)))
}

/// The listening TCP socket the kernel would hand a connection to `addr` (network
/// order; an IPv4 address in its first four bytes for AF_INET) port `port`: the
/// kernel's own lookup (a listener on that address or on the wildcard, an IPv6 wildcard
/// listener for IPv4 too), one hash lookup where a dump walks a table. Some(None) when
/// there is none; None when the kernel does not answer.
pub fn tcp_listener_for(family: c_int, addr: &[u8; 16], port: u16) -> Option<Option<InetSocket>> {
    // struct nlmsghdr then struct inet_diag_req_v2, without NLM_F_DUMP: the socket whose
    // id matches, here a connection from nowhere (dst 0, dport 0) to addr:port.
    let mut req = [0u8; 72];
    req[..4].copy_from_slice(&72u32.to_ne_bytes());
    req[4..6].copy_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes());
    req[6..8].copy_from_slice(&(libc::NLM_F_REQUEST as u16).to_ne_bytes());
    req[16] = family as u8;
    req[17] = libc::IPPROTO_TCP as u8;
    req[20..24].copy_from_slice(&(1u32 << 10).to_ne_bytes());
    req[24..26].copy_from_slice(&port.to_be_bytes());
    req[28..44].copy_from_slice(addr);
    req[64..72].copy_from_slice(&[0xff; 8]);
    let mut found = None;
    ask(&req, true, |msg| {
        found = inet_socket(msg);
        false
    })?;
    Some(found.filter(|s| s.state == 10))
}

/// struct inet_diag_msg (72 bytes): family, state, timer, retrans, the socket id
/// (sport, dport, src[16], dst[16], if, cookie), expires, rqueue, wqueue, uid, inode.
fn inet_socket(msg: &[u8]) -> Option<InetSocket> {
    if msg.len() < 72 {
        return None;
    }
    let w = |o: usize| u32::from_ne_bytes([msg[o], msg[o + 1], msg[o + 2], msg[o + 3]]);
    let mut addr = [0u8; 16];
    addr.copy_from_slice(&msg[8..24]);
    Some(InetSocket {
        family: msg[0],
        state: msg[1],
        addr,
        port: u16::from_be_bytes([msg[4], msg[5]]),
        rqueue: w(56),
        wqueue: w(60),
        inode: w(68) as u64,
    })
}

/// Sends the request `req` on a fresh NETLINK_SOCK_DIAG socket and calls `f` with the
/// payload of each message of the answer until its end (NLMSG_DONE, or the one message
/// of a request that is no dump) or until `f` returns false. An error is no answer,
/// except ENOENT when `enoent_found_none`: to a request for one socket it says there is
/// none (a dump gets it when the kernel has no inet_diag: no answer).
fn ask(req: &[u8], enoent_found_none: bool, mut f: impl FnMut(&[u8]) -> bool) -> Option<()> {
    let fd = raw!(libc::SYS_socket, libc::AF_NETLINK, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, NETLINK_SOCK_DIAG).ok()? as c_int;
    let fd = super::Fd::own(fd);
    raw!(libc::SYS_sendto, fd.raw(), req.as_ptr(), req.len(), 0, 0, 0).ok()?;
    let mut buf = [0u8; 16384];
    loop {
        let n = raw!(libc::SYS_recvfrom, fd.raw(), buf.as_mut_ptr(), buf.len(), 0, 0, 0).ok()? as usize;
        if n == 0 {
            return None;
        }
        let mut off = 0;
        while off + 16 <= n {
            let len = u32::from_ne_bytes(buf[off..off + 4].try_into().ok()?) as usize;
            let kind = u16::from_ne_bytes(buf[off + 4..off + 6].try_into().ok()?);
            let flags = u16::from_ne_bytes(buf[off + 6..off + 8].try_into().ok()?);
            if len < 16 || off + len > n {
                return None;
            }
            if kind == libc::NLMSG_ERROR as u16 {
                let err = buf.get(off + 16..off + 20).map(|e| i32::from_ne_bytes([e[0], e[1], e[2], e[3]]));
                return (enoent_found_none && err == Some(-libc::ENOENT)).then_some(());
            }
            if kind == libc::NLMSG_DONE as u16 || !f(&buf[off + 16..off + len]) || flags & libc::NLM_F_MULTI as u16 == 0 {
                return Some(());
            }
            off += (len + 3) & !3;
        }
    }
}

/// Whether a socket is bound to the AF_UNIX address `addr` (a struct sockaddr_un of
/// the length given), asked of the kernel's own lookup: a datagram socket of ours
/// connects to it and is closed. The lookup fails with ECONNREFUSED exactly when no
/// socket is bound to the name (or the file is no socket), and with EPROTOTYPE when the
/// bound socket is not a datagram one; a datagram peer accepts the connection, which
/// sends nothing. Err with the errno when the lookup could not be made (EACCES…).
pub fn unix_name_bound(addr: &[u8]) -> Result<bool> {
    let fd = raw!(libc::SYS_socket, libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0)? as c_int;
    let fd = super::Fd::own(fd);
    match raw!(libc::SYS_connect, fd.raw(), addr.as_ptr(), addr.len()) {
        Ok(_) => Ok(true),
        Err(libc::ECONNREFUSED) => Ok(false),
        // EPERM: a datagram socket already connected to another peer.
        Err(libc::EPROTOTYPE | libc::EPERM) => Ok(true),
        Err(e) => Err(e),
    }
}
