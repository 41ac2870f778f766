//! execv(3): execve(2) with the process's own environment; its errors are execve's.

use crate::decode::Text;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, argv: usize) {
    super::execve::diagnose(m, errnum, pathname, argv, crate::sys::environ_table());
}
