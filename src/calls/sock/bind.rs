//! bind(2): ERRORS EACCES (a privileged port, or the socket file's directory: its mode),
//! EADDRINUSE (who holds the address: a process, a TIME_WAIT connection, a stale socket
//! file), EADDRNOTAVAIL (no interface has the address: those they have), EBADF, EINVAL (already bound,
//! bad length), ENOTSOCK, EFAULT, and for AF_UNIX paths ELOOP, ENAMETOOLONG, ENOENT,
//! ENOTDIR, EROFS (the path diagnosis).

use crate::decode::sock::read_sockaddr;
use crate::message::prose::{fd, generic, path, sockaddr, socket};
use crate::message::Message;
use crate::probe::sockets;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: i32) {
    if socket::descriptor_error(m, errnum, "fildes", fildes) {
        return;
    }
    let len = sock_addr_size.max(0) as usize;
    let Some(sa) = read_sockaddr(sock_addr) else { return fd::bad_pointer(m, "sock_addr", sock_addr, len) };
    let unix = sa.family() == libc::AF_UNIX;
    match errnum {
        libc::EADDRINUSE => super::connect::address_in_use(m, fildes, &sa, len),
        libc::EACCES if !unix => match (sa.port(), sockets::unprivileged_port_start()) {
            (Some(port), Some(start)) if port as u64 > 0 && (port as u64) < start => sockaddr::privileged_port(m, port, start),
            _ => generic::meaning(m, errnum),
        },
        libc::EADDRNOTAVAIL => {
            let local = match (sa.ipv4(), sa.ipv6()) {
                (Some(a), _) => sockets::ipv4_is_local(a),
                (_, Some(a)) => sockets::ipv6_is_local(a),
                _ => None,
            };
            sockaddr::not_local(m, &sa, len, local.is_some());
            if sa.ipv4().is_some() || sa.ipv6().is_some() {
                crate::message::prose::routes::host_addresses(m, sa.ipv6().is_some());
            }
        }
        libc::EINVAL if sockets::local_address(fildes).is_some_and(|a| a.port().unwrap_or(0) != 0 || a.len > 2) => {
            m.because();
            fd::argument(m, "fildes", fildes);
            m.text(" is already bound to ");
            let mine = sockets::local_address(fildes);
            if let Some(a) = mine {
                sockaddr::address(m, &a, a.len);
            }
            m.text("; a socket is bound once");
        }
        libc::EINVAL if super::connect::unix_family_mismatch(m, "sock_addr", fildes, &sa) => {}
        libc::EINVAL => super::connect::bad_length(m, "sock_addr_size", &sa, len),
        libc::EAFNOSUPPORT => super::connect::wrong_family(m, fildes, &sa),
        libc::ENOENT | libc::ENOTDIR | libc::ELOOP | libc::ENAMETOOLONG | libc::EROFS | libc::EACCES if unix => {
            let mut slot = core::mem::MaybeUninit::uninit();
            let text = crate::decode::Text::copy_into(&mut slot, sock_addr + 2);
            let Ok(found) = &path::resolve_or_explain(m, "sock_addr.sun_path", text, crate::probe::path::Start::Cwd, false) else { return };
            match found.dir_stat {
                // bind creates the socket file: its directory must grant write (and search).
                st if errnum == libc::EACCES && found.stat.is_none() => {
                    let creds = m.creds();
                    let dir = found.dir_path();
                    if crate::message::prose::access::refusal(m, &st, crate::probe::creds::WRITE | crate::probe::creds::SEARCH, &creds, |m| crate::message::prose::location::directory(m, found.start, dir.as_bytes())) {
                        m.text("; bind creates the socket file in that directory");
                    }
                }
                _ => generic::meaning(m, errnum),
            }
        }
        libc::EFAULT => fd::bad_pointer(m, "sock_addr", sock_addr, len),
        _ => generic::meaning(m, errnum),
    }
}
