//! Network interfaces (issue 13, sockdepth branch): an interface's flags as this
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
