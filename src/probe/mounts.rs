//! The mount a file lives on: mount point, file system type, options, and how full it is.

use super::lines::{for_each_line, number};
use crate::sys::{self, CPath, Stat};

pub struct Mount {
    pub point: CPath,
    pub fstype: [u8; 32],
    pub fstype_len: usize,
    pub read_only: bool,
    /// Mounted with nodev: device files on it cannot be used.
    pub nodev: bool,
    /// Mounted noexec: its files cannot be executed or mapped with PROT_EXEC.
    pub noexec: bool,
    /// Mounted nosuid: set-user-ID bits and file capabilities are ignored (issue 12).
    pub nosuid: bool,
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
        let mut m = Mount { point: unescape(point.unwrap_or(b"")), fstype: [0; 32], fstype_len: fstype.len().min(32), read_only: false, nodev: false, noexec: false, nosuid: false, stat: None };
        m.fstype[..m.fstype_len].copy_from_slice(&fstype[..m.fstype_len]);
        m.read_only = has_ro(opts.unwrap_or(b"")) || has_ro(super_opts);
        m.nodev = opts.unwrap_or(b"").split(|&c| c == b',').any(|o| o == b"nodev");
        m.noexec = opts.unwrap_or(b"").split(|&c| c == b',').any(|o| o == b"noexec");
        m.nosuid = opts.unwrap_or(b"").split(|&c| c == b',').any(|o| o == b"nosuid");
        found = Some(m);
        true
    });
    let mut m = found?;
    m.stat = sys::statfs(&m.point).ok();
    Some(m)
}

/// The mount of the block device with device number `rdev`, if it is mounted.
pub fn mount_of_device(rdev: libc::dev_t) -> Option<Mount> {
    // SAFETY: a plain C struct of integers; all zeroes is a valid value.
    let mut st: Stat = unsafe { core::mem::zeroed() };
    st.st_dev = rdev;
    mount_of(&st)
}

/// The mount whose mount point is the directory with `st` itself (not merely on it):
/// the topmost one when several are stacked there.
pub fn mounted_on(st: &Stat) -> Option<Mount> {
    let mnt = mount_of(st)?;
    let top = sys::stat_at(libc::AT_FDCWD, &mnt.point, true).ok()?;
    (top.st_dev == st.st_dev && top.st_ino == st.st_ino).then_some(mnt)
}

/// Whether the block device `rdev` is read-only (/sys/dev/block/MAJOR:MINOR/ro).
pub fn device_read_only(rdev: libc::dev_t) -> Option<bool> {
    let mut path = [0u8; 64];
    let mut w = crate::message::Message::new(&mut path);
    let _ = core::fmt::write(&mut w, format_args!("/sys/dev/block/{}:{}/ro", libc::major(rdev), libc::minor(rdev)));
    let n = w.finish();
    let mut b = [0u8; 4];
    let len = sys::read_file(&path[..n], &mut b).ok()?;
    Some(len > 0 && b[0] == b'1')
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

/// Whether `a`'s final component and the directory that holds `b`'s are on the same
/// mount now (None when the kernel does not tell mounts apart).
pub fn same_mount(a: &crate::probe::path::Found, b: &crate::probe::path::Found) -> Option<bool> {
    let x = sys::mount_id(a.start.fd(), &a.path, false)?;
    let dir = b.dir_path();
    let dir = if dir.is_empty() { CPath::from_bytes(b".")? } else { dir };
    let y = sys::mount_id(b.start.fd(), &dir, true)?;
    Some(x == y)
}
