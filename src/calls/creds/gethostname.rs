//! gethostname(2): ERRORS EFAULT, EINVAL, ENAMETOOLONG. glibc fails with ENAMETOOLONG
//! (EINVAL in older versions) when the name and its NUL do not fit in data_size: the
//! explanation gives the name and its length. getdomainname shares `explain_for`.

use crate::message::prose::{fd, generic, host};
use crate::message::Message;
use crate::probe::host::{name, Which};

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize) {
    explain_for(m, errnum, Which::Host, data, data_size);
}

pub fn explain_for(m: &mut Message, errnum: i32, which: Which, data: usize, data_size: usize) {
    match errnum {
        libc::ENAMETOOLONG | libc::EINVAL => host::buffer_too_small(m, which, "data_size", data_size as u64, name(which).as_ref()),
        libc::EFAULT if fd::bad_output_buffer(m, "data", data, data_size.min(crate::probe::host::UTSNAME_FIELD)) => {}
        _ => generic::meaning(m, errnum),
    }
}
