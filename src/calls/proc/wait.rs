//! wait(2): waitpid(-1, status, 0); its errors are waitpid's.

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, status: usize) {
    super::waitpid::diagnose(m, errnum, -1, status, 0, 0);
}
