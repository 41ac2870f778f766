//! Adding and removing directory entries, in words: refusals, contents, mount points,
//! directories in use, link counts.

use super::{access, fs, ids, location};
use crate::message::Message;
use crate::probe::creds::{Creds, CAP_FOWNER};
use crate::probe::dirent_ops::{self, Entries, Refusal};
use crate::probe::files::{self, Use};
use crate::probe::fd::type_name;
use crate::probe::mounts::{mount_of, Mount};
use super::path::final_is;
use crate::probe::path::{link_target, Found, Start};

/// Explains a refusal; `what` is the operation, as in "removing \"x\"".
pub fn refusal(m: &mut Message, r: &Refusal, found: &Found, creds: &Creds, what: impl FnOnce(&mut Message)) {
    m.because();
    let dir = |m: &mut Message| location::directory(m, found.start, found.dir());
    match r {
        Refusal::DirImmutable { .. } => {
            dir(m);
            m.text(" is immutable (chattr +i): no entry in it may be added, removed or renamed, even by root, until the attribute is cleared");
        }
        Refusal::DirDenied { dir: st, decision } => {
            access::denied(m, st, decision, creds, dir);
            m.text(", which ");
            what(m);
            m.text(" needs");
        }
        Refusal::DirAppendOnly { .. } => {
            dir(m);
            m.text(" is append-only (chattr +a): entries may be added to it, never removed or renamed");
        }
        Refusal::Sticky { dir: d, file } => {
            dir(m);
            m.text(" has the sticky bit set (mode ");
            let _ = core::fmt::write(m, format_args!("0{:o}", d.st_mode & 0o7777));
            m.text("), so only the file's owner (");
            ids::user(m, file.st_uid);
            m.text(") or the directory's owner (");
            ids::user(m, d.st_uid);
            m.text(") may remove or rename ");
            m.quoted(found.name());
            m.text(", and the process's effective user is ");
            ids::user(m, creds.uid);
            m.text(" without the ");
            m.text(crate::probe::creds::capability_name(CAP_FOWNER));
            m.text(" capability that would override this");
        }
        Refusal::FileImmutable { .. } => {
            final_is(m, found, "immutable (chattr +i): it cannot be removed, renamed or linked, even by root, until the attribute is cleared (chattr -i)");
        }
        Refusal::FileAppendOnly { .. } => {
            final_is(m, found, "append-only (chattr +a): it may only grow, never be removed or renamed, until the attribute is cleared (chattr -a)");
        }
        Refusal::DotDotDenied { dir: st, decision } => {
            access::denied(m, st, decision, creds, |m| location::path(m, found.start, found.path.as_bytes()));
            m.text(", which moving this directory to another directory needs, to rewrite its \"..\" entry");
        }
    }
}

/// An EACCES or EPERM none of the known refusals accounts for.
pub fn unexplained_refusal(m: &mut Message, errnum: i32) {
    m.because();
    if errnum == libc::EPERM {
        m.text("the permission bits, the sticky bit and the file attributes would allow it, so the file system or a security module (SELinux, AppArmor) refused it");
    } else {
        m.text("the permission bits would allow it, so an access control list or a security module (SELinux, AppArmor) refused it");
    }
}

/// `the "/x" directory holds 3 entries, among them "a" and "b"`.
pub fn contents(m: &mut Message, found: &Found, e: &Entries) {
    m.because();
    location::path(m, found.start, found.path.as_bytes());
    if e.count == 0 {
        m.text(" was not empty when the call was made, though it is empty now");
        return;
    }
    let more = if e.count >= dirent_ops::MAX_COUNTED { " or more" } else { "" };
    let _ = core::fmt::write(m, format_args!(" is a directory holding {}{} entr{}", e.count, more, if e.count == 1 { "y" } else { "ies" }));
    m.text(if e.count == 1 { ", " } else { ", among them " });
    for (i, name) in e.names[..e.shown].iter().enumerate() {
        if i > 0 {
            m.text(if i + 1 == e.shown { " and " } else { ", " });
        }
        m.quoted(name.as_bytes());
    }
    m.text(", and only an empty directory can be removed or replaced");
}

