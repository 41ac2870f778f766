//! socketpair(2): ERRORS EAFNOSUPPORT (only AF_UNIX makes pairs), EFAULT (sv), EMFILE,
//! ENFILE, EOPNOTSUPP (the type takes no connections), EPROTONOSUPPORT.

use crate::message::prose::{fd, generic, limits, sockaddr};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, domain: i32, kind: i32, protocol: i32, sv: usize) {
    match errnum {
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EFAULT => {
            if !fd::bad_output_buffer(m, "sv", sv, 8) {
                generic::meaning(m, errnum);
            }
        }
        libc::EAFNOSUPPORT if domain != libc::AF_UNIX => {
            m.because();
            m.text("family ");
            sockaddr::family(m, domain);
            m.text(" makes no socket pairs; only AF_UNIX does");
        }
        libc::EOPNOTSUPP | libc::EPROTONOSUPPORT | libc::EINVAL => super::socket::explain(m, libc::EPROTONOSUPPORT, domain, kind, protocol),
        _ => generic::meaning(m, errnum),
    }
}
