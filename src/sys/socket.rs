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

/// The listen queue of the AF_UNIX socket of `inode`, from the kernel's sock_diag
/// netlink interface (what ss(8) reads): (connections waiting, backlog). None when the
/// kernel does not answer or has no such listener.
pub fn unix_listen_queue(inode: u32) -> Option<(u32, u32)> {
    const NETLINK_SOCK_DIAG: c_int = 4;
    const SOCK_DIAG_BY_FAMILY: u16 = 20;
    const UDIAG_SHOW_RQLEN: u32 = 0x10;
    const UNIX_DIAG_RQLEN: u16 = 4;
    const TCP_LISTEN: u32 = 10;
    let fd = raw!(libc::SYS_socket, libc::AF_NETLINK, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, NETLINK_SOCK_DIAG).ok()? as c_int;
    let fd = super::Fd::own(fd);
    // struct nlmsghdr (16 bytes) then struct unix_diag_req (24 bytes).
    let mut req = [0u8; 40];
    req[..4].copy_from_slice(&40u32.to_ne_bytes());
    req[4..6].copy_from_slice(&SOCK_DIAG_BY_FAMILY.to_ne_bytes());
    req[6..8].copy_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_DUMP) as u16).to_ne_bytes());
    req[16] = libc::AF_UNIX as u8;
    req[20..24].copy_from_slice(&(1u32 << TCP_LISTEN).to_ne_bytes());
    req[28..32].copy_from_slice(&UDIAG_SHOW_RQLEN.to_ne_bytes());
    req[32..40].copy_from_slice(&[0xff; 8]);
    raw!(libc::SYS_sendto, fd.raw(), req.as_ptr(), req.len(), 0, 0, 0).ok()?;
    let mut buf = [0u8; 8192];
    loop {
        let n = raw!(libc::SYS_recvfrom, fd.raw(), buf.as_mut_ptr(), buf.len(), 0, 0, 0).ok()? as usize;
        let mut off = 0;
        while off + 16 <= n {
            let len = u32::from_ne_bytes(buf[off..off + 4].try_into().ok()?) as usize;
            let kind = u16::from_ne_bytes(buf[off + 4..off + 6].try_into().ok()?);
            if len < 16 || off + len > n || kind == libc::NLMSG_DONE as u16 || kind == libc::NLMSG_ERROR as u16 {
                return None;
            }
            // struct unix_diag_msg (16 bytes): family, type, state, pad, ino, cookie.
            let msg = &buf[off + 16..off + len];
            if msg.len() >= 16 && u32::from_ne_bytes(msg[4..8].try_into().ok()?) == inode {
                let mut a = 16;
                while a + 4 <= msg.len() {
                    let alen = u16::from_ne_bytes(msg[a..a + 2].try_into().ok()?) as usize;
                    let atype = u16::from_ne_bytes(msg[a + 2..a + 4].try_into().ok()?);
                    if alen < 4 || a + alen > msg.len() {
                        break;
                    }
                    if atype == UNIX_DIAG_RQLEN && alen >= 12 {
                        let w = |o: usize| u32::from_ne_bytes([msg[a + o], msg[a + o + 1], msg[a + o + 2], msg[a + o + 3]]);
                        return Some((w(4), w(8)));
                    }
                    a += (alen + 3) & !3;
                }
                return None;
            }
            off += (len + 3) & !3;
        }
    }
}
