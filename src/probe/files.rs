//! Which process uses a file.

use crate::sys::{self, CPath, Stat};

/// A process whose running program is the file `st` (ETXTBSY), from /proc/PID/exe.
pub fn process_running(st: &Stat) -> Option<i32> {
    let proc_dir = CPath::from_bytes(b"/proc")?;
    let mut found = None;
    let _ = sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        if name.is_empty() || !name.iter().all(u8::is_ascii_digit) {
            return true;
        }
        let mut exe = CPath::from_bytes(b"/proc/").unwrap_or_default();
        if exe.push(name).and_then(|_| exe.push(b"/exe")).is_none() {
            return true;
        }
        match sys::stat_at(libc::AT_FDCWD, &exe, true) {
            Ok(e) if e.st_dev == st.st_dev && e.st_ino == st.st_ino => {
                found = super::lines::number(name).map(|p| p as i32);
                false
            }
            _ => true,
        }
    });
    found
}
