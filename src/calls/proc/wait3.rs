//! wait3(2): wait4(-1, …); its errors are waitpid's.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, status: usize, options: i32, rusage: usize) {
    super::waitpid::diagnose(m, errnum, -1, status, options, rusage);
}
