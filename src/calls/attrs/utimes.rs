//! utimes(2): utime(2)'s ERRORS, and EINVAL for a tv_usec outside 0 to 999999; the
//! diagnosis is utimensat's.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::path::Start;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, filename: &Text, times: usize) {
    let target = Target::Path { start: Start::Cwd, path: filename, follow: true };
    super::utimensat::diagnose(m, errnum, "filename", target, "times", &Times::read(times, Layout::Timeval));
}
