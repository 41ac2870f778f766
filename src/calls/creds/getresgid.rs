//! getresgid(2): ERRORS EFAULT: which of the three pointers the kernel could not write
//! the id through.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, rgid: usize, egid: usize, sgid: usize) {
    super::getresuid::unwritable(m, errnum, &[("rgid", rgid), ("egid", egid), ("sgid", sgid)]);
}
