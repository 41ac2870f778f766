//! send(2): ERRORS EACCES, EAGAIN/EWOULDBLOCK and ENOBUFS (the send buffer and its
//! size; for an AF_UNIX datagram to a named socket, the receiver's queue and
//! net.unix.max_dgram_qlen), EALREADY, EBADF (and a closed descriptor in SCM_RIGHTS),
//! ECONNRESET and EPIPE (the peer closed: who it was, and whether it has ended),
//! EDESTADDRREQ, EFAULT, EINTR, EINVAL, EISCONN (an address given to a connected
//! socket), EMSGSIZE (the socket's limit), ENOMEM, ENOTCONN, ENOTSOCK, EOPNOTSUPP
//! (MSG_OOB where there is no out-of-band data), ETOOMANYREFS (descriptors in flight),
//! EPERM and ESRCH (an SCM_CREDENTIALS claim). `transfer` is shared by the whole send
//! and recv family.

use crate::message::prose::{fd, generic, socket};
use crate::message::Message;
use crate::probe::msghdr::MsgHdr;
use crate::probe::sockets;

pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, buf: usize, len: usize, flags: i32) {
    transfer(m, errnum, sockfd, Some((buf, len)), flags, None, true);
}

/// The largest UDP payload over IPv4 (65535 less the IP and UDP headers).
const UDP_MAX: u64 = 65507;
/// Over IPv6 (65535 less the UDP header; the IPv6 header is not counted).
const UDP6_MAX: u64 = 65527;

/// One explanation for send, sendto, sendmsg, recv, recvfrom and recvmsg: `data` is the
/// buffer and its length (None for the msghdr calls, whose `msg` says them).
pub fn transfer(m: &mut Message, errnum: i32, sockfd: i32, data: Option<(usize, usize)>, flags: i32, msg: Option<&MsgHdr>, sending: bool) {
    if errnum == libc::EBADF {
        if let Some(h) = msg {
            let mut bad = None;
            crate::probe::msghdr::for_each_passed_fd(h, |i, f| {
                if !crate::sys::fd_is_open(f) {
                    bad = Some((i, f));
                }
                bad.is_none()
            });
            if let Some((i, f)) = bad {
                if crate::sys::fd_is_open(sockfd) {
                    return socket::bad_passed_fd(m, i, f);
                }
            }
        }
    }
    if socket::descriptor_error(m, errnum, "sockfd", sockfd) {
        return;
    }
    let s = sockets::socket_of(sockfd);
    let len = match (data, msg) {
        (Some((_, l)), _) => l as u64,
        (None, Some(h)) => crate::probe::msghdr::data_length(h),
        _ => 0,
    };
    let nonblocking = flags & libc::MSG_DONTWAIT != 0
        || crate::sys::fcntl(sockfd, libc::F_GETFL, 0).is_ok_and(|f| f as i32 & libc::O_NONBLOCK != 0);
    match errnum {
        libc::EPIPE | libc::ECONNRESET => {
            let peer = sockets::peer(sockfd);
            let ended = peer.is_some_and(|(pid, _)| crate::probe::process::facts(pid).is_none_or(|f| f.zombie()));
            socket::peer_closed(m, "sockfd", sockfd, peer, ended, errnum == libc::ECONNRESET)
        }
        // An AF_UNIX datagram to a named socket waits on the receiver's queue instead.
        libc::EAGAIN if sending && s.is_some_and(|s| s.domain == libc::AF_UNIX && s.kind == libc::SOCK_DGRAM) && peer_is_named(sockfd) => {
            let peer = peer_address(sockfd);
            socket::receiver_queue_full(m, peer.as_ref(), crate::probe::inflight::max_dgram_qlen())
        }
        libc::EAGAIN | libc::ENOBUFS if sending => socket::send_buffer_full(m, "sockfd", sockfd, sockets::send_buffer(sockfd), nonblocking),
        libc::EAGAIN => {
            let t = crate::sys::io::socket_timeout(sockfd, libc::SO_RCVTIMEO).unwrap_or(0);
            socket::nothing_to_read(m, "sockfd", sockfd, if nonblocking { 0 } else { t });
        }
        libc::EMSGSIZE => {
            let limit = match s {
                Some(s) if s.domain == libc::AF_INET && s.kind == libc::SOCK_DGRAM => Some((UDP_MAX, "the largest UDP datagram over IPv4")),
                Some(s) if s.domain == libc::AF_INET6 && s.kind == libc::SOCK_DGRAM => Some((UDP6_MAX, "the largest UDP datagram over IPv6")),
                // A datagram must fit the send buffer, less 32 bytes the kernel keeps.
                Some(s) if s.domain == libc::AF_UNIX => sockets::send_buffer(sockfd).map(|b| (b.saturating_sub(32), "its send buffer, SO_SNDBUF, less 32 bytes")),
                _ => None,
            };
            socket::message_too_big(m, len, limit.map(|l| l.0), limit.map(|l| l.1).unwrap_or(""));
        }
        libc::ETOOMANYREFS => socket::too_many_refs(m, msg.map(crate::probe::inflight::passed), &crate::probe::inflight::in_flight()),
        libc::ENOTCONN | libc::EDESTADDRREQ => match s {
            Some(s) => socket::not_connected(m, "sockfd", sockfd, &s),
            None => socket::was_not_connected(m),
        },
        libc::EISCONN if sending => socket::address_on_connected(m, "sockfd", sockfd),
        libc::EISCONN => socket::already_connected(m, "sockfd", sockfd),
        libc::EOPNOTSUPP if flags & libc::MSG_OOB != 0 && s.is_some_and(|s| s.kind != libc::SOCK_STREAM) => {
            if let Some(s) = s {
                socket::no_out_of_band(m, "sockfd", sockfd, &s)
            }
        }
        libc::EPERM | libc::ESRCH if msg.and_then(crate::probe::msghdr::credentials).is_some() => {
            let Some(c) = msg.and_then(crate::probe::msghdr::credentials) else { return };
            if errnum == libc::ESRCH {
                return socket::no_such_sender(m, c.0);
            }
            let caps = crate::sys::capabilities().unwrap_or(0);
            let has = |cap: u32| caps & (1u64 << cap) != 0;
            // CAP_SYS_ADMIN 21, CAP_SETUID 7, CAP_SETGID 6.
            socket::bad_credentials(m, c, crate::sys::getpid(), crate::sys::uids(), crate::sys::gids(), (has(21), has(7), has(6)));
        }
        libc::EFAULT => match data {
            Some((buf, l)) if !crate::sys::readable(buf, l) => fd::bad_pointer(m, "buf", buf, l),
            _ => generic::meaning(m, errnum),
        },
        _ => generic::meaning(m, errnum),
    }
}

/// The address of the socket's peer.
fn peer_address(fd: i32) -> Option<crate::decode::sock::SockAddr> {
    let mut sa = crate::decode::sock::SockAddr { bytes: [0; 128], len: 0 };
    sa.len = crate::sys::socket::peername(fd, &mut sa.bytes).ok()?;
    Some(sa)
}

/// Whether the peer is a named socket (not the other end of a socketpair, whose name is
/// empty).
fn peer_is_named(fd: i32) -> bool {
    peer_address(fd).is_some_and(|a| a.len > 2)
}
