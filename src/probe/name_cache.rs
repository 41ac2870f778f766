//! User and group names held between explanations, so that a daemon explaining the same
//! failure again and again (a kill refused in a loop, a log storm of EACCES) does not
//! read /etc/passwd and /etc/group for every id it names (issue 12: kill EPERM named two
//! users and read /etc/passwd twice per call).
//!
//! A held answer belongs to one version of the file: its identity, size and change
//! times (`Key`). The file's status is asked again at most once every `RECHECK_NS` of
//! the monotonic clock (one cheap clock_gettime instead of a path walk per name), so an
//! edit of /etc/passwd is seen within that time; a changed file drops every answer.
//! Because the kernel stamps file times from a coarse clock, an answer read from a file
//! changed less than `SETTLED_NS` before is not kept (a second edit within the same
//! tick could otherwise leave the key unchanged).
//!
//! Memory is fixed (static, no heap). The lock is only ever tried, never waited for: a
//! thread that finds it taken (or a child forked while another thread held it) reads
//! the file itself, as without the cache.

use super::users::Name;
use crate::sys::{self, CPath, Stat};
use std::sync::Mutex;

/// Ids held per database (user names, group names).
const SLOTS: usize = 16;
/// How long a verified version of the file is trusted before its status is asked again.
const RECHECK_NS: i64 = 1_000_000_000;
/// A file changed less than this long ago is not cached from (2 s, as listing_cache).
const SETTLED_NS: i128 = 2_000_000_000;

/// The version of a database file.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    dev: u64,
    ino: u64,
    size: i64,
    mtime: i64,
    mtime_nsec: i64,
    ctime: i64,
    ctime_nsec: i64,
}

const NO_KEY: Key = Key { dev: 0, ino: 0, size: -1, mtime: 0, mtime_nsec: 0, ctime: 0, ctime_nsec: 0 };

impl Key {
    fn of(st: &Stat) -> Key {
        Key {
            dev: st.st_dev,
            ino: st.st_ino,
            size: st.st_size,
            mtime: st.st_mtime,
            mtime_nsec: st.st_mtime_nsec,
            ctime: st.st_ctime,
            ctime_nsec: st.st_ctime_nsec,
        }
    }

    fn newest_ns(&self) -> i128 {
        let m = self.mtime as i128 * 1_000_000_000 + self.mtime_nsec as i128;
        let c = self.ctime as i128 * 1_000_000_000 + self.ctime_nsec as i128;
        m.max(c)
    }
}

/// One held answer: the id, and its name (None: the file has no such id).
#[derive(Clone, Copy)]
struct Entry {
    id: u32,
    name: Option<Name>,
}

struct Db {
    key: Key,
    /// Monotonic ns when `key` was last compared with the file; i64::MIN: never.
    checked_at: i64,
    entries: [Option<Entry>; SLOTS],
    /// The slot the next new answer replaces (round robin).
    next: usize,
}

const EMPTY: Db = Db { key: NO_KEY, checked_at: i64::MIN, entries: [None; SLOTS], next: 0 };
static PASSWD: Mutex<Db> = Mutex::new(EMPTY);
static GROUP: Mutex<Db> = Mutex::new(EMPTY);

/// Which database: its file and its lock.
#[derive(Clone, Copy)]
pub enum Database {
    Passwd,
    Group,
}

impl Database {
    fn path(self) -> &'static [u8] {
        match self {
            Database::Passwd => b"/etc/passwd",
            Database::Group => b"/etc/group",
        }
    }

    fn lock(self) -> &'static Mutex<Db> {
        match self {
            Database::Passwd => &PASSWD,
            Database::Group => &GROUP,
        }
    }
}

fn monotonic_ns() -> Option<i64> {
    sys::clock::clock_time(libc::CLOCK_MONOTONIC_COARSE).ok().map(|(s, ns)| s.saturating_mul(1_000_000_000).saturating_add(ns))
}

fn file_key(db: Database) -> Option<Key> {
    let path = CPath::from_bytes(db.path())?;
    sys::stat_at(libc::AT_FDCWD, &path, true).ok().map(|st| Key::of(&st))
}

/// The name of `id` in `db`: a held answer when the file is unchanged, else `read()`'s
/// (which reads the file), kept for next time when the file has settled.
pub fn name(db: Database, id: u32, read: impl FnOnce() -> Option<Name>) -> Option<Name> {
    let lock = db.lock();
    let Some(now) = monotonic_ns() else { return read() };
    let key = {
        let Ok(mut held) = lock.try_lock() else { return read() };
        let _shown = sys::valgrind::LockShown::taken(lock);
        if held.checked_at == i64::MIN || now.saturating_sub(held.checked_at) >= RECHECK_NS {
            let Some(key) = file_key(db) else { return read() };
            if key != held.key {
                held.entries = [None; SLOTS];
                held.key = key;
            }
            held.checked_at = now;
        }
        if let Some(e) = held.entries.iter().flatten().find(|e| e.id == id) {
            return e.name;
        }
        held.key
    };
    let found = read();
    let settled = sys::realtime().map_or(false, |(s, ns)| key.newest_ns() < s as i128 * 1_000_000_000 + ns as i128 - SETTLED_NS);
    if settled {
        if let Ok(mut held) = lock.try_lock() {
            let _shown = sys::valgrind::LockShown::taken(lock);
            if held.key == key {
                let slot = held.next;
                held.entries[slot] = Some(Entry { id, name: found });
                held.next = (slot + 1) % SLOTS;
            }
        }
    }
    found
}
