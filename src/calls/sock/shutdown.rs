//! shutdown(2): ERRORS EBADF, EINVAL (how is not SHUT_RD, SHUT_WR or SHUT_RDWR),
//! ENOTCONN (the socket is not connected), ENOTSOCK.

use crate::message::prose::{generic, socket};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, sockfd: i32, how: i32) {
    if socket::descriptor_error(m, errnum, "sockfd", sockfd) {
        return;
    }
    match (errnum, crate::probe::sockets::socket_of(sockfd)) {
        (libc::EINVAL, _) if !(0..=2).contains(&how) => {
            m.because();
            let _ = core::fmt::write(m, format_args!("how is {how}, and only SHUT_RD (0), SHUT_WR (1) and SHUT_RDWR (2) exist"));
        }
        (libc::ENOTCONN, Some(s)) => socket::not_connected(m, "sockfd", sockfd, &s),
        (libc::ENOTCONN, None) => socket::was_not_connected(m),
        _ => generic::meaning(m, errnum),
    }
}
