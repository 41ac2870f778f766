//! Which version of a file a cached answer belongs to: the file's identity, size and
//! change times. Any change to a file moves its st_ctime (and a directory entry added or
//! removed its st_mtime), so a changed file never matches a held version. Because the
//! kernel stamps times from a coarse clock, a file changed twice within one tick could
//! keep the same times: so an answer is only kept when the file had not changed for
//! `SETTLED_NS` before it was read, and any later change then carries a later time.
//! The three caches (directory listings, user names, unbound socket files) share it.

use crate::sys::{self, Stat};

/// A file changed less than this long ago is not cached from (2 s, which also covers
/// modest clock skew on network file systems).
pub const SETTLED_NS: i128 = 2_000_000_000;

#[derive(Clone, Copy, PartialEq, Eq, Default, Debug)]
pub struct FileVersion {
    pub dev: u64,
    pub ino: u64,
    size: i64,
    mtime: i64,
    mtime_nsec: i64,
    ctime: i64,
    ctime_nsec: i64,
}

impl FileVersion {
    /// No file: all zero, so that caches holding it can live in .bss.
    pub const NONE: FileVersion = FileVersion { dev: 0, ino: 0, size: 0, mtime: 0, mtime_nsec: 0, ctime: 0, ctime_nsec: 0 };

    pub fn of(st: &Stat) -> FileVersion {
        FileVersion {
            dev: st.st_dev,
            ino: st.st_ino,
            size: st.st_size,
            mtime: st.st_mtime,
            mtime_nsec: st.st_mtime_nsec,
            ctime: st.st_ctime,
            ctime_nsec: st.st_ctime_nsec,
        }
    }

    /// Whether the file had not changed for `SETTLED_NS` when it was read at `read_at`
    /// (from `now_ns`; None, an unknown time, is never settled).
    pub fn settled_at(&self, read_at: Option<i128>) -> bool {
        let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
        let newest = ns(self.mtime, self.mtime_nsec).max(ns(self.ctime, self.ctime_nsec));
        read_at.is_some_and(|t| newest < t - SETTLED_NS)
    }
}

/// The time now, in ns since the epoch (CLOCK_REALTIME, the clock file times come from).
pub fn now_ns() -> Option<i128> {
    sys::clock::vdso_time(libc::CLOCK_REALTIME).ok().map(|(s, ns)| s as i128 * 1_000_000_000 + ns as i128)
}
