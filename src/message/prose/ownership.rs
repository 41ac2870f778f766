//! Changing a file's mode, owner, group or times: which file, and why the kernel refused.

use super::{access, fd, fs, generic, ids, location, path};
use crate::decode::{write_at_flags, write_fd};
use crate::message::Message;
use crate::probe::creds::{capability_name, Creds, Decision, CAP_CHOWN, CAP_FOWNER};
use crate::probe::ownership::{Refusal, Subject, Target};
use crate::probe::path::is_dir;

/// Finds the file the call changes. When there is none (the walk stopped, the final
/// component is missing, the descriptor is not open) explains why and returns None.
/// `arg` names the path or descriptor argument.
pub fn locate(m: &mut Message, errnum: i32, arg: &str, target: &Target) -> Option<Subject> {
    match *target {
        Target::Fd(d) => {
            let s = if errnum == libc::EBADF { None } else { Subject::of_fd(d) };
            if s.is_none() {
                fd::bad_fd(m, arg, d, None);
            }
            s
        }
        Target::Path { start, path: p, follow } => {
            let found = path::resolve_or_explain(m, arg, p, start, follow).ok()?;
            match found.stat {
                None => {
                    path::missing_final(m, &found);
                    None
                }
                Some(st) if found.trailing_slash && !is_dir(&st) => {
                    m.because();
                    path::final_is(m, &found, "a ");
                    m.text(crate::probe::fd::type_name(st.st_mode));
                    m.text(", not a directory, yet ");
                    m.text(arg);
                    m.text(" ends in '/'");
                    None
                }
                Some(_) => Subject::at(found),
            }
        }
    }
}

/// The file: its path made absolute, or `the file open on descriptor 3 "/x"`.
pub fn name(m: &mut Message, s: &Subject) {
    match (&s.found, s.fd) {
        (Some(f), _) => location::path(m, f.start, f.path.as_bytes()),
        (None, Some(libc::AT_FDCWD)) => location::directory(m, crate::probe::path::Start::Cwd, b""),
        (None, Some(d)) => {
            m.text("the file open on descriptor ");
            write_fd(m, d as i64);
        }
        (None, None) => m.text("the file"),
    }
}

fn caller(m: &mut Message, c: &Creds) {
    m.text("the process's effective user is ");
    ids::user(m, c.uid);
}

/// EPERM: why the kernel refused to `action` the file: a verb phrase whose object is
/// "it" or "its" ("change its mode", "set explicit times on it").
pub fn refused(m: &mut Message, s: &Subject, r: &Refusal, c: &Creds, action: &str) {
    m.because();
    match *r {
        Refusal::Immutable => {
            name(m, s);
            m.text(" is marked immutable (chattr +i, see ioctl_iflags(2)): no process, not even one with every capability, may ");
            m.text(action);
            m.text(" until the flag is removed (chattr -i)");
        }
        Refusal::AppendOnly => {
            name(m, s);
            m.text(" is marked append-only (chattr +a, see ioctl_iflags(2)): data may only be added to its end, and no process may ");
            m.text(action);
            m.text(" until the flag is removed (chattr -a)");
        }
        Refusal::NotOwner { owner, cap } => {
            m.text("only the owner of ");
            name(m, s);
            m.text(", user ");
            ids::user(m, owner);
            m.text(", or a process with the ");
            m.text(capability_name(cap));
            m.text(" capability may ");
            m.text(action);
            m.text(", and ");
            caller(m, c);
            m.text(", without ");
            m.text(capability_name(cap));
        }
        Refusal::OwnerChange { new_owner, .. } => {
            m.text("the process (effective user ");
            ids::user(m, c.uid);
            m.text(") owns ");
            name(m, s);
            m.text(", but giving a file to another user (here user ");
            ids::user(m, new_owner);
            m.text(") needs the ");
            m.text(capability_name(CAP_CHOWN));
            m.text(" capability, which the process does not have");
        }
        Refusal::NotMember { group } => {
            m.text("the process (effective user ");
            ids::user(m, c.uid);
            m.text(") owns ");
            name(m, s);
            m.text(", but may change its group only to a group it is a member of, and it is not a member of group ");
            ids::group(m, group);
            m.text(" (its groups are ");
            ids::group(m, c.gid);
            for &g in c.groups().iter().filter(|&&g| g != c.gid) {
                m.text(", ");
                ids::group(m, g);
            }
            m.text("); the ");
            m.text(capability_name(CAP_CHOWN));
            m.text(" capability would allow it");
        }
    }
}

