//! Path resolution as path_resolution(7) describes it, one component at a time.
//!
//! The walk asks `statx` (as lstat would, not following links) of growing prefixes: no
//! descriptors, so it works when the process has none left, and statx also tells which
//! components are immutable or append-only. It follows symbolic links itself by
//! splicing their targets into the rest of the path. It stops at the first component
//! that fails and says why;
//! when it reaches the final component it reports what is there, and leaves the call's
//! own rules (must exist, must not exist, O_NOFOLLOW…) to the caller.

use super::attributes::InodeFlags;
use super::creds::{Creds, Decision};
use crate::decode::{Text, TextState};
use crate::sys::{self, CPath, Stat};

/// The kernel's limit on symbolic links followed in one resolution.
pub const MAXSYMLINKS: usize = 40;
/// How far past MAXSYMLINKS a walk goes on counting links, to say how long a chain that
/// is too long really is (and to find a loop that starts late in it).
pub const CHAIN_CAP: usize = 2 * MAXSYMLINKS;
/// PATH_MAX, counting the terminating NUL.
pub const PATH_MAX: usize = libc::PATH_MAX as usize;

/// Where a relative path starts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Start {
    Cwd,
    /// A directory descriptor (the *at calls); AT_FDCWD means Cwd.
    Dir(i32),
}

impl Start {
    pub fn fd(self) -> i32 {
        match self {
            Start::Cwd => libc::AT_FDCWD,
            Start::Dir(fd) => fd,
        }
    }

    pub fn of(dirfd: i32) -> Start {
        if dirfd == libc::AT_FDCWD {
            Start::Cwd
        } else {
            Start::Dir(dirfd)
        }
    }
}

/// A symbolic link that was followed: where it is. What it says is read again when a
/// message needs it (rarely), which keeps every walk's result a path smaller.
#[derive(Clone)]
pub struct Link {
    pub path: CPath,
}

impl Link {
    /// What the link says now.
    pub fn target(&self, start: Start) -> Option<CPath> {
        link_target(start, &self.path)
    }
}

/// The walk reached the final component.
///
/// The directory and the final name are parts of `path`, not copies: a walk's result is
/// moved a few times on its way to the message, and each PATH_MAX buffer costs a copy.
pub struct Found {
    pub start: Start,
    pub dir_stat: Stat,
    /// The path of the final component, usable with `start`.
    pub path: CPath,
    /// `path[..dir_len]` is the directory that holds the final component ("" is the
    /// start directory); `path[name_at..]` is the final component.
    dir_len: usize,
    name_at: usize,
    /// The path names a directory only ("/", "a/", "."): `path` is that directory.
    dir_only: bool,
    /// What is there (after following links when asked); None when nothing is.
    pub stat: Option<Stat>,
    /// The last symbolic link followed on the way, if any.
    pub link: Option<Link>,
    /// The path ended in '/', so the final component must be a directory.
    pub trailing_slash: bool,
    /// The final component is a symbolic link that was not followed.
    pub final_is_link: bool,
    /// The immutable and append-only attributes of the directory and of the final
    /// component, when the walk's statx reported them (ask `attributes` otherwise).
    pub dir_flags: Option<InodeFlags>,
    pub flags: Option<InodeFlags>,
}

impl Found {
    /// The directory that holds the final component ("" is the start directory).
    pub fn dir(&self) -> &[u8] {
        &self.path.as_bytes()[..self.dir_len]
    }

    /// The same, as a path for the kernel.
    pub fn dir_path(&self) -> CPath {
        CPath::from_bytes(self.dir()).unwrap_or_default()
    }

    /// The final component's immutable and append-only attributes: the walk's, or asked
    /// now when its statx did not report them. None when nothing is there.
    pub fn attributes(&self) -> Option<InodeFlags> {
        let st = self.stat?;
        Some(self.flags.unwrap_or_else(|| super::attributes::inode_flags(self.start.fd(), &self.path, libc::AT_SYMLINK_NOFOLLOW, &st)))
    }

