//! Where a path is, for a reader of a daemon's log: relative paths are shown joined to the
//! directory they were resolved from.

use crate::message::Message;
use crate::probe::path::Start;
use crate::sys::{self, CPath};

/// Joins `path` onto the directory it is relative to, when that can be found.
pub fn absolute(start: Start, path: &[u8]) -> Option<CPath> {
    if path.first() == Some(&b'/') {
        return CPath::from_bytes(path);
    }
    let mut base = CPath::new();
    match start {
        Start::Cwd => {
            base = sys::getcwd().ok()?;
        }
        Start::Dir(fd) => {
            if !crate::probe::fd::path_of(fd, &mut base) {
                return None;
            }
        }
    }
    let rel = path.strip_prefix(b"./").unwrap_or(path);
    if !rel.is_empty() && rel != b"." {
        base.push_component(rel)?;
    }
    Some(base)
}

/// A path, quoted, made absolute when possible.
pub fn path(m: &mut Message, start: Start, p: &[u8]) {
    match absolute(start, p) {
        Some(abs) => m.quoted(abs.as_bytes()),
        None => m.quoted(p),
    }
}

/// A directory: `the "/tmp" directory`, or `the current directory "/root"`.
pub fn directory(m: &mut Message, start: Start, dir: &[u8]) {
    if dir.is_empty() || dir == b"." {
        m.text(if start == Start::Cwd { "the current directory " } else { "the directory " });
        match absolute(start, b"") {
            Some(abs) => m.quoted(abs.as_bytes()),
            None => m.text("(its path is unknown)"),
        }
        return;
    }
    m.text("the ");
    path(m, start, dir);
    m.text(" directory");
}