/// EPERM where ownership, capabilities and file attributes would all allow the change.
/// An errno the call's own arms did not diagnose: for a path, a postmortem of the path
/// (ENOENT, ENOTDIR, ELOOP… though the file is there now); otherwise its meaning.
pub fn otherwise(m: &mut Message, errnum: i32, arg: &str, s: &Subject) {
    match &s.found {
        Some(found) => super::postmortem::final_component(m, errnum, arg, found),
        None => generic::meaning(m, errnum),
    }
}

pub fn allowed_yet_refused(m: &mut Message, s: &Subject, c: &Creds, action: &str) {
    m.because();
    // The explainer is privileged (often root running `explain`) and the failing process
    // probably was not: say whom the ownership rule denies.
    let cap = if action.contains("owner") { CAP_CHOWN } else { CAP_FOWNER };
    if s.stat.st_uid != c.uid && c.has_cap(cap) {
        name(m, s);
        if cap == CAP_CHOWN {
            m.text(": only a process with the ");
            m.text(capability_name(cap));
            m.text(" capability may ");
            m.text(action);
        } else {
            m.text(": only its owner (user ");
            ids::user(m, s.stat.st_uid);
            m.text(") or a process with the ");
            m.text(capability_name(cap));
            m.text(" capability may ");
            m.text(action);
        }
        m.text("; the process explaining it now (effective user ");
        ids::user(m, c.uid);
        m.text(") has that capability, so the call that failed ran as another user without it, or a security module or the file system refused it");
        return;
    }
    name(m, s);
    m.text(": by ownership, capabilities and file attributes the process (effective user ");
    ids::user(m, c.uid);
    m.text(") may ");
    m.text(action);
    m.text(", so a security module (SELinux, AppArmor), a user namespace's id mapping, or the file system itself refused it");
}

/// EACCES from setting both times to the current time: the process is not the owner, has
/// no CAP_FOWNER, and lacks write permission (decision `d`).
pub fn touch_denied(m: &mut Message, s: &Subject, d: &Decision, c: &Creds) {
    m.because();
    m.text("setting the times of ");
    name(m, s);
    m.text(" to the current time is allowed to its owner (user ");
    ids::user(m, s.stat.st_uid);
    m.text("), to a process with the ");
    m.text(capability_name(CAP_FOWNER));
    m.text(" capability, and to a process with write permission on it; the process is not the owner and lacks ");
    m.text(capability_name(CAP_FOWNER));
    m.text(", and ");
    access::denied(m, &s.stat, d, c, |m| name(m, s));
}

/// EROFS (and ENOSPC, EDQUOT): the file system holding the file.
pub fn file_system(m: &mut Message, errnum: i32, s: &Subject) {
    fs::file_system_of(m, errnum, &s.stat);
}

/// EIO: what the error means, and on which file system.
pub fn io_error(m: &mut Message, s: &Subject) {
    generic::meaning(m, libc::EIO);
    if let Some(mnt) = crate::probe::mounts::mount_of(&s.stat) {
        m.text("; ");
        name(m, s);
        m.text(" is on ");
        fs::mount(m, &mnt);
    }
}

/// EOPNOTSUPP from lchmod and fchmodat(AT_SYMLINK_NOFOLLOW) on a symbolic link.
pub fn link_mode(m: &mut Message, s: &Subject) {
    m.because();
    name(m, s);
    m.text(" is a symbolic link, and Linux cannot change the mode of a symbolic link (its permission bits are always 0777 and never checked)");
}

/// EINVAL: `flags` holds bits the call does not accept.
pub fn unsupported_flags(m: &mut Message, arg: &str, flags: i32, allowed: i32) {
    m.because();
    m.text(arg);
    m.text(" holds ");
    write_at_flags(m, (flags & !allowed) as i64);
    m.text(", which this call does not accept; it accepts only ");
    write_at_flags(m, allowed as i64);
}
