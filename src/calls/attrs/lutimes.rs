//! lutimes(3): utimes(2)'s ERRORS acting on a final symbolic link itself, and ENOSYS;
//! the diagnosis is utimensat's.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::path::Start;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, filename: &Text, tv: usize) {
    let target = Target::Path { start: Start::Cwd, path: filename, follow: false };
    super::utimensat::diagnose(m, errnum, "filename", target, "tv", &Times::read(tv, Layout::Timeval));
}
