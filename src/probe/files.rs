//! Which process uses a file.

use crate::sys::{self, CPath, Stat};

/// How a process uses a file, by the /proc/PID link that refers to it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Use {
    /// Its running program (/proc/PID/exe).
    Program,
    /// Its current working directory (/proc/PID/cwd).
    Cwd,
    /// Its root directory, after chroot (/proc/PID/root).
    Root,
}

impl Use {
    fn link(self) -> &'static [u8] {
        match self {
            Use::Program => b"/exe",
            Use::Cwd => b"/cwd",
            Use::Root => b"/root",
        }
    }
}

/// The first process (other than the caller when `others_only`) whose `uses` link refers
/// to the file `st`, and which use it is.
pub fn process_using(st: &Stat, uses: &[Use], others_only: bool) -> Option<(i32, Use)> {
    let proc_dir = CPath::from_bytes(b"/proc")?;
    let me = sys::getpid();
    let mut found = None;
    let _ = sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        if name.is_empty() || !name.iter().all(u8::is_ascii_digit) {
            return true;
        }
        let Some(pid) = super::lines::number(name).map(|p| p as i32) else { return true };
        if others_only && pid == me {
            return true;
        }
        for &u in uses {
            let mut link = CPath::from_bytes(b"/proc/").unwrap_or_default();
            if link.push(name).and_then(|_| link.push(u.link())).is_none() {
                return true;
            }
            if let Ok(e) = sys::stat_at(libc::AT_FDCWD, &link, true) {
                if e.st_dev == st.st_dev && e.st_ino == st.st_ino {
                    found = Some((pid, u));
                    return false;
                }
            }
        }
        true
    });
    found
}

/// A process whose running program is the file `st` (ETXTBSY).
pub fn process_running(st: &Stat) -> Option<i32> {
    process_using(st, &[Use::Program], false).map(|(pid, _)| pid)
}

/// Calls `f(pid, pid_name, fd_name)` for each descriptor of another process that refers
/// to the file `st` (its /proc/PID/fd link), until `f` returns false. Processes of other
/// users are visible only to a privileged caller.
pub fn for_each_descriptor_on(st: &Stat, mut f: impl FnMut(i32, &[u8], &[u8]) -> bool) {
    let Some(proc_dir) = CPath::from_bytes(b"/proc") else { return };
    let me = sys::getpid();
    let mut go_on = true;
    let _ = sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        let Some(pid) = super::lines::number(name).filter(|_| name.iter().all(u8::is_ascii_digit)).map(|p| p as i32) else {
            return true;
        };
        if pid == me {
            return true;
        }
        let mut dir = CPath::from_bytes(b"/proc/").unwrap_or_default();
        if dir.push(name).and_then(|_| dir.push(b"/fd")).is_none() {
            return true;
        }
        let _ = sys::for_each_entry(libc::AT_FDCWD, &dir, |fd_name, _| {
            let mut link = dir.clone();
            if !fd_name.iter().all(u8::is_ascii_digit) || link.push(b"/").and_then(|_| link.push(fd_name)).is_none() {
                return true;
            }
            if let Ok(e) = sys::stat_at(libc::AT_FDCWD, &link, true) {
                if e.st_dev == st.st_dev && e.st_ino == st.st_ino {
                    go_on = f(pid, name, fd_name);
                }
            }
            go_on
        });
        go_on
    });
}

/// Another process with a descriptor open on the file `st`.
pub fn process_with_open(st: &Stat) -> Option<i32> {
    let mut found = None;
    for_each_descriptor_on(st, |pid, _, _| {
        found = Some(pid);
        false
    });
    found
}

/// A file that was deleted while a process still had it open: its space stays in use
/// until the last descriptor on it is closed.
#[derive(Clone, Copy, Default)]
pub struct DeletedOpen {
    pub pid: i32,
    pub fd: i32,
    pub ino: u64,
    /// The space it holds (st_blocks), in bytes.
    pub bytes: u64,
}

/// The deleted-but-open files on the file system `dev`, found through every process's
/// /proc/PID/fd (other users' processes only when privileged).
#[derive(Default)]
pub struct DeletedHeld {
    /// How many distinct files, and the space they hold together.
    pub files: usize,
    pub bytes: u64,
    /// The largest, largest first.
    pub largest: [Option<DeletedOpen>; 3],
}

/// How many distinct files are told apart; beyond that a file open in several places
/// may be counted more than once.
const DISTINCT: usize = 64;

/// Scans /proc for descriptors on files of `dev` that have no name left (st_nlink 0:
/// /proc shows their link as "… (deleted)"). No heap; one statx per descriptor.
pub fn deleted_open_on(dev: u64) -> DeletedHeld {
    let mut held = DeletedHeld::default();
    let mut seen = [0u64; DISTINCT];
    let mut distinct = 0;
    let Some(proc_dir) = CPath::from_bytes(b"/proc") else { return held };
    let _ = sys::for_each_entry(libc::AT_FDCWD, &proc_dir, |name, _| {
        let Some(pid) = super::lines::number(name).filter(|_| name.iter().all(u8::is_ascii_digit)).map(|p| p as i32) else {
            return true;
        };
        let mut dir = CPath::from_bytes(b"/proc/").unwrap_or_default();
        if dir.push(name).and_then(|_| dir.push(b"/fd")).is_none() {
            return true;
        }
        let _ = sys::for_each_entry(libc::AT_FDCWD, &dir, |fd_name, _| {
            let Some(fd) = super::lines::number(fd_name).filter(|_| fd_name.iter().all(u8::is_ascii_digit)).map(|n| n as i32) else {
                return true;
            };
            let mut link = dir.clone();
            if link.push(b"/").and_then(|_| link.push(fd_name)).is_none() {
                return true;
            }
            let Ok(st) = sys::stat_at(libc::AT_FDCWD, &link, true) else { return true };
            if st.st_dev != dev || st.st_nlink != 0 || st.st_mode & libc::S_IFMT != libc::S_IFREG {
                return true;
            }
            if seen[..distinct].contains(&st.st_ino) {
                return true;
            }
            if distinct < DISTINCT {
                seen[distinct] = st.st_ino;
                distinct += 1;
            }
            let d = DeletedOpen { pid, fd, ino: st.st_ino, bytes: st.st_blocks as u64 * 512 };
            held.files += 1;
            held.bytes += d.bytes;
            if let Some(at) = held.largest.iter().position(|l| l.map_or(true, |l| l.bytes < d.bytes)) {
                let n = held.largest.len();
                held.largest.copy_within(at..n - 1, at + 1);
                held.largest[at] = Some(d);
            }
            true
        });
        true
    });
    held
}

/// The name a deleted open file had: its /proc/PID/fd link without " (deleted)".
pub fn deleted_name(d: &DeletedOpen) -> Option<CPath> {
    let mut link = CPath::from_bytes(b"/proc/")?;
    link.push(crate::decode::decimal(d.pid as u64, &mut [0; 20]))?;
    link.push(b"/fd/")?;
    link.push(crate::decode::decimal(d.fd as u64, &mut [0; 20]))?;
    let target = sys::readlink_at(libc::AT_FDCWD, &link).ok()?;
    CPath::from_bytes(target.as_bytes().strip_suffix(b" (deleted)").unwrap_or(target.as_bytes()))
}
