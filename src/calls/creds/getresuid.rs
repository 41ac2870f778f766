//! getresuid(2): ERRORS EFAULT: which of the three pointers the kernel could not write
//! the id through. getresgid shares `unwritable`.

use crate::message::prose::{fd, generic};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, ruid: usize, euid: usize, suid: usize) {
    unwritable(m, errnum, &[("ruid", ruid), ("euid", euid), ("suid", suid)]);
}

/// EFAULT: the first of `ptrs` (4-byte ids) that is not writable memory.
pub fn unwritable(m: &mut Message, errnum: i32, ptrs: &[(&str, usize)]) {
    if errnum == libc::EFAULT && ptrs.iter().any(|&(arg, p)| fd::bad_output_buffer(m, arg, p, 4)) {
        return;
    }
    generic::meaning(m, errnum);
}
