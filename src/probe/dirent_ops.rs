//! Facts shared by the calls that add or remove directory entries (rename, unlink,
//! mkdir, rmdir, link, symlink…): who may change a directory, what a directory holds,
//! whether a path is a mount point or in use, how many links a directory may have.

use super::creds::{decide, Creds, Decision, SEARCH, WRITE};
use super::mounts::{mount_of, Mount};
use super::path::{is_dir, Found, Start};
use super::attributes::InodeFlags;
use crate::sys::{self, CPath, Stat};

/// chattr(1) attributes the kernel enforces on entries (linux/fs.h); statx's
/// STATX_ATTR_IMMUTABLE and STATX_ATTR_APPEND have the same values.

/// Why the kernel refuses to change a directory entry, in the order it checks
/// (may_delete / may_create in fs/namei.c). DirDenied and DotDotDenied are EACCES,
/// the others EPERM.
#[derive(Clone, Copy)]
pub enum Refusal {
    /// The directory holding the entry is immutable (chattr +i): EPERM.
    DirImmutable { dir: Stat },
    /// No write and search permission on the directory: EACCES.
    DirDenied { dir: Stat, decision: Decision },
    /// The directory is append-only (chattr +a): entries may be added, not removed.
    DirAppendOnly { dir: Stat },
    /// The directory is sticky and the caller owns neither it nor the file.
    Sticky { dir: Stat, file: Stat },
    /// The file itself is immutable or append-only.
    FileImmutable { file: Stat },
    FileAppendOnly { file: Stat },
    /// A directory moved to another parent has its ".." entry rewritten, which needs
    /// write permission on the directory itself.
    DotDotDenied { dir: Stat, decision: Decision },
}

/// The immutable and append-only attributes of the file at `path` (not following a link).
pub fn inode_flags(start: Start, path: &CPath, st: &Stat) -> InodeFlags {
    super::attributes::inode_flags(start.fd(), path, libc::AT_SYMLINK_NOFOLLOW, st)
}

/// The directory's attributes: from the walk when it had them.
fn dir_flags(found: &Found) -> InodeFlags {
    found.dir_flags.unwrap_or_else(|| inode_flags(found.start, &found.dir_path(), &found.dir_stat))
}

/// Whether adding an entry named by `found` to its directory is refused.
pub fn creation_refused(found: &Found, creds: &Creds) -> Option<Refusal> {
    let dir = found.dir_stat;
    if dir_flags(found).immutable {
        return Some(Refusal::DirImmutable { dir });
    }
    let decision = decide(&dir, WRITE | SEARCH, creds);
    (!decision.granted).then_some(Refusal::DirDenied { dir, decision })
}

/// Whether removing the existing entry named by `found` from its directory is refused.
pub fn removal_refused(found: &Found, creds: &Creds) -> Option<Refusal> {
    let dir = found.dir_stat;
    let dir_flags = dir_flags(found);
    if dir_flags.immutable {
        return Some(Refusal::DirImmutable { dir });
    }
    let decision = decide(&dir, WRITE | SEARCH, creds);
    if !decision.granted {
        return Some(Refusal::DirDenied { dir, decision });
    }
    if dir_flags.append_only {
        return Some(Refusal::DirAppendOnly { dir });
    }
    let file = found.stat?;
    if super::creds::sticky_denies(&dir, &file, creds) {
        return Some(Refusal::Sticky { dir, file });
    }
    let flags = found.flags.unwrap_or_else(|| inode_flags(found.start, &found.path, &file));
    if flags.immutable {
        return Some(Refusal::FileImmutable { file });
    }
    flags.append_only.then_some(Refusal::FileAppendOnly { file })
}