/// `"/mnt/x" is the mount point of the "tmpfs" file system …`.
pub fn mount_point(m: &mut Message, found: &Found, mnt: &Mount) {
    location::path(m, found.start, found.path.as_bytes());
    m.text(" is in use as a mount point: ");
    fs::mount(m, mnt);
    m.text(" (unmount it first with umount)");
}

/// `"/x" is the current directory of process 123 "bash"`.
pub fn in_use(m: &mut Message, found: &Found, pid: i32, how: Use) {
    location::path(m, found.start, found.path.as_bytes());
    m.text(match how {
        Use::Cwd => " is the current working directory of process ",
        Use::Root => " is the root directory (chroot) of process ",
        Use::Program => " is the running program of process ",
    });
    ids::process(m, pid);
}

/// EBUSY for removing or replacing a directory: mount point, or some process's cwd/root.
pub fn busy(m: &mut Message, found: &Found) -> bool {
    let Some(st) = found.stat else { return false };
    if let Some(mnt) = dirent_ops::mounted_here(found.start, &found.path, &st) {
        m.because();
        mount_point(m, found, &mnt);
        return true;
    }
    if let Some((pid, how)) = files::process_using(&st, &[Use::Root, Use::Cwd], false) {
        m.because();
        in_use(m, found, pid, how);
        return true;
    }
    false
}

/// EMLINK: the directory `dir` has as many links as its file system allows.
pub fn too_many_links(m: &mut Message, start: Start, dir: &[u8], st: &crate::sys::Stat) {
    m.because();
    location::directory(m, start, dir);
    let _ = core::fmt::write(m, format_args!(" already has {} links (one for each subdirectory's \"..\", plus two)", st.st_nlink));
    let Some(mnt) = mount_of(st) else { return };
    m.text(", and ");
    match dirent_ops::link_max(&mnt) {
        Some(max) => {
            let _ = core::fmt::write(m, format_args!("the limit (LINK_MAX) is {max} on "));
        }
        None => m.text("that is the limit on "),
    }
    fs::mount(m, &mnt);
}

/// `"/x" is a regular file` with the type spelled out; `tail` follows.
pub fn final_type(m: &mut Message, found: &Found, st: &crate::sys::Stat, tail: &str) {
    final_is(m, found, "a ");
    m.text(type_name(st.st_mode));
    super::device::numbers(m, st);
    m.text(tail);
}

/// A dangling symbolic link in the way: where it points.
pub fn dangling(m: &mut Message, found: &Found) {
    if let Some(t) = link_target(found.start, &found.path) {
        m.text(" pointing to ");
        m.quoted(t.as_bytes());
        let resolves = crate::sys::stat_at(found.start.fd(), &found.path, true).is_ok();
        m.text(if resolves { "" } else { ", which does not exist (a dangling link)" });
    }
}

/// The walk now succeeds where the kernel found a component that was not a directory.
pub fn changed_since(m: &mut Message, arg: &str) {
    m.because();
    m.text("a directory component of ");
    m.text(arg);
    m.text(" was not a directory when the call was made, but every component is one now: something replaced it since");
}

/// `oldpath names nothing; there is no "x" in …`.
pub fn missing(m: &mut Message, arg: &str, found: &Found) {
    m.because();
    m.text(arg);
    m.text(" names nothing");
    super::path::missing_final(m, found);
}

/// EXDEV: the two file systems, or the two mounts of one file system.
pub fn cross_device(m: &mut Message, old: &Found, new: &Found) {
    if crate::probe::mounts::same_mount(old, new) == Some(true) {
        return super::postmortem::one_mount_now(m, ["oldpath", "newpath"], old);
    }
    m.because();
    let from = old.stat.and_then(|st| mount_of(&st));
    let to = mount_of(&new.dir_stat);
    let (Some(from), Some(to)) = (from, to) else {
        return m.text("oldpath and newpath are on different file systems, and rename cannot move a file between them (mv copies, then removes)");
    };
    m.text("oldpath is on ");
    fs::mount(m, &from);
    m.text(" and newpath would be on ");
    fs::mount(m, &to);
    if from.point.as_bytes() == to.point.as_bytes() {
        m.text(" (two mounts of the one file system)");
    }
    m.text("; rename cannot move a file between mounts (mv copies it, then removes the original)");
}

