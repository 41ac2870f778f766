//! Path resolution as path_resolution(7) describes it, one component at a time.
//!
//! The walk uses `lstat` on growing prefixes (no descriptors, so it works when the
//! process has none left) and follows symbolic links itself by splicing their targets
//! into the rest of the path. It stops at the first component that fails and says why;
//! when it reaches the final component it reports what is there, and leaves the call's
//! own rules (must exist, must not exist, O_NOFOLLOW…) to the caller.

use super::attributes::InodeFlags;
use super::creds::{decide, Creds, Decision, SEARCH};
use crate::decode::{Text, TextState};
use crate::sys::{self, CPath, Stat};

/// The kernel's limit on symbolic links followed in one resolution.
pub const MAXSYMLINKS: usize = 40;
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
    /// Too many links; `repeated` when one of them was met twice (a loop).
    Loop { link: CPath, repeated: bool, limit: usize },
    /// The directory descriptor of an *at call is not open, or not a directory.
    BadDirFd { fd: i32, stat: Option<Stat> },
    /// An error the walk does not explain itself.
    Other { path: CPath, errno: i32 },
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

pub fn resolve_bytes(start: Start, path: &[u8], follow_final: bool, creds: &Creds) -> Outcome {
    let fd = start.fd();
    let mut dir = CPath::new();
    let absolute = path.first() == Some(&b'/');
    let mut dir_stat = if absolute {
        dir.push(b"/");
        stat(fd, &dir, true)?
    } else {
        match start {
            Start::Cwd => stat(fd, &dir, true)?,
            Start::Dir(d) => match sys::stat_fd(d) {
                Ok(st) if is_dir(&st) => st,
                Ok(st) => return Err(Failure::BadDirFd { fd: d, stat: Some(st) }),
                Err(_) => return Err(Failure::BadDirFd { fd: d, stat: None }),
            },
        }
    };
    let mut rest = CPath::from_bytes(path).ok_or(Failure::PathTooLong { len: path.len(), max: PATH_MAX - 1 })?;
    let mut pos = 0;
    let trailing_slash = path.len() > 1 && path.ends_with(b"/");
    let mut links = 0;
    let mut seen: [(u64, u64); MAXSYMLINKS] = [(0, 0); MAXSYMLINKS];
    let mut link: Option<Link> = None;
    let mut dir_flags: Option<InodeFlags> = None;

    loop {
        // Take the next component.
        let bytes = rest.as_bytes();
        while pos < bytes.len() && bytes[pos] == b'/' {
            pos += 1;
        }
        let end = bytes[pos..].iter().position(|&c| c == b'/').map_or(bytes.len(), |i| pos + i);
        if pos == end {
            // Nothing left: the path named a directory ("/", "a/", ".").
            let dir_len = dir.len();
            return Ok(Found {
                start, dir_stat, path: dir, dir_len, name_at: dir_len, dir_only: true,
                stat: Some(dir_stat), link, trailing_slash, final_is_link: false,
                dir_flags, flags: dir_flags,
            });
        }
        let name = &bytes[pos..end];
        let after = end;
        let last = bytes[after..].iter().all(|&c| c == b'/');

        let decision = decide(&dir_stat, SEARCH, creds);
        if !decision.granted {
            return Err(Failure::NoSearch { dir, stat: dir_stat, decision });
        }
        let dir_len = dir.len();
        let mut candidate = dir.clone();
        if candidate.push_component(name).is_none() {
            return Err(Failure::PathTooLong { len: candidate.len() + name.len(), max: PATH_MAX - 1 });
        }
        let name_at = candidate.len() - name.len();
        let (st, flags) = match sys::status_at(fd, &candidate, false) {
            Ok(status) => (status.stat, InodeFlags::reported(&status)),
            Err(libc::ENOENT) if last => {
                return Ok(Found {
                    start, dir_stat, path: candidate, dir_len, name_at, dir_only: false,
                    stat: None, link, trailing_slash, final_is_link: false, dir_flags, flags: None,
                });
            }
            Err(libc::ENOENT) => return Err(Failure::Missing { path: candidate, dir_len, name_at, dir_stat, link }),
            Err(libc::ENOTDIR) => return Err(Failure::NotDir { path: dir, stat: dir_stat }),
            Err(libc::ELOOP) => return Err(Failure::Loop { link: candidate, repeated: false, limit: MAXSYMLINKS }),
            // The file system's NAME_MAX is asked only now: most walks never need it, and
            // each directory of the path may be on a file system with its own limit.
            Err(libc::ENAMETOOLONG) => {
                let max = name_max(fd, &dir);
                if name.len() > max {
                    let name = CPath::from_bytes(name).unwrap_or_default();
                    return Err(Failure::NameTooLong { dir, len: name.len(), name, max });
                }
                return Err(Failure::PathTooLong { len: candidate.len(), max: PATH_MAX - 1 });
            }
            Err(errno) => return Err(Failure::Other { path: candidate, errno }),
        };

        if is_link(&st) && (!last || follow_final || trailing_slash) {
            if links == MAXSYMLINKS {
                let repeated = seen.contains(&(st.st_dev, st.st_ino));
                return Err(Failure::Loop { link: candidate, repeated, limit: MAXSYMLINKS });
            }
            seen[links] = (st.st_dev, st.st_ino);
            links += 1;
            let target = sys::readlink_at(fd, &candidate)
                .map_err(|errno| Failure::Other { path: candidate.clone(), errno })?;
            let mut spliced = CPath::new();
            let overflow = || Failure::PathTooLong { len: target.len() + rest.len(), max: PATH_MAX - 1 };
            spliced.push(target.as_bytes()).ok_or_else(overflow)?;
            spliced.push(b"/").ok_or_else(overflow)?;
            spliced.push(&rest.as_bytes()[after..]).ok_or_else(overflow)?;
            link = Some(Link { path: candidate });
            rest = spliced;
            pos = 0;
            if target.as_bytes().first() == Some(&b'/') {
                dir = CPath::from_bytes(b"/").unwrap_or_default();
                dir_stat = stat(fd, &dir, true)?;
                dir_flags = None;
            }
            continue;
        }
        if last {
            return Ok(Found {
                start, dir_stat, path: candidate, dir_len, name_at, dir_only: false,
                stat: Some(st), link, trailing_slash, final_is_link: is_link(&st), dir_flags, flags,
            });
        }
        if !is_dir(&st) {
            return Err(Failure::NotDir { path: candidate, stat: st });
        }
        dir = candidate;
        dir_stat = st;
        dir_flags = flags;
        pos = after;
    }
}

fn stat(fd: i32, p: &CPath, follow: bool) -> Result<Stat, Failure> {
    sys::stat_at(fd, p, follow).map_err(|errno| Failure::Other { path: p.clone(), errno })
}

/// NAME_MAX of the file system holding `dir` (what pathconf(_PC_NAME_MAX) reports).
fn name_max(fd: i32, dir: &CPath) -> usize {
    let relative_to_fd = fd != libc::AT_FDCWD && dir.as_bytes().first() != Some(&b'/');
    let st = if !relative_to_fd {
        sys::statfs(dir)
    } else if dir.is_empty() {
        sys::fstatfs(fd)
    } else {
        // statfs has no *at form: reach the directory through an O_PATH descriptor.
        sys::open_at(fd, dir, libc::O_PATH | libc::O_DIRECTORY).and_then(|d| sys::fstatfs(d.raw()))
    };
    match st {
        Ok(s) if s.f_namelen > 0 => s.f_namelen as usize,
        _ => 255,
    }
}

/// The target of the symbolic link at `path` (relative to `start`), as readlink gives it.
pub fn link_target(start: Start, path: &CPath) -> Option<CPath> {
    sys::readlink_at(start.fd(), path).ok()
}