/// rename(2) of a directory to another parent: write permission on the directory itself.
pub fn dotdot_refused(old: &Found, new: &Found, creds: &Creds) -> Option<Refusal> {
    let st = old.stat.filter(is_dir)?;
    if same(&old.dir_stat, &new.dir_stat) {
        return None;
    }
    let decision = decide(&st, WRITE, creds);
    (!decision.granted).then_some(Refusal::DotDotDenied { dir: st, decision })
}

pub fn same(a: &Stat, b: &Stat) -> bool {
    a.st_dev == b.st_dev && a.st_ino == b.st_ino
}

/// What a directory holds: how many entries besides "." and "..", and the first few names.
pub struct Entries {
    pub count: usize,
    pub names: [CPath; 3],
    pub shown: usize,
}

/// Counting stops here, so a huge directory costs a bounded time.
pub const MAX_COUNTED: usize = 100_000;

pub fn entries(start: Start, dir: &CPath) -> Option<Entries> {
    let mut e = Entries { count: 0, names: [CPath::new(), CPath::new(), CPath::new()], shown: 0 };
    sys::for_each_entry(start.fd(), dir, |name, _| {
        if name != b"." && name != b".." {
            if e.shown < e.names.len() {
                if let Some(p) = CPath::from_bytes(name) {
                    e.names[e.shown] = p;
                    e.shown += 1;
                }
            }
            e.count += 1;
        }
        e.count < MAX_COUNTED
    })
    .ok()?;
    Some(e)
}

/// The mount whose root is the directory at `path` (with stat `st`), if it is one: its
/// parent is on another device, or is itself (the root of a namespace).
pub fn mounted_here(start: Start, path: &CPath, st: &Stat) -> Option<Mount> {
    if !is_dir(st) {
        return None;
    }
    let mut parent = path.clone();
    parent.push_component(b"..")?;
    let up = sys::stat_at(start.fd(), &parent, true).ok()?;
    if up.st_dev != st.st_dev || same(&up, st) {
        mount_of(st)
    } else {
        None
    }
}

/// Whether the directory `dir` (relative to `start`) is `st` or lies below it: walks up
/// through ".." until the root. Used for "a directory cannot be moved into itself".
pub fn is_within(start: Start, dir: &CPath, st: &Stat) -> bool {
    let mut p = dir.clone();
    if p.is_empty() {
        p.push(b".");
    }
    let mut prev: Option<Stat> = None;
    for _ in 0..(super::path::PATH_MAX / 3) {
        let Ok(here) = sys::stat_at(start.fd(), &p, true) else { return false };
        if same(&here, st) {
            return true;
        }
        if prev.map_or(false, |q| same(&q, &here)) || p.push_component(b"..").is_none() {
            return false;
        }
        prev = Some(here);
    }
    false
}

/// The most hard links a file may have on the file system holding `st`
/// (what pathconf(_PC_LINK_MAX) answers), by the file system's magic number.
pub fn link_max(mnt: &Mount) -> Option<u64> {
    let magic = mnt.stat?.f_type as u64;
    match magic {
        0xEF53 => Some(if mnt.fstype() == b"ext4" { 65_000 } else { 32_000 }),
        0x5846_5342 => Some(u32::MAX as u64),  // xfs
        0x9123_683E => Some(65_535),            // btrfs
        0x0102_1994 => Some(u32::MAX as u64),  // tmpfs
        0x4d44 => Some(1),                      // vfat: no hard links
        _ => None,
    }
}

/// Whether rename(old, new) is refused: removal from the old directory, replacement or
/// creation in the new one, then the moved directory's "..". The flag is true when
/// the refusal concerns newpath.
pub fn rename_refused(old: &Found, new: &Found, creds: &Creds) -> Option<(Refusal, bool)> {
    if let Some(r) = removal_refused(old, creds) {
        return Some((r, false));
    }
    let at_new = if new.stat.is_some() { removal_refused(new, creds) } else { creation_refused(new, creds) };
    if let Some(r) = at_new {
        return Some((r, true));
    }
    dotdot_refused(old, new, creds).map(|r| (r, false))
}
