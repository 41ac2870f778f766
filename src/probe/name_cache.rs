//! User and group names held between explanations, so that a daemon explaining the same
//! failure again and again (a kill refused in a loop, a log storm of EACCES) does not
//! read /etc/passwd and /etc/group for every id it names (issue 12: kill EPERM named two
//! users and read /etc/passwd twice per call).
//!
//! A held answer belongs to one version of the file: its identity, size and change
//! times (file_version). The file's status is asked again at most once every `RECHECK_NS` of
//! the monotonic clock (one cheap clock_gettime instead of a path walk per name), so an
//! edit of /etc/passwd is seen within that time; a changed file drops every answer.
//! Because the kernel stamps file times from a coarse clock, an answer read from a file
//! changed less than file_version::SETTLED_NS before is not kept (a second edit within the same
//! tick could otherwise leave the key unchanged).
//!
//! Memory is fixed (static, no heap). The lock is only ever tried, never waited for: a
//! thread that finds it taken (or a child forked while another thread held it) reads
//! the file itself, as without the cache.

use super::users::Name;
use super::file_version::{self, FileVersion};
use crate::sys::{self, CPath};
use std::sync::Mutex;

/// Ids held per database (user names, group names).
const SLOTS: usize = 16;
/// How long a verified version of the file is trusted before its status is asked again.
const RECHECK_NS: i64 = 1_000_000_000;

/// One held answer: the id, and its name (None: the file has no such id).
#[derive(Clone, Copy)]
struct Entry {
    id: u32,
    name: Option<Name>,
}

struct Db {
    key: FileVersion,
    /// Monotonic ns when `key` was last compared with the file; i64::MIN: never.
    checked_at: i64,
    entries: [Option<Entry>; SLOTS],
    /// The slot the next new answer replaces (round robin).
    next: usize,
}

const EMPTY: Db = Db { key: FileVersion::NONE, checked_at: i64::MIN, entries: [None; SLOTS], next: 0 };
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
    sys::clock::vdso_time(libc::CLOCK_MONOTONIC_COARSE).ok().map(|(s, ns)| s.saturating_mul(1_000_000_000).saturating_add(ns))
}

fn file_key(db: Database) -> Option<FileVersion> {
    let path = CPath::from_bytes(db.path())?;
    sys::stat_at(libc::AT_FDCWD, &path, true).ok().map(|st| FileVersion::of(&st))
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
    let settled = key.settled_at(file_version::now_ns());
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
