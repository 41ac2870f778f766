//! fputs(3): fails as write(2) does, diagnosed through the stream (fread::transfer);
//! a NULL or unreadable `s` is EFAULT's culprit.

use crate::decode::{Text, TextState};
use crate::message::prose::fd;
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32, s: &Text, fp: usize) {
    if errnum == libc::EFAULT && s.state != TextState::Ok {
        return fd::bad_pointer(m, "s", s.addr, 1);
    }
    super::fread::transfer(m, errnum, fp, true, s.addr, s.len);
}
