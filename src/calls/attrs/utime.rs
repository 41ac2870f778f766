//! utime(2): ERRORS EACCES (times NULL: neither owner, CAP_FOWNER nor write permission;
//! search permission through the walk), ENOENT, EPERM (times given: neither owner nor
//! CAP_FOWNER), EROFS, and EFAULT for times; the diagnosis is utimensat's.

use crate::decode::Text;
use crate::message::Message;
use crate::probe::ownership::Target;
use crate::probe::path::Start;
use crate::probe::times::{Layout, Times};

pub fn explain(m: &mut Message, errnum: i32, filename: &Text, times: usize) {
    let target = Target::Path { start: Start::Cwd, path: filename, follow: true };
    super::utimensat::diagnose(m, errnum, "filename", target, "times", &Times::read(times, Layout::Utimbuf));
}
