//! Name resolution's ways to the system (issue 13): gethostbyname's h_errno, and
//! whether a name server answers on UDP port 53, asked without waiting long.

use super::Result;

extern "C" {
    /// glibc: the calling thread's h_errno (a thread-local, no system call).
    fn __h_errno_location() -> *mut libc::c_int;
}

/// The calling thread's h_errno, where gethostbyname(3) leaves its error.
pub fn h_errno() -> i32 {
    // SAFETY: glibc returns the address of the thread's own h_errno, always valid.
    unsafe { *__h_errno_location() }
}

/// What a name server did with a query sent to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ServerReply {
    /// It answered.
    Answered,
    /// No route, or the connect failed: the errno.
    Unreachable(i32),
    /// The host said nothing listens on port 53 (ICMP port unreachable: ECONNREFUSED).
    Refused,
    /// Nothing came back within the wait.
    Silent,
}

/// A one-question query for the root's NS records: the smallest a server answers.
const ROOT_NS_QUERY: [u8; 17] = [0x4c, 0x58, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1];

/// Sends a query to `addr` (a sockaddr_in or sockaddr_in6 of `len` bytes, port 53) from a
/// non-blocking UDP socket of its own and waits at most `wait_ms` for the reply.
pub fn ask_name_server(addr: &[u8], family: i32, wait_ms: i32) -> Result<ServerReply> {
    let fd = raw!(libc::SYS_socket, family, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK, 0)? as i32;
    let fd = super::Fd::own(fd);
    if let Err(e) = raw!(libc::SYS_connect, fd.raw(), addr.as_ptr(), addr.len()) {
        return Ok(ServerReply::Unreachable(e));
    }
    if let Err(e) = raw!(libc::SYS_sendto, fd.raw(), ROOT_NS_QUERY.as_ptr(), ROOT_NS_QUERY.len(), 0, 0, 0) {
        return Ok(if e == libc::ECONNREFUSED { ServerReply::Refused } else { ServerReply::Unreachable(e) });
    }
    let mut pfd = libc::pollfd { fd: fd.raw(), events: libc::POLLIN, revents: 0 };
    let ts = libc::timespec { tv_sec: (wait_ms / 1000) as i64, tv_nsec: (wait_ms % 1000) as i64 * 1_000_000 };
    let n = raw!(libc::SYS_ppoll, &mut pfd as *mut libc::pollfd, 1, &ts as *const libc::timespec, 0, 8)?;
    if n == 0 {
        return Ok(ServerReply::Silent);
    }
    let mut buf = [0u8; 512];
    match raw!(libc::SYS_recvfrom, fd.raw(), buf.as_mut_ptr(), buf.len(), libc::MSG_DONTWAIT, 0, 0) {
        Ok(_) => Ok(ServerReply::Answered),
        Err(libc::ECONNREFUSED) => Ok(ServerReply::Refused),
        Err(libc::EAGAIN) => Ok(ServerReply::Silent),
        Err(e) => Ok(ServerReply::Unreachable(e)),
    }
}

