//! Postmortems the present state cannot confirm: the `explain` command runs after the
//! failure, in another process, often as another user, and the descriptor or the path
//! may have changed since. The errno it is given is explained all the same, as
//! specifically as the call and what is still known allow; the present state that
//! points elsewhere is said after it, as a note (see `Message::contradicts`).

use super::{generic, limits, location, lookup};
use crate::message::Message;
use crate::probe::path::Found;
use crate::sys::Stat;

/// `errnum`'s own diagnosis, when the state that would confirm it is gone. `st` is a
/// file or directory still known (the deepest directory a walk reached): its file
/// system is the one that is full or read-only, or whose device failed.
pub fn unconfirmed(m: &mut Message, errnum: i32, st: Option<&Stat>) {
    match (errnum, st) {
        (libc::ENOSPC | libc::EDQUOT | libc::EROFS, Some(st)) => super::fs::file_system_of(m, errnum, st),
        (libc::EIO, Some(st)) => lookup::io_error(m, st),
        (libc::EMFILE, _) => limits::too_many_open_files(m),
        (libc::ENFILE, _) => limits::too_many_files_in_system(m),
        (libc::ENOMEM, _) => {
            m.because();
            m.text("the kernel could not allocate the memory this call needed (for its own bookkeeping, or pages of the process)");
            if let Some(limit) = crate::probe::limits::address_space_limit() {
                let _ = core::fmt::write(m, format_args!("; the process's address space is limited to {limit} bytes (RLIMIT_AS)"));
            }
        }
        _ => generic::meaning(m, errnum),
    }
}

/// A path errno about the final component (ENOENT, EEXIST, EISDIR, ENOTDIR, ELOOP,
/// ENAMETOOLONG) that the call file found no confirmation of in the present state: the
/// errno's own diagnosis for `arg`, then what is there now, as a note. Any other errno
/// gets its general meaning. Call files use it where their own arms end.
pub fn final_component(m: &mut Message, errnum: i32, arg: &str, found: &Found) {
    if errnum == libc::EACCES && search_denied_on_the_way(m, found) {
        return;
    }
    if !matches!(errnum, libc::ENOENT | libc::EEXIST | libc::EISDIR | libc::ENOTDIR | libc::ELOOP | libc::EACCES | libc::ENAMETOOLONG | libc::EFAULT) {
        return generic::meaning(m, errnum);
    }
    m.because();
    if errnum == libc::EFAULT {
        m.text(arg);
        m.text(", or another pointer argument, pointed outside the process's accessible memory when the call was made");
        m.note();
        m.text(arg);
        m.text(" is readable, so the memory was mapped or changed after the call failed, or the fault was in another argument");
        return;
    }
    let here = |m: &mut Message| {
        m.quoted(found.name());
        m.text(" in ");
        location::directory(m, found.start, found.dir());
    };
    match errnum {
        libc::ENOENT => {
            m.text("there was no ");
            here(m);
            m.text(" (or a directory on the way to it was missing) when the call was made");
        }
        libc::EEXIST => {
            m.text("a file named ");
            here(m);
            m.text(" already existed when the call was made, and ");
            m.text(m.call_name());
            m.text(" does not replace an existing name");
        }
        libc::EISDIR => {
            m.text(arg);
            m.text(" named a directory when the call was made, and ");
            m.text(m.call_name());
            m.text(" does not act on directories");
        }
        libc::ENOTDIR => {
            m.text("a component of ");
            m.text(arg);
            m.text(" that had to be a directory (one followed by '/', or the final one where ");
            m.text(m.call_name());
            m.text(" needs a directory) was something else when the call was made");
        }
        libc::ELOOP => {
            m.text("resolving ");
            m.text(arg);
            m.text(" met a loop of symbolic links, or more of them than the kernel's limit, ");
            m.maximum("MAXSYMLINKS", crate::probe::path::MAXSYMLINKS as u64, "");
            m.text(", when the call was made");
        }
        libc::EACCES => {
            m.text("search permission was denied on a directory on the way to ");
            m.text(arg);
            m.text(" when the call was made");
        }
        libc::ENAMETOOLONG => {
            m.text(arg);
            m.text(", or one of its components, was longer than the limit (");
            m.maximum("PATH_MAX", crate::probe::path::PATH_MAX as u64 - 1, "bytes");
            m.text(" for a path, NAME_MAX for a name) when the call was made");
        }
        _ => {}
    }
    m.note();
    match found.stat {
        Some(st) => super::dirent::existing(m, found, &st),
        None => {
            m.text("there is no ");
            here(m);
        }
    }
    if errnum == libc::ENAMETOOLONG {
        let longest = found.path.as_bytes().split(|&c| c == b'/').map(<[u8]>::len).max().unwrap_or(0);
        let _ = core::fmt::write(m, format_args!("; the path as resolved now is {} bytes long, its longest component {longest} bytes, within the limits of this file system", found.path.len()));
        return;
    }
    let changed = match errnum {
        libc::EEXIST => found.stat.is_none(),
        libc::ENOENT => found.stat.is_some(),
        _ => true,
    };
    if errnum == libc::EACCES {
        m.text(", and the process explaining it may reach it, so the call that failed ran as another user, or the permissions changed since");
    } else if changed {
        m.text(", so the file system changed after the call failed, or the call ran in another mount namespace, root or current directory");
    }
}

