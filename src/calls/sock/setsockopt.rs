//! setsockopt(2): ERRORS EBADF, EFAULT (data), EINVAL (data_size against the size the
//! option takes), ENOPROTOOPT (level and option named), ENOTSOCK, EPERM (options that
//! need CAP_NET_ADMIN). `options` is shared with getsockopt.

use crate::decode::sock::{entry, options_of};
use crate::message::prose::{fd, generic, socket};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, level: i32, name: i32, data: usize, data_size: i32) {
    match errnum {
        libc::EFAULT => fd::bad_pointer(m, "data", data, data_size.max(0) as usize),
        _ => options(m, errnum, fildes, level, name, Some(data_size as i64)),
    }
}

/// The size an option's value takes, from its table row; None when it varies.
fn option_size(level: i32, name: i32) -> Option<usize> {
    match entry(options_of(level), name as i64)?.text {
        "" | "parse-only" => Some(4),
        "linger" => Some(8),
        "timeval" => Some(16),
        "ucred" => Some(12),
        _ => None,
    }
}

/// The errors getsockopt and setsockopt share.
pub fn options(m: &mut Message, errnum: i32, fildes: i32, level: i32, name: i32, size: Option<i64>) {
    if socket::descriptor_error(m, errnum, "fildes", fildes) {
        return;
    }
    match errnum {
        libc::ENOPROTOOPT => socket::no_such_option(m, level, name, crate::probe::sockets::socket_of(fildes).as_ref()),
        libc::EINVAL => match (size, option_size(level, name)) {
            (Some(given), Some(wanted)) if given < wanted as i64 || given < 0 => socket::option_size(m, "data_size", given, wanted),
            _ => generic::meaning(m, errnum),
        },
        libc::EPERM => {
            m.because();
            m.text("setting this option needs the CAP_NET_ADMIN capability, which the process does not have");
        }
        _ => generic::meaning(m, errnum),
    }
}
