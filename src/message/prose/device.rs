//! Device special files: which device, and which driver (the extra-device-info option).

use crate::message::Message;
use crate::probe::devices::driver;
use crate::sys::Stat;

/// ` (major 4, minor 1, driver "tty")` after a device special file's type, when the
/// `extra-device-info` option is on (the default); nothing for other files.
pub fn numbers(m: &mut Message, st: &Stat) {
    let kind = st.st_mode & libc::S_IFMT;
    if !m.opts.extra_device_info || (kind != libc::S_IFCHR && kind != libc::S_IFBLK) {
        return;
    }
    let (major, minor) = (libc::major(st.st_rdev), libc::minor(st.st_rdev));
    let _ = core::fmt::write(m, format_args!(" (major {major}, minor {minor}"));
    match driver(major, kind == libc::S_IFBLK) {
        Some(d) => {
            m.text(", driver ");
            m.quoted(d.as_bytes());
            m.text(")");
        }
        None => m.text(", no driver registered)"),
    }
}
