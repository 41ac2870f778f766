//! creat(2): open(2) with O_CREAT|O_WRONLY|O_TRUNC, and the same ERRORS.

use super::open::diagnose;
use crate::decode::Text;
use crate::message::Message;
use crate::probe::path::Start;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, mode: u32) {
    diagnose(m, errnum, Start::Cwd, pathname, libc::O_CREAT | libc::O_WRONLY | libc::O_TRUNC, mode);
}
