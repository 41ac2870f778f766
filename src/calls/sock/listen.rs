//! listen(2): ERRORS EADDRINUSE (another socket listens on the port; or no ephemeral
//! port was free), EBADF, ENOTSOCK, EOPNOTSUPP (the type takes no connections).

use crate::message::prose::{generic, socket};
use crate::message::Message;
use crate::probe::sockets;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, backlog: i32) {
    let _ = backlog;
    if socket::descriptor_error(m, errnum, "fildes", fildes) {
        return;
    }
    match (errnum, sockets::socket_of(fildes)) {
        (libc::EOPNOTSUPP, Some(s)) => socket::connectionless(m, "fildes", fildes, &s),
        (libc::EADDRINUSE, _) => match sockets::local_address(fildes).filter(|a| a.port().unwrap_or(0) != 0) {
            Some(a) => super::connect::address_in_use(m, fildes, &a, a.len),
            None => {
                m.because();
                m.text("the socket was not bound, and no ephemeral port was free to bind it to (net.ipv4.ip_local_port_range is used up)");
            }
        },
        _ => generic::meaning(m, errnum),
    }
}