/// EXDEV, though both paths are on one mount now: the errno's own diagnosis, then the
/// mount they share as a note.
pub fn one_mount_now(m: &mut Message, args: [&str; 2], old: &Found) {
    m.because();
    m.text(args[0]);
    m.text(" and ");
    m.text(args[1]);
    m.text(" were on different mounts when the call was made (another file system, or a bind mount, over one of their directories), and ");
    m.text(m.call_name());
    m.text(" cannot cross from one mount to another");
    m.note();
    m.text("both are on the same mount");
    if let Some(mnt) = old.stat.and_then(|st| crate::probe::mounts::mount_of(&st)) {
        m.text(", ");
        super::fs::mount(m, &mnt);
    }
    m.text(", so a mount was added or removed since, or the call ran in another mount namespace");
}

/// EACCES of a path the explaining process may walk: the first directory on the way whose
/// mode bits deny search to someone, and whom (the call that failed ran as one of them).
/// False when every directory lets everyone search.
pub fn search_denied_on_the_way(m: &mut Message, found: &Found) -> bool {
    let dir = found.dir();
    let absolute = dir.first() == Some(&b'/');
    // Each directory on the way: every prefix of `dir` ending before a '/', and `dir`.
    let ends = dir.iter().enumerate().filter(|&(i, &c)| c == b'/' && i > 0).map(|(i, _)| i).chain(core::iter::once(dir.len()));
    let ends = (absolute.then_some(1)).into_iter().chain(ends);
    for end in ends {
        let Some(prefix) = crate::sys::CPath::from_bytes(&dir[..end]) else { continue };
        let Ok(st) = crate::sys::stat_at(found.start.fd(), &prefix, true) else { continue };
        if st.st_mode & 0o111 != 0o111 && st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            let creds = m.creds();
            m.because();
            super::access::allowed_here(m, &st, crate::probe::creds::SEARCH, &creds, |m| location::directory(m, found.start, &dir[..end]));
            return true;
        }
    }
    false
}

/// EACCES for `want` on a file whose own mode bits grant it to everyone: the denial can
/// only have been on the way to it (explained, and true returned) or from an ACL or a
/// security module (false: the caller says so).
pub fn file_allows_everyone(m: &mut Message, found: &Found, st: &Stat, want: u32) -> bool {
    let mode = st.st_mode;
    let all = [mode >> 6, mode >> 3, mode].iter().all(|bits| bits & 7 & want == want);
    all && search_denied_on_the_way(m, found)
}

/// An errno about what a descriptor referred to (`then`: "a pipe, FIFO or socket") that
/// it does not refer to now: the errno's own diagnosis, then the descriptor as it is now
/// (`kind`), with `now` saying why that could not have failed so, as a note.
pub fn descriptor_was(m: &mut Message, arg: &str, fd: i32, then: &str, kind: crate::probe::fd::Kind, now: &str) {
    m.because();
    m.text(arg);
    m.text(" referred, when the call was made, to ");
    m.text(then);
    m.note();
    super::io::is_a(m, arg, fd, kind);
    m.text(now);
    m.text(", so the descriptor was closed and its number reused since, or the explanation is of another process's descriptor");
}

/// An errno about the kind of file at a path (`then`: "a device special file…") that the
/// path does not name now: the errno's own diagnosis, then what is there now as a note.
pub fn path_was(m: &mut Message, arg: &str, found: &Found, then: &str) {
    m.because();
    m.text(arg);
    m.text(" named ");
    m.text(then);
    m.text(" when the call was made");
    m.note();
    match found.stat {
        Some(st) => super::dirent::existing(m, found, &st),
        None => {
            m.text("there is no ");
            m.quoted(found.name());
        }
    }
    m.text(", so the file system changed after the call failed, or the call ran in another mount namespace, root or current directory");
}

/// ETXTBSY though no process runs the file now: the program ended since (or the swap
/// file was turned off).
pub fn program_ended(m: &mut Message, arg: &str, found: &Found, st: &Stat) {
    m.because();
    m.text(arg);
    m.text(" named a program being run (or an active swap file) when the call was made, and such a file cannot be opened for writing");
    m.note();
    m.text("no process runs ");
    location::path(m, found.start, found.path.as_bytes());
    m.text(" (");
    super::times::modified_ago(m, st.st_mtime);
    m.text("), so the program ended since (or the swap file was turned off)");
}