/// EINVAL: a directory moved into itself or below itself.
pub fn into_itself(m: &mut Message, old: &Found, new: &Found) {
    m.because();
    m.text("oldpath ");
    location::path(m, old.start, old.path.as_bytes());
    m.text(" is a directory and newpath ");
    location::path(m, new.start, new.path.as_bytes());
    m.text(" lies inside it: a directory cannot be moved into itself or one of its own subdirectories");
}

/// ENOENT though every directory on the way exists now: a pseudo file system that
/// refuses new names that way (proc, sysfs), or a directory replaced since the call.
pub fn parent_gone(m: &mut Message, found: &Found) {
    m.because();
    location::directory(m, found.start, found.dir());
    m.text(" exists, so either ");
    match mount_of(&found.dir_stat) {
        Some(mnt) => fs::mount(m, &mnt),
        None => m.text("its file system"),
    }
    m.text(" does not let new names be created there (proc and sysfs answer ENOENT), or a directory on the way was removed or renamed after the call");
}

/// EACCES or EPERM: the refusal the probes found, whichever errno the kernel gave first
/// (state may have changed since); otherwise the file system's or a module's refusal.
pub fn refused(m: &mut Message, errnum: i32, r: Option<Refusal>, found: &Found, creds: &Creds, what: impl FnOnce(&mut Message), operation: &str) {
    match r {
        Some(r) => refusal(m, &r, found, creds, what),
        None if errnum == libc::EPERM && found.stat.is_some() && found.dir_stat.st_mode & libc::S_ISVTX != 0 => sticky_allowed_now(m, found, creds),
        None if errnum == libc::EPERM => fs::refuses(m, found, operation),
        None => unexplained_refusal(m, errnum),
    }
}

/// What stands at the final component, for EEXIST and for notes on the present state:
/// `"/x" is a directory owned by user 0 "root", modified 3 minutes ago`; a symbolic link
/// with its target.
pub fn existing(m: &mut Message, found: &Found, st: &crate::sys::Stat) {
    final_type(m, found, st, "");
    if crate::probe::path::is_link(st) {
        dangling(m, found);
    }
    m.text(", owned by user ");
    ids::user(m, st.st_uid);
    m.text(", ");
    super::times::modified_ago(m, st.st_mtime);
}

/// EEXIST where what stands there (`what`: "a directory") is what the call would have
/// made: idempotent setup code may take it as success.
pub fn already_made(m: &mut Message, what: &str) {
    m.text("; it is already ");
    m.text(what);
    m.text(", just what ");
    m.text(m.call_name());
    m.text(" would have made, so for setup code that only needs it to exist this is not an error");
}

/// EPERM in a sticky directory that the explaining process (root, say) may remove from:
/// whom the sticky bit denies.
fn sticky_allowed_now(m: &mut Message, found: &Found, creds: &Creds) {
    m.because();
    location::directory(m, found.start, found.dir());
    let _ = core::fmt::write(m, format_args!(" has the sticky bit set (mode 0{:o}), so only the owner of ", found.dir_stat.st_mode & 0o7777));
    m.quoted(found.name());
    m.text(" (user ");
    ids::user(m, found.stat.map_or(0, |st| st.st_uid));
    m.text("), the directory's owner (user ");
    ids::user(m, found.dir_stat.st_uid);
    m.text(") or a process with the CAP_FOWNER capability may remove or rename it; the process explaining it now (effective user ");
    ids::user(m, creds.uid);
    m.text(") may, so the call that failed ran as another user, or a security module refused it");
}

/// mkdir's EEXIST on a symbolic link that leads to a directory.
pub fn link_to_directory(m: &mut Message) {
    m.text("; the link leads to a directory, which mkdir -p accepts, but mkdir itself does not follow it");
}
