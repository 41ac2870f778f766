//! sendto(2): send(2)'s ERRORS, with the destination address (EISCONN when the socket
//! is connected and an address is given, ECONNREFUSED and ENOENT as connect's;
//! ENETUNREACH, EHOSTUNREACH and a prohibit route's EACCES name the route; EINVAL for an
//! AF_UNIX socket given another family).

use crate::message::Message;

#[allow(clippy::too_many_arguments)]
pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, buf: usize, len: usize, flags: i32, dest_addr: usize, addrlen: i32) {
    match errnum {
        libc::ECONNREFUSED | libc::ENOENT | libc::EPROTOTYPE | libc::EAFNOSUPPORT if dest_addr != 0 => {
            super::connect::explain(m, errnum, sockfd, dest_addr, addrlen)
        }
        libc::ENETUNREACH | libc::EHOSTUNREACH | libc::EACCES if dest_addr != 0 && route_failure(m, errnum, dest_addr, addrlen) => {}
        libc::EINVAL if dest_addr != 0 && crate::decode::sock::read_sockaddr(dest_addr).is_some_and(|sa| super::connect::unix_family_mismatch(m, "dest_addr", sockfd, &sa)) => {}
        libc::EAGAIN | libc::EOPNOTSUPP if dest_addr != 0 && unix_to_address(m, errnum, sockfd, dest_addr, addrlen) => {}
        _ => super::send::transfer(m, errnum, sockfd, Some((buf, len)), flags, None, true),
    }
}

/// The route to the destination, when the errno is a routing one (connect's diagnosis).
fn route_failure(m: &mut Message, errnum: i32, dest_addr: usize, addrlen: i32) -> bool {
    crate::decode::sock::read_sockaddr(dest_addr).is_some_and(|sa| super::connect::route_failure(m, errnum, &sa, addrlen.max(0) as usize))
}

/// EAGAIN of an AF_UNIX datagram sent to an address (the receiver's queue is full), and
/// EOPNOTSUPP of an address given to an unconnected AF_UNIX stream socket.
fn unix_to_address(m: &mut Message, errnum: i32, sockfd: i32, dest_addr: usize, addrlen: i32) -> bool {
    let Some(s) = crate::probe::sockets::socket_of(sockfd).filter(|s| s.domain == libc::AF_UNIX) else { return false };
    let Some(sa) = crate::decode::sock::read_sockaddr(dest_addr) else { return false };
    let len = addrlen.max(0) as usize;
    match errnum {
        libc::EAGAIN if s.kind == libc::SOCK_DGRAM => {
            let mut sa = sa;
            sa.len = sa.len.min(len);
            crate::message::prose::socket::receiver_queue_full(m, Some(&sa), crate::probe::inflight::max_dgram_qlen())
        }
        libc::EOPNOTSUPP if s.kind == libc::SOCK_STREAM => crate::message::prose::socket::stream_takes_no_address(m, "sockfd", sockfd),
        _ => return false,
    }
    true
}
