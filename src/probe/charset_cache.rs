//! Answers of charsets::lookup kept between explanations, so that a program that asks
//! iconv_open for the same unknown character set again and again (a converter in a loop,
//! a log storm) does not read and compare every name of glibc's gconv-modules files
//! each time (issue 11's bench: 16 times the cost of reading the files once).
//!
//! An answer belongs to one version of the files that hold the names: the gconv
//! directory, its gconv-modules, its gconv-modules.d and the .conf files in it
//! (file_version), asked again on every lookup (a few stats, no reading) and read before
//! the names are, and kept only when all of them had settled. Memory is fixed; the lock
//! is only tried, as in name_cache.

use super::charsets::Name;
use super::file_version::FileVersion;
use crate::sys::{self, CPath};
use std::sync::Mutex;

/// The gconv directory, gconv-modules, gconv-modules.d and up to three .conf files:
/// more files than that are not cached from.
const FILES: usize = 6;
const SLOTS: usize = 4;

/// The versions of the files the names come from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Files {
    versions: [FileVersion; FILES],
    count: usize,
}

impl Files {
    fn push(&mut self, v: FileVersion) -> Option<()> {
        *self.versions.get_mut(self.count)? = v;
        self.count += 1;
        Some(())
    }
}

/// What lookup found for one name.
#[derive(Clone, Copy)]
pub struct Answer {
    pub known: bool,
    pub nearest: Option<Name>,
}

struct Held {
    files: Files,
    entries: [Option<(Name, Answer)>; SLOTS],
    next: usize,
}

const NO_FILES: Files = Files { versions: [FileVersion::NONE; FILES], count: 0 };
static HELD: Mutex<Held> = Mutex::new(Held { files: NO_FILES, entries: [None; SLOTS], next: 0 });

/// The versions of the gconv-modules files of `dir` now; None when they cannot all be
/// known (gconv-modules missing, too many .conf files).
pub fn files(dir: &[u8]) -> Option<Files> {
    let mut f = NO_FILES;
    let stat = |p: &CPath| sys::stat_at(libc::AT_FDCWD, p, true).ok().map(|st| FileVersion::of(&st));
    let mut path = CPath::from_bytes(dir)?;
    f.push(stat(&path)?)?;
    path.push(b"/gconv-modules")?;
    f.push(stat(&path)?)?;
    let mut sub = CPath::from_bytes(dir)?;
    sub.push(b"/gconv-modules.d")?;
    // Without the directory, the gconv directory's own version shows it appearing.
    let Ok(fd) = sys::open_at(libc::AT_FDCWD, &sub, libc::O_RDONLY | libc::O_DIRECTORY) else { return Some(f) };
    f.push(FileVersion::of(&sys::stat_fd(fd.raw()).ok()?))?;
    let mut complete = true;
    let _ = sys::for_each_entry_fd(fd.raw(), |entry, _| {
        if !entry.ends_with(b".conf") {
            return true;
        }
        let version = CPath::from_bytes(entry).and_then(|e| sys::stat_at(fd.raw(), &e, true).ok());
        complete = version.is_some_and(|st| f.push(FileVersion::of(&st)).is_some());
        complete
    });
    complete.then_some(f)
}

/// The answer held for `want` under these versions of the files.
pub fn get(files: &Files, want: &Name) -> Option<Answer> {
    let held = HELD.try_lock().ok()?;
    let _shown = sys::valgrind::LockShown::taken(&HELD);
    if held.files != *files {
        return None;
    }
    held.entries.iter().flatten().find(|(n, _)| n.as_bytes() == want.as_bytes()).map(|(_, a)| *a)
}

/// Keeps `answer` for `want`, found in the files whose versions were `files` before
/// they were read at `read_at` (file_version::now_ns), when they had all settled.
pub fn put(files: &Files, read_at: Option<i128>, want: &Name, answer: Answer) {
    if !files.versions[..files.count].iter().all(|v| v.settled_at(read_at)) {
        return;
    }
    let Ok(mut held) = HELD.try_lock() else { return };
    let _shown = sys::valgrind::LockShown::taken(&HELD);
    if held.files != *files {
        held.files = *files;
        held.entries = [None; SLOTS];
        held.next = 0;
    }
    let i = held.next;
    held.entries[i] = Some((*want, answer));
    held.next = (i + 1) % SLOTS;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("explain-charset-cache-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("gconv-modules.d")).unwrap();
        std::fs::write(d.join("gconv-modules"), "alias LATIN1// ISO-8859-1//\n").unwrap();
        std::fs::write(d.join("gconv-modules.d/a.conf"), "alias X// Y//\n").unwrap();
        d
    }

    fn files_of(d: &std::path::Path) -> Files {
        files(d.to_str().unwrap().as_bytes()).expect("the files' versions")
    }

    #[test]
    fn the_key_changes_with_any_conf_file() {
        let d = scratch("key");
        let before = files_of(&d);
        assert!(before == files_of(&d));
        std::fs::write(d.join("gconv-modules.d/a.conf"), "alias X// Y//\nalias Z// Y//\n").unwrap();
        let edited = files_of(&d);
        assert!(edited != before, "an edited .conf file must change the key");
        std::fs::write(d.join("gconv-modules.d/b.conf"), "alias W// Y//\n").unwrap();
        assert!(files_of(&d) != edited, "a new .conf file must change the key");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn an_answer_is_kept_only_for_settled_files_and_served_only_for_the_same_ones() {
        let want = Name::new(b"NO-SUCH-CHARSET-FOR-THE-CACHE-TEST").unwrap();
        let answer = Answer { known: false, nearest: Name::new(b"UTF-8") };
        // Files changed a moment ago have not settled: nothing is kept.
        let d = scratch("settle");
        let fresh = files_of(&d);
        put(&fresh, crate::probe::file_version::now_ns(), &want, answer);
        assert!(get(&fresh, &want).is_none());
        let _ = std::fs::remove_dir_all(&d);
        // The system's gconv files have: kept, and served for them alone. (The lock is
        // only tried: other tests' lookups may hold it for a moment.)
        let Some(system) = files(b"/usr/lib/x86_64-linux-gnu/gconv") else { return };
        let served = (0..1000).any(|_| {
            put(&system, crate::probe::file_version::now_ns(), &want, answer);
            get(&system, &want).is_some_and(|a| !a.known && a.nearest.is_some_and(|n| n.as_bytes() == b"UTF-8"))
        });
        assert!(served);
        assert!(get(&fresh, &want).is_none(), "served for other files");
    }
}
