//! utimens (libexplain's name for utimensat(2) from the current directory):
//! utimensat's ERRORS, following a final symbolic link.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::path::Start;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, times: usize) {
    let target = Target::Path { start: Start::Cwd, path: pathname, follow: true };
    super::utimensat::diagnose(m, errnum, "pathname", target, "times", &Times::read(times, Layout::Timespec));
}
