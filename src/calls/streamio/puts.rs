//! puts(3): fputs(3) on stdout, and a newline; fails as write(2) does, diagnosed
//! through stdout (fread::transfer_as). A NULL or unreadable `s` is EFAULT's culprit.

use crate::decode::{Text, TextState};
use crate::message::prose::fd;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, s: &Text) {
    if errnum == libc::EFAULT && s.state != TextState::Ok {
        return fd::bad_pointer(m, "s", s.addr, 1);
    }
    let stdout = crate::sys::stream::stdout_addr();
    super::fread::transfer_as(m, errnum, ("stdout", "stdout's descriptor"), stdout, true, s.addr, s.len + 1);
}
