//! socket(2): ERRORS EACCES, EAFNOSUPPORT (the family is unknown to this kernel),
//! EINVAL (unknown type or flags), EMFILE, ENFILE (the limits), ENOBUFS/ENOMEM,
//! EPROTONOSUPPORT (the protocol does not go with the family and type).

use crate::message::prose::{generic, limits, sockaddr};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, domain: i32, kind: i32, protocol: i32) {
    match errnum {
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EAFNOSUPPORT => {
            m.because();
            m.text("address family ");
            sockaddr::family(m, domain);
            m.text(" is not supported by this kernel (its module is not loaded, or it was built without it)");
        }
        libc::EINVAL if kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC | 0xf) != 0 => {
            m.because();
            let _ = core::fmt::write(m, format_args!("type has bits no socket type or flag has ({:#x}); only SOCK_NONBLOCK and SOCK_CLOEXEC may be or-ed in", kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC | 0xf)));
        }
        libc::EPROTONOSUPPORT | libc::ESOCKTNOSUPPORT | libc::EPROTOTYPE | libc::EINVAL => {
            m.because();
            m.text("family ");
            sockaddr::family(m, domain);
            m.text(" has no ");
            sockaddr::socket_type(m, kind);
            m.text(" sockets");
            // Protocol 0 is the family's default: only another one is worth naming.
            if protocol != 0 {
                m.text(" of protocol ");
                crate::decode::write_protocol(m, protocol as i64);
                m.text("; 0 picks the family's usual protocol for the type");
            }
        }
        libc::EACCES => {
            m.because();
            m.text("the process may not create ");
            sockaddr::socket_type(m, kind);
            m.text(" sockets of family ");
            sockaddr::family(m, domain);
            if kind & 0xf == libc::SOCK_RAW || domain == libc::AF_PACKET {
                m.text(": raw and packet sockets need the CAP_NET_RAW capability");
            } else {
                m.text(" (a security module's policy forbids it)");
            }
        }
        _ => generic::meaning(m, errnum),
    }
}
