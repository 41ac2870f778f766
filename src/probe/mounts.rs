//! The mount a file lives on: mount point, file system type, options, and how full it is.

use super::lines::{for_each_line, number};
use crate::sys::{self, CPath, Stat};

pub struct Mount {
    pub point: CPath,
    pub fstype: [u8; 32],
    pub fstype_len: usize,
    pub read_only: bool,
    pub stat: Option<libc::statfs>,
}

impl Mount {
    pub fn fstype(&self) -> &[u8] {
        &self.fstype[..self.fstype_len]
    }
}

/// The mount holding the file with `st`, found in /proc/self/mountinfo by device number.
/// Where one device is mounted in several places, the last (topmost) mount wins.
pub fn mount_of(st: &Stat) -> Option<Mount> {
    mount_of_dev(st.st_dev)
}

/// The mount of the device `dev` (a dev_t, as ustat(2) takes), if it is mounted.
pub fn mount_of_dev(dev: libc::dev_t) -> Option<Mount> {
    let (major, minor) = (libc::major(dev) as u64, libc::minor(dev) as u64);
    let mut found: Option<Mount> = None;
    let _ = for_each_line(b"/proc/self/mountinfo", |line| {
        let mut f = line.split(|&c| c == b' ');
        let dev = f.nth(2);
        let point = f.nth(1);
        let opts = f.next();
        let Some(dev) = dev else { return true };
        let mut mm = dev.split(|&c| c == b':');
        if mm.next().and_then(number) != Some(major) || mm.next().and_then(number) != Some(minor) {
            return true;
        }
        // After the optional fields, " - " then the type.
        let Some(dash) = line.windows(3).position(|w| w == b" - ") else { return true };
        let fstype = line[dash + 3..].split(|&c| c == b' ').next().unwrap_or(b"");
        let super_opts = line[dash + 3..].split(|&c| c == b' ').nth(2).unwrap_or(b"");
        let mut m = Mount { point: unescape(point.unwrap_or(b"")), fstype: [0; 32], fstype_len: fstype.len().min(32), read_only: false, stat: None };
        m.fstype[..m.fstype_len].copy_from_slice(&fstype[..m.fstype_len]);
        m.read_only = has_ro(opts.unwrap_or(b"")) || has_ro(super_opts);
        found = Some(m);
        true
    });
    let mut m = found?;
    m.stat = sys::statfs(&m.point).ok();
    Some(m)
}

fn has_ro(opts: &[u8]) -> bool {
    opts.split(|&c| c == b',').any(|o| o == b"ro")
}

/// mountinfo escapes space, tab, newline and backslash as \ooo.
fn unescape(b: &[u8]) -> CPath {
    let mut out = CPath::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 3 < b.len() && b[i + 1..i + 4].iter().all(|c| (b'0'..=b'7').contains(c)) {
            let v = (b[i + 1] - b'0') * 64 + (b[i + 2] - b'0') * 8 + (b[i + 3] - b'0');
            out.push(&[v]);
            i += 4;
        } else {
            out.push(&b[i..i + 1]);
            i += 1;
        }
    }
    out
}
