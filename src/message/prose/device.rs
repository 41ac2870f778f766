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

/// ENOSPC, EDQUOT on a device special file: the device's driver refused, not a file
/// system (there is none to fill); /dev/full (character 1, 7) refuses every write so.
pub fn no_space(m: &mut Message, arg: &str, fd: i32, st: &Stat) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(if st.st_mode & libc::S_IFMT == libc::S_IFBLK { " is a block device" } else { " is a character device" });
    numbers(m, st);
    if st.st_mode & libc::S_IFMT == libc::S_IFCHR && libc::major(st.st_rdev) == 1 && libc::minor(st.st_rdev) == 7 {
        m.text(", /dev/full, which answers every write with \"no space left\": it exists to test how programs handle a full disk");
    } else {
        m.text(": the device itself has no room left for the data (its driver said so; no file system is involved)");
    }
}

/// Whether `st` is a character or block device.
pub fn is_device(st: &Stat) -> bool {
    matches!(st.st_mode & libc::S_IFMT, libc::S_IFCHR | libc::S_IFBLK)
}
