//! accept(2): ERRORS EAGAIN (non-blocking, nobody waiting), EBADF, ECONNABORTED,
//! EFAULT, EINTR, EINVAL (the socket is not listening), EMFILE, ENFILE (the limits),
//! ENOBUFS/ENOMEM, ENOTSOCK (what the descriptor is instead), EOPNOTSUPP, EPERM.

use crate::message::prose::{fd, generic, limits, socket};
use crate::message::Message;
use crate::probe::sockets;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: usize) {
    explain_flags(m, errnum, fildes, sock_addr, sock_addr_size, 0);
}

/// accept and accept4 (whose flags add an EINVAL).
pub fn explain_flags(m: &mut Message, errnum: i32, fildes: i32, sock_addr: usize, sock_addr_size: usize, flags: i32) {
    if socket::descriptor_error(m, errnum, "fildes", fildes) {
        return;
    }
    let s = sockets::socket_of(fildes);
    match errnum {
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EINVAL if flags & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC) != 0 => {
            m.because();
            let _ = core::fmt::write(m, format_args!("flags has bits other than SOCK_NONBLOCK and SOCK_CLOEXEC ({:#x})", flags & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC)));
        }
        libc::EINVAL | libc::EOPNOTSUPP => match s {
            Some(s) if s.kind != libc::SOCK_STREAM && s.kind != libc::SOCK_SEQPACKET => socket::connectionless(m, "fildes", fildes, &s),
            Some(s) if !s.listening => socket::not_listening(m, "fildes", fildes, &s),
            _ => generic::meaning(m, errnum),
        },
        libc::EAGAIN => {
            m.because();
            fd::argument(m, "fildes", fildes);
            m.text(" is non-blocking and no connection was waiting to be accepted; wait for it to become readable (poll, select)");
        }
        libc::ECONNABORTED => {
            m.because();
            m.text("a connection was waiting, and its other end closed it before it was accepted");
        }
        libc::EFAULT => {
            let len = if sock_addr_size == 0 { 0 } else { crate::sys::read_word(sock_addr_size).map(|w| w as u32 as usize).unwrap_or(0) };
            if !fd::bad_output_buffer(m, "sock_addr_size", sock_addr_size, 4) && !fd::bad_output_buffer(m, "sock_addr", sock_addr, len) {
                generic::meaning(m, errnum);
            }
        }
        _ => generic::meaning(m, errnum),
    }
}
