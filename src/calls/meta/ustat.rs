//! ustat(2): ERRORS EFAULT, EINVAL, ENOSYS. glibc no longer provides ustat: the call is
//! performed by crate::perform::ustat, through the kernel's system call.

use crate::message::prose::fd::bad_output_buffer;
use crate::message::prose::{generic, lookup};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, dev: u64, data: usize) {
    let Some(mnt) = lookup::mounted_device(m, "dev", dev) else { return };
    match errnum {
        libc::EFAULT if bad_output_buffer(m, "data", data, core::mem::size_of::<crate::sys::ctypes::ustat>()) => {}
        libc::EINVAL => lookup::device_mounted_now(m, "dev", &mnt),
        libc::ENOSYS => lookup::fs_unsupported(m, Some(&mnt), "ustat(2)"),
        _ => generic::meaning(m, errnum),
    }
}
