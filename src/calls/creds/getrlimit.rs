//! getrlimit(2): ERRORS EFAULT, EINVAL (EPERM and ESRCH are setrlimit's and prlimit's).
//! EINVAL names the resource against the ones the kernel has.

use crate::decode::creds::RLIMIT_RESOURCES;
use crate::message::prose::{fd, generic, usage};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, resource: i32, rlim: usize) {
    match errnum {
        libc::EINVAL => usage::unknown_value(m, "resource", resource as i64, RLIMIT_RESOURCES, "a resource"),
        libc::EFAULT if fd::bad_output_buffer(m, "rlim", rlim, core::mem::size_of::<libc::rlimit>()) => {}
        _ => generic::meaning(m, errnum),
    }
}
