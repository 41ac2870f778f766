//! Who may change a file's mode, owner, group and times: the kernel's rules
//! (notify_change, setattr_prepare, chown_ok, chgrp_ok, inode_owner_or_capable) as facts
//! for chmod(2), chown(2), utime(2) and their variants.

use super::attributes::inode_flags;
use super::creds::{decide, Creds, Decision, CAP_CHOWN, CAP_FOWNER, WRITE};
use super::path::{Found, Start};
use super::times::Times;
use crate::decode::Text;
use crate::sys::{self, CPath, Stat};

/// The file a call changes: named by a path, or an open descriptor.
pub enum Target<'a> {
    Path { start: Start, path: &'a Text, follow: bool },
    /// fchmod, fchown, futimens…, and the *at calls asked about `dirfd` itself.
    Fd(i32),
}

/// The target of an *at call (fchownat, utimensat…): `dirfd` itself when `pathname` is
/// empty and flags hold AT_EMPTY_PATH; else `pathname` from `dirfd`, following a final
/// symbolic link unless AT_SYMLINK_NOFOLLOW.
/// With AT_FDCWD that is the current directory (`Target::Fd(AT_FDCWD)`).
pub fn at_target(dirfd: i32, pathname: &Text, flags: i32) -> Target<'_> {
    if pathname.is_ok() && pathname.len == 0 && flags & libc::AT_EMPTY_PATH != 0 {
        return Target::Fd(dirfd);
    }
    Target::Path { start: Start::of(dirfd), path: pathname, follow: flags & libc::AT_SYMLINK_NOFOLLOW == 0 }
}

pub use super::attributes::InodeFlags;

/// The file itself, as the call found it.
pub struct Subject {
    pub stat: Stat,
    pub flags: InodeFlags,
    /// Where the path led (path targets).
    pub found: Option<Found>,
    /// The descriptor (descriptor targets).
    pub fd: Option<i32>,
}

impl Subject {
    /// The file `found` reached by a walk (a link itself, or its target, as the walk
    /// was asked); None when nothing is there.
    pub fn at(found: Found) -> Option<Subject> {
        let stat = found.stat?;
        let flags = found.attributes()?;
        Some(Subject { stat, flags, found: Some(found), fd: None })
    }

    /// The file open on `fd` (the current directory for AT_FDCWD); None when `fd` is
    /// not open.
    pub fn of_fd(fd: i32) -> Option<Subject> {
        if fd == libc::AT_FDCWD {
            let dot = CPath::from_bytes(b".")?;
            let stat = sys::stat_at(fd, &dot, true).ok()?;
            return Some(Subject { stat, flags: inode_flags(fd, &dot, 0, &stat), found: None, fd: Some(fd) });
        }
        let facts = super::fd::facts(fd)?;
        let stat = facts.stat?;
        let flags = inode_flags(fd, &CPath::new(), libc::AT_EMPTY_PATH, &stat);
        Some(Subject { stat, flags, found: None, fd: Some(fd) })
    }
}

/// Why the kernel refused a change (EPERM), in the order it checks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
    Immutable,
    AppendOnly,
    /// Only the owner, or a process with `cap`, may make this change.
    NotOwner { owner: u32, cap: u32 },
    /// Giving the file to another user needs CAP_CHOWN, even for its owner.
    OwnerChange { owner: u32, new_owner: u32 },
    /// The owner may change the group only to one of its own groups.
    NotMember { group: u32 },
}

fn inode_refusal(s: &Subject, append_refuses: bool) -> Option<Refusal> {
    if s.flags.immutable {
        Some(Refusal::Immutable)
    } else if s.flags.append_only && append_refuses {
        Some(Refusal::AppendOnly)
    } else {
        None
    }
}

/// chmod: immutable or append-only files refuse; otherwise the owner or CAP_FOWNER.
pub fn chmod_refusal(s: &Subject, c: &Creds) -> Option<Refusal> {
    inode_refusal(s, true).or_else(|| {
        (c.uid != s.stat.st_uid && !c.has_cap(CAP_FOWNER)).then_some(Refusal::NotOwner { owner: s.stat.st_uid, cap: CAP_FOWNER })
    })
}

/// chown: `owner`/`group` of -1 leave that id alone. Only CAP_CHOWN changes the owner
/// (the owner may "change" it to itself); the owner may change the group to a group it
/// is a member of.
pub fn chown_refusal(s: &Subject, owner: i32, group: i32, c: &Creds) -> Option<Refusal> {
    if owner == -1 && group == -1 {
        return None;
    }
    if let Some(r) = inode_refusal(s, true) {
        return Some(r);
    }
    if c.has_cap(CAP_CHOWN) {
        return None;
    }
    let file_owner = s.stat.st_uid;
    if owner != -1 && !(c.uid == file_owner && owner as u32 == file_owner) {
        return Some(if c.uid == file_owner {
            Refusal::OwnerChange { owner: file_owner, new_owner: owner as u32 }
        } else {
            Refusal::NotOwner { owner: file_owner, cap: CAP_CHOWN }
        });
    }
    if group != -1 {
        if c.uid != file_owner {
            return Some(Refusal::NotOwner { owner: file_owner, cap: CAP_CHOWN });
        }
        if group as u32 != s.stat.st_gid && !c.in_group(group as u32) {
            return Some(Refusal::NotMember { group: group as u32 });
        }
    }
    None
}

/// utime family, EPERM: an immutable file refuses any time change; explicit times (not
/// both the current time) also refuse on append-only files, and need the owner or
/// CAP_FOWNER.
pub fn times_refusal(s: &Subject, times: &Times, c: &Creds) -> Option<Refusal> {
    let touch = times.is_touch();
    inode_refusal(s, !touch).or_else(|| {
        (!touch && c.uid != s.stat.st_uid && !c.has_cap(CAP_FOWNER))
            .then_some(Refusal::NotOwner { owner: s.stat.st_uid, cap: CAP_FOWNER })
    })
}

/// utime family, EACCES: setting both times to now needs the owner, CAP_FOWNER, or
/// write permission. The write decision when all of them are missing.
pub fn touch_denied(s: &Subject, c: &Creds) -> Option<Decision> {
    if c.uid == s.stat.st_uid || c.has_cap(CAP_FOWNER) {
        return None;
    }
    Some(decide(&s.stat, WRITE, c)).filter(|d| !d.granted)
}
