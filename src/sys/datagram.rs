//! Datagrams to a local socket by path: how the syslog and journal outputs reach their
//! daemons without libc's syslog(3), whose openlog state belongs to the program.

use super::{raw, Result};
use core::sync::atomic::{AtomicI32, Ordering};
use libc::c_int;

/// A socket made at its first use and shared by the threads that send on it: the slot
/// of an output object, which starts zeroed (calloc), so it holds the descriptor plus one.
#[repr(transparent)]
pub struct LazySocket(AtomicI32);

impl LazySocket {
    /// The socket, made now if this is the first use; None when none can be made.
    pub fn get(&self) -> Option<c_int> {
        let have = self.0.load(Ordering::Acquire);
        if have > 0 {
            return Some(have - 1);
        }
        let fd = socket().ok()?;
        match self.0.compare_exchange(0, fd + 1, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => Some(fd),
            Err(other) => {
                close(fd);
                Some(other - 1)
            }
        }
    }

    /// Closes the socket if one was made (the output's destructor).
    pub fn close(&self) {
        let s = self.0.swap(0, Ordering::AcqRel);
        if s > 0 {
            close(s - 1);
        }
    }
}

/// A new AF_UNIX datagram socket (close-on-exec), as a raw descriptor the caller keeps.
pub fn socket() -> Result<c_int> {
    raw!(libc::SYS_socket, libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0).map(|fd| fd as c_int)
}

/// Closes a descriptor from `socket`.
pub fn close(fd: c_int) {
    let _ = raw!(libc::SYS_close, fd);
}

/// Sends the concatenation of `parts` as one datagram to the socket at `path`.
pub fn send(fd: c_int, path: &[u8], parts: &[&[u8]]) -> Result<usize> {
    // SAFETY: sockaddr_un is plain data; zeroed is a valid value.
    let mut addr: libc::sockaddr_un = unsafe { core::mem::zeroed() };
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    if path.len() >= addr.sun_path.len() {
        return Err(libc::ENAMETOOLONG);
    }
    for (d, s) in addr.sun_path.iter_mut().zip(path) {
        *d = *s as libc::c_char;
    }
    let mut iov = [libc::iovec { iov_base: core::ptr::null_mut(), iov_len: 0 }; 16];
    let n = parts.len().min(iov.len());
    for (v, p) in iov.iter_mut().zip(&parts[..n]) {
        *v = libc::iovec { iov_base: p.as_ptr() as *mut libc::c_void, iov_len: p.len() };
    }
    // SAFETY: msghdr is plain data; zeroed is a valid value.
    let mut msg: libc::msghdr = unsafe { core::mem::zeroed() };
    msg.msg_name = &mut addr as *mut _ as *mut libc::c_void;
    msg.msg_namelen = core::mem::size_of::<libc::sockaddr_un>() as libc::socklen_t;
    msg.msg_iov = iov.as_mut_ptr();
    msg.msg_iovlen = n;
    raw!(libc::SYS_sendmsg, fd, &msg as *const libc::msghdr, libc::MSG_NOSIGNAL).map(|n| n as usize)
}
