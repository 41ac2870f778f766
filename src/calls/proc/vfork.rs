//! vfork(2): its errors are fork's (EAGAIN, ENOMEM).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32) {
    super::fork::diagnose(m, errnum);
}
