//! Network interfaces: an interface's flags as this
//! process's network namespace sees them (SIOCGIFFLAGS on a throwaway socket; sysfs may
//! show another namespace's interfaces).

use super::Fd;

/// The IFF_* flags of the interface `name` (at most 15 bytes); None when it does not
/// exist here or cannot be asked.
pub fn interface_flags(name: &[u8]) -> Option<u32> {
    if name.is_empty() || name.len() > 15 {
        return None;
    }
    let fd = raw!(libc::SYS_socket, libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0).ok()?;
    let fd = Fd::own(fd as libc::c_int);
    // struct ifreq: the name (16 bytes), then a union whose first short is ifr_flags.
    let mut req = [0u8; 40];
    req[..name.len()].copy_from_slice(name);
    raw!(libc::SYS_ioctl, fd.raw(), libc::SIOCGIFFLAGS, req.as_mut_ptr()).ok()?;
    Some(u16::from_ne_bytes([req[16], req[17]]) as u32)
}

/// The IPv4 addresses of the interfaces that are up (SIOCGIFCONF): calls `f(name,
/// address)` for each, at most 32.
pub fn for_each_ipv4_address(mut f: impl FnMut(&[u8], [u8; 4])) {
    let Ok(fd) = raw!(libc::SYS_socket, libc::AF_INET, libc::SOCK_DGRAM | libc::SOCK_CLOEXEC, 0) else { return };
    let fd = Fd::own(fd as libc::c_int);
    // 32 struct ifreq of 40 bytes: the name (16), then a struct sockaddr_in.
    let mut reqs = [0u8; 32 * 40];
    #[repr(C)]
    struct IfConf {
        len: libc::c_int,
        buf: *mut u8,
    }
    let mut conf = IfConf { len: reqs.len() as libc::c_int, buf: reqs.as_mut_ptr() };
    if raw!(libc::SYS_ioctl, fd.raw(), libc::SIOCGIFCONF, &mut conf as *mut IfConf).is_err() {
        return;
    }
    for r in reqs[..(conf.len.max(0) as usize).min(reqs.len())].chunks_exact(40) {
        let name = &r[..r[..16].iter().position(|&c| c == 0).unwrap_or(16)];
        f(name, [r[20], r[21], r[22], r[23]]);
    }
}
