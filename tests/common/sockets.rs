//! Sockets for the socket tests: addresses, a socket, a pair, bind, connect, close.

use libc::{c_int, sockaddr, sockaddr_in, sockaddr_un, socklen_t};
use std::mem::{size_of, zeroed};

pub fn inet(ip: [u8; 4], port: u16) -> sockaddr_in {
    // SAFETY: sockaddr_in is plain data; all zeroes is valid.
    let mut a: sockaddr_in = unsafe { zeroed() };
    a.sin_family = libc::AF_INET as u16;
    a.sin_port = port.to_be();
    a.sin_addr.s_addr = u32::from_ne_bytes(ip);
    a
}

pub fn unix(path: &str) -> sockaddr_un {
    // SAFETY: sockaddr_un is plain data; all zeroes is valid.
    let mut a: sockaddr_un = unsafe { zeroed() };
    a.sun_family = libc::AF_UNIX as u16;
    for (d, s) in a.sun_path.iter_mut().zip(path.bytes()) {
        *d = s as libc::c_char;
    }
    a
}

pub fn sock(domain: c_int, kind: c_int) -> c_int {
    // SAFETY: a plain system call.
    let fd = unsafe { libc::socket(domain, kind | libc::SOCK_CLOEXEC, 0) };
    assert!(fd >= 0);
    fd
}

pub fn pair(kind: c_int) -> [c_int; 2] {
    let mut sv = [0; 2];
    // SAFETY: sv has room for two descriptors.
    assert_eq!(unsafe { libc::socketpair(libc::AF_UNIX, kind | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr()) }, 0);
    sv
}

pub fn bind_inet(fd: c_int, a: &sockaddr_in) -> c_int {
    // SAFETY: a points at a live sockaddr_in of the size given.
    unsafe { libc::bind(fd, a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t) }
}

pub fn connect_to<T>(fd: c_int, a: &T) -> c_int {
    // SAFETY: a points at a live address of its type's size.
    unsafe { libc::connect(fd, a as *const T as *const sockaddr, size_of::<T>() as socklen_t) }
}

pub fn port_of(fd: c_int) -> u16 {
    // SAFETY: a is a live sockaddr_in of the size given.
    let mut a: sockaddr_in = unsafe { zeroed() };
    let mut len = size_of::<sockaddr_in>() as socklen_t;
    assert_eq!(unsafe { libc::getsockname(fd, &mut a as *mut _ as *mut sockaddr, &mut len) }, 0);
    u16::from_be(a.sin_port)
}

pub fn close(fd: c_int) {
    // SAFETY: closing a descriptor this test opened.
    unsafe { libc::close(fd) };
}

/// A message of the bytes `iov` points at, passing the descriptors `fds` (at most 4) in
/// one SCM_RIGHTS control message that `control` holds.
pub fn passing(iov: &mut libc::iovec, control: &mut [u64; 4], fds: &[c_int]) -> libc::msghdr {
    assert!(fds.len() <= 4);
    // SAFETY: msghdr is plain data.
    let mut h: libc::msghdr = unsafe { zeroed() };
    h.msg_iov = iov;
    h.msg_iovlen = 1;
    h.msg_control = control.as_mut_ptr() as *mut _;
    // SAFETY: CMSG_SPACE and CMSG_LEN compute sizes only.
    h.msg_controllen = unsafe { libc::CMSG_SPACE((4 * fds.len()) as u32) } as usize;
    // SAFETY: the cmsghdr and its ints lie in control (CMSG_SPACE(16) is 32 bytes).
    unsafe {
        let c = libc::CMSG_FIRSTHDR(&h);
        (*c).cmsg_level = libc::SOL_SOCKET;
        (*c).cmsg_type = libc::SCM_RIGHTS;
        (*c).cmsg_len = libc::CMSG_LEN((4 * fds.len()) as u32) as usize;
        let data = libc::CMSG_DATA(c) as *mut c_int;
        for (i, &fd) in fds.iter().enumerate() {
            *data.add(i) = fd;
        }
    }
    h
}
