//! poll(2): ERRORS EFAULT (the array of data_size entries is not all readable), EINTR
//! (a signal before any event), EINVAL (data_size over RLIMIT_NOFILE, with the limit),
//! ENOMEM.

use crate::message::prose::{clock, fd, generic};
use crate::message::Message;
use crate::probe::{clock as probe, limits};

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: i32, _timeout: i32) {
    let bytes = (data_size.max(0) as usize).saturating_mul(core::mem::size_of::<libc::pollfd>());
    match errnum {
        libc::EFAULT if !crate::sys::readable(data, bytes) => fd::bad_pointer(m, "data", data, bytes),
        libc::EINVAL => clock::over_nofile(m, "data_size", data_size as u32 as i64, limits::open_files_limit().map(|(soft, _)| soft)),
        libc::EINTR => clock::wait_interrupted(m, "poll", probe::pending_signals()),
        libc::ENOMEM => clock::no_kernel_memory(m, "polled descriptors", data_size as i64),
        _ => generic::meaning(m, errnum),
    }
}
