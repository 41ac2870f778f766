//! The file system types the kernel knows (/proc/filesystems), and the nearest one to a
//! name it does not know.

use super::lines::for_each_line;
use super::suggest::distance;

/// A file system type's name, copied out of /proc/filesystems.
#[derive(Clone, Copy)]
pub struct FsType {
    buf: [u8; 32],
    len: usize,
    /// Marked "nodev": it needs no block device (tmpfs, proc…).
    pub nodev: bool,
}

impl FsType {
    pub fn name(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

fn parse(line: &[u8]) -> Option<FsType> {
    let (nodev, name) = match line.iter().position(|&c| c == b'\t') {
        Some(tab) => (&line[..tab] == b"nodev", &line[tab + 1..]),
        None => (false, line),
    };
    let name = name.trim_ascii();
    if name.is_empty() || name.len() > 32 {
        return None;
    }
    let mut t = FsType { buf: [0; 32], len: name.len(), nodev };
    t.buf[..name.len()].copy_from_slice(name);
    Some(t)
}

/// The type named `name`, if the kernel knows it.
pub fn find(name: &[u8]) -> Option<FsType> {
    let mut found = None;
    let _ = for_each_line(b"/proc/filesystems", |line| {
        match parse(line) {
            Some(t) if t.name() == name => {
                found = Some(t);
                false
            }
            _ => true,
        }
    });
    found
}

/// The known type nearest to `name` (a typo: "ext5", "tmpf"), if one is close enough.
pub fn nearest(name: &[u8]) -> Option<FsType> {
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    let mut lower = [0u8; 256];
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &lower[..name.len()];
    let mut best: Option<(usize, FsType)> = None;
    let _ = for_each_line(b"/proc/filesystems", |line| {
        if let Some(t) = parse(line) {
            let bound = best.map_or(usize::MAX, |(d, _)| d);
            let d = distance(lower, t.name(), bound);
            let longer = t.len.max(name.len());
            if d < bound && d > 0 && d <= longer.div_ceil(2) {
                best = Some((d, t));
            }
        }
        true
    });
    best.map(|(_, t)| t)
}
