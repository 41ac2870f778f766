//! Sockets (issue 13): options, names and peer credentials by raw system call.

use super::Result;
use libc::c_int;

/// `getsockopt(fd, level, name)` into `buf`: the length the kernel wrote.
pub fn getsockopt(fd: c_int, level: c_int, name: c_int, buf: &mut [u8]) -> Result<usize> {
    let mut len = buf.len() as libc::socklen_t;
    raw!(libc::SYS_getsockopt, fd, level, name, buf.as_mut_ptr(), &mut len as *mut libc::socklen_t)?;
    Ok(len as usize)
}

/// An `int` option of any level.
pub fn sockopt_int(fd: c_int, level: c_int, name: c_int) -> Result<i32> {
    let mut b = [0u8; 4];
    getsockopt(fd, level, name, &mut b)?;
    Ok(i32::from_ne_bytes(b))
}

/// The socket's own address (getsockname) into `buf`: its length.
pub fn sockname(fd: c_int, buf: &mut [u8; 128]) -> Result<usize> {
    let mut len = buf.len() as libc::socklen_t;
    raw!(libc::SYS_getsockname, fd, buf.as_mut_ptr(), &mut len as *mut libc::socklen_t)?;
    Ok(len as usize)
}

/// The peer's address (getpeername) into `buf`: its length.
pub fn peername(fd: c_int, buf: &mut [u8; 128]) -> Result<usize> {
    let mut len = buf.len() as libc::socklen_t;
    raw!(libc::SYS_getpeername, fd, buf.as_mut_ptr(), &mut len as *mut libc::socklen_t)?;
    Ok(len as usize)
}

/// SO_PEERCRED: the (pid, uid, gid) of the process that connected or created the peer.
pub fn peer_credentials(fd: c_int) -> Result<(i32, u32, u32)> {
    let mut b = [0u8; 12];
    getsockopt(fd, libc::SOL_SOCKET, libc::SO_PEERCRED, &mut b)?;
    let w = |o: usize| u32::from_ne_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]]);
    Ok((w(0) as i32, w(4), w(8)))
}