    /// The final component ("." or "/" when the path names a directory only).
    pub fn name(&self) -> &[u8] {
        match (self.dir_only, self.dir()) {
            (true, b"/") => b"/",
            (true, _) => b".",
            (false, _) => &self.path.as_bytes()[self.name_at..],
        }
    }
}

/// Why the walk stopped before the final component.
pub enum Failure {
    Null,
    Unreadable,
    Empty,
    PathTooLong { len: usize, max: usize },
    NameTooLong { dir: CPath, name: CPath, len: usize, max: usize },
    /// A directory component does not exist: `path[..dir_len]` is the directory that
    /// lacks it, `path[name_at..]` its name.
    Missing { path: CPath, dir_len: usize, name_at: usize, dir_stat: Stat, link: Option<Link> },
    /// A component used as a directory is something else.
    NotDir { path: CPath, stat: Stat },
    /// A directory may not be searched.
    NoSearch { dir: CPath, stat: Stat, decision: Decision },
    /// Too many links. `repeated`: a loop, of which `link` is the first link met twice
    /// and `count` the number of links around it. Otherwise a chain longer than `limit`:
    /// `link` is the first link beyond the limit, `count` the length of the chain (0 when
    /// unknown), `capped` when the walk stopped counting at CHAIN_CAP.
    Loop { link: CPath, repeated: bool, limit: usize, count: usize, capped: bool },
    /// The directory descriptor of an *at call is not open, or not a directory.
    BadDirFd { fd: i32, stat: Option<Stat> },
    /// An error the walk does not explain itself.
    Other { path: CPath, errno: i32 },
}

impl Failure {
    /// The errno the kernel gives for this failure of a path lookup.
    pub fn errno(&self) -> i32 {
        match self {
            Failure::Null | Failure::Unreadable => libc::EFAULT,
            Failure::Empty | Failure::Missing { .. } => libc::ENOENT,
            Failure::PathTooLong { .. } | Failure::NameTooLong { .. } => libc::ENAMETOOLONG,
            Failure::NotDir { .. } | Failure::BadDirFd { stat: Some(_), .. } => libc::ENOTDIR,
            Failure::NoSearch { .. } => libc::EACCES,
            Failure::Loop { .. } => libc::ELOOP,
            Failure::BadDirFd { stat: None, .. } => libc::EBADF,
            Failure::Other { errno, .. } => *errno,
        }
    }

    /// The status of the deepest directory the walk reached, when it kept one: the file
    /// system a postmortem of ENOSPC or EROFS can still name.
    pub fn dir_stat(&self) -> Option<&Stat> {
        match self {
            Failure::Missing { dir_stat, .. } => Some(dir_stat),
            Failure::NoSearch { stat, .. } => Some(stat),
            _ => None,
        }
    }
}

pub type Outcome = Result<Found, Failure>;

pub fn is_dir(st: &Stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFDIR
}

pub fn is_link(st: &Stat) -> bool {
    st.st_mode & libc::S_IFMT == libc::S_IFLNK
}

/// Walks `path` from `start`. `follow_final` follows a final symbolic link.
pub fn resolve(start: Start, path: &Text, follow_final: bool) -> Outcome {
    resolve_as(start, path, follow_final, &Creds::current())
}

/// The same walk with search permission decided for `creds` (access(2) walks with the
/// real user and group).
pub fn resolve_as(start: Start, path: &Text, follow_final: bool, creds: &Creds) -> Outcome {
    match path.state {
        TextState::Null => return Err(Failure::Null),
        TextState::Unreadable => return Err(Failure::Unreadable),
        TextState::Ok => {}
    }
    if path.len == 0 {
        return Err(Failure::Empty);
    }
    if path.len >= PATH_MAX {
        return Err(Failure::PathTooLong { len: path.len, max: PATH_MAX - 1 });
    }
    resolve_bytes(start, path.bytes(), follow_final, creds)
}

mod walk;
pub use walk::{resolve_bytes, resolve_traced};

/// The target of the symbolic link at `path` (relative to `start`), as readlink gives it.
pub fn link_target(start: Start, path: &CPath) -> Option<CPath> {
    sys::readlink_at(start.fd(), path).ok()
}
