//! wait4(2): waitpid(2) that also reports the child's resource usage; its errors are
//! waitpid's.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pid: i32, status: usize, options: i32, rusage: usize) {
    super::waitpid::diagnose(m, errnum, pid, status, options, rusage);
}
