//! getsockname(2): ERRORS EBADF, EFAULT, EINVAL (addrlen), ENOBUFS, ENOTSOCK.

use crate::message::prose::{fd, generic, socket};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: usize) {
    names(m, errnum, fildes, sock_addr, sock_addr_size, false);
}

/// getsockname and getpeername (which adds ENOTCONN).
pub fn names(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: usize, peer: bool) {
    if socket::descriptor_error(m, errnum, "fildes", fildes) {
        return;
    }
    let mut len = [0u8; 4];
    let len_ok = sock_addr_size != 0 && crate::sys::read_memory(sock_addr_size, &mut len) == 4;
    let len = i32::from_ne_bytes(len);
    match errnum {
        libc::ENOTCONN if peer => match crate::probe::sockets::socket_of(fildes) {
            Some(s) => socket::not_connected(m, "fildes", fildes, &s),
            None => socket::was_not_connected(m),
        },
        libc::EFAULT if !len_ok => fd::bad_pointer(m, "sock_addr_size", sock_addr_size, 4),
        libc::EFAULT => {
            if !fd::bad_output_buffer(m, "sock_addr", sock_addr, len.max(0) as usize) {
                generic::meaning(m, errnum);
            }
        }
        libc::EINVAL if len_ok && len < 0 => {
            m.because();
            let _ = core::fmt::write(m, format_args!("*sock_addr_size is {len}, and a length is never negative"));
        }
        _ => generic::meaning(m, errnum),
    }
}
