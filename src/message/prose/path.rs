//! Path resolution failures, in words.

use super::{access, location};
use crate::decode::Text;
use crate::message::Message;
use crate::probe::creds::Creds;
use crate::probe::fd::{dtype_name, type_name};
use crate::probe::path::{resolve_as, Failure, Found, Link, Outcome, Start};
use crate::probe::suggest;
use crate::sys::Stat;

/// Resolves `path` (the argument called `arg`). When the walk fails before the final
/// component, explains why and returns the failure (which needs no more words);
/// otherwise returns what it found. Callers bind the result by reference
/// (`let Ok(found) = &resolve_or_explain(…) else { return }`): a walk's result holds
/// PATH_MAX buffers, and moving it out of the Result would copy them.
pub fn resolve_or_explain(m: &mut Message, arg: &str, path: &Text, start: Start, follow: bool) -> Outcome {
    let creds = m.creds();
    resolve_or_explain_as(m, arg, path, start, follow, &creds, false)
}

/// The same, walking with `creds`; `real` when they are the real ids (access(2)).
pub fn resolve_or_explain_as(m: &mut Message, arg: &str, path: &Text, start: Start, follow: bool, creds: &Creds, real: bool) -> Outcome {
    let outcome = resolve_as(start, path, follow, creds);
    match &outcome {
        Ok(_) => {}
        Err(f) if m.contradicts(f.errno()) => {
            let errnum = m.errnum();
            super::postmortem::unconfirmed(m, errnum, f.dir_stat());
            m.note();
            failure(m, arg, start, f);
        }
        Err(Failure::Unreadable) => {
            m.because();
            let _ = core::fmt::write(m, format_args!("{arg} ({:#x}) does not point to readable memory in the process's address space", path.addr));
        }
        Err(Failure::NoSearch { dir, stat, decision }) if real => {
            m.because();
            access::denied_real(m, stat, decision, creds, |m| location::directory(m, start, dir.as_bytes()));
        }
        Err(f) => failure(m, arg, start, f),
    }
    outcome
}

/// Explains a walk that stopped early.
pub fn failure(m: &mut Message, arg: &str, start: Start, f: &Failure) {
    m.because();
    match f {
        Failure::Null => {
            m.text(arg);
            m.text(" is the NULL pointer, where a path was expected");
        }
        Failure::Unreadable => {
            m.text(arg);
            m.text(" does not point to readable memory in the process's address space");
        }
        Failure::Empty => {
            m.text(arg);
            m.text(" is the empty string; an empty path names no file, not even the current directory");
        }
        Failure::PathTooLong { len, max } => {
            let _ = core::fmt::write(m, format_args!("{arg} is {len} bytes long, longer than the system's limit for a path, "));
            m.maximum("PATH_MAX", *max as u64, "bytes");
        }
        Failure::NameTooLong { dir, name, len, max } => {
            m.text("the component ");
            m.quoted(name.as_bytes());
            let _ = core::fmt::write(m, format_args!(" is {len} bytes long, longer than the limit for a name, "));
            m.maximum("NAME_MAX", *max as u64, "bytes");
            m.text(", on the file system of ");
            location::directory(m, start, dir.as_bytes());
        }
        Failure::Missing { path, dir_len, name_at, dir_stat, link } => {
            let (dir, name) = (&path.as_bytes()[..*dir_len], &path.as_bytes()[*name_at..]);
            m.text("there is no ");
            m.quoted(name);
            m.text(" directory in ");
            location::directory(m, start, dir);
            if let Some(l) = link {
                m.text(" (reached through the symbolic link ");
                location::path(m, start, l.path.as_bytes());
                points_to(m, start, l, ", which points to ");
                m.text(")");
            }
            suggestion(m, start, dir, name, Some(dir_stat));
        }
        Failure::NotDir { path, stat } => {
            location::path(m, start, path.as_bytes());
            m.text(" is a ");
            m.text(type_name(stat.st_mode));
            m.text(", not a directory, yet ");
            m.text(arg);
            m.text(" uses it as one");
        }
        Failure::NoSearch { dir, stat, decision } => {
            let creds = m.creds();
            access::denied(m, stat, decision, &creds, |m| location::directory(m, start, dir.as_bytes()));
        }
        Failure::Loop { link, repeated: true, count, .. } => {
            let _ = core::fmt::write(m, format_args!("the symbolic links met while resolving {arg} form a loop of {count}: "));
            loop_links(m, start, link, *count);
        }
        Failure::Loop { link, limit, count: 0, .. } => {
            let _ = core::fmt::write(m, format_args!("resolving {arg} needs more symbolic links than the kernel's limit, "));
            m.maximum("MAXSYMLINKS", *limit as u64, "");
            m.text("; the last one met was ");
            location::path(m, start, link.as_bytes());
        }
        Failure::Loop { link, limit, count, capped, .. } => {
            let more = if *capped { "more than " } else { "" };
            let _ = core::fmt::write(m, format_args!("resolving {arg} follows a chain of {more}{} symbolic links, more than the kernel's limit, ", count - *capped as usize));
            m.maximum("MAXSYMLINKS", *limit as u64, "");
            let _ = core::fmt::write(m, format_args!("; the kernel gave up at link {}, ", limit + 1));
            location::path(m, start, link.as_bytes());
        }
        Failure::BadDirFd { fd, stat: None } => {
            let _ = core::fmt::write(m, format_args!("the directory descriptor {fd} is not open, and {arg} is relative to it"));
        }
        Failure::BadDirFd { fd, stat: Some(st) } => {
            let _ = core::fmt::write(m, format_args!("the directory descriptor {fd}"));
            let mut p = crate::sys::CPath::new();
            if crate::probe::fd::path_of(*fd, &mut p) {
                m.text(" (");
                m.quoted(p.as_bytes());
                m.text(")");
            }
            m.text(" refers to a ");
            m.text(type_name(st.st_mode));
            m.text(", not a directory, and ");
            m.text(arg);
            m.text(" is relative to it");
        }
        Failure::Other { path, errno } => {
            m.text("examining ");
            location::path(m, start, path.as_bytes());
            m.text(" failed with ");
            m.error(*errno);
        }
    }
}

/// The final component does not exist: say where it was looked for and offer the
/// nearest name. A dangling symbolic link is named with its target.
pub fn missing_final(m: &mut Message, found: &Found) {
    if m.contradicts(libc::ENOENT) {
        let errnum = m.errnum();
        super::postmortem::unconfirmed(m, errnum, Some(&found.dir_stat));
        m.note();
    }
    m.because();
    if let Some(l) = found.link.as_ref().filter(|_| found.stat.is_none()) {
        m.text("the symbolic link ");
        location::path(m, found.start, l.path.as_bytes());
        points_to(m, found.start, l, " points to ");
        m.text(", and there is no ");
        m.quoted(found.name());
        m.text(" in ");
        location::directory(m, found.start, found.dir());
    } else {
        m.text("there is no ");
        m.quoted(found.name());
        m.text(" in ");
        location::directory(m, found.start, found.dir());
    }
    suggestion(m, found.start, found.dir(), found.name(), Some(&found.dir_stat));
}

/// `lead"target"`, read now: the walk keeps only where the link is.
fn points_to(m: &mut Message, start: Start, l: &Link, lead: &str) {
    if let Some(t) = l.target(start) {
        m.text(lead);
        m.quoted(t.as_bytes());
    }
}

/// `; perhaps the "fcntl.h" regular file was meant`. `dir_stat`: the walk's status of
/// the directory, when it has one.
pub fn suggestion(m: &mut Message, start: Start, dir: &[u8], name: &[u8], dir_stat: Option<&Stat>) {
    let Some(d) = crate::sys::CPath::from_bytes(dir) else { return };
    if let Some(s) = suggest::nearest(start.fd(), &d, name, dir_stat) {
        m.text("; perhaps the ");
        m.quoted(s.name.as_bytes());
        m.text(" ");
        m.text(dtype_name(s.kind));
        m.text(" was meant");
    }
}

/// `"/tmp/x" is a regular file`.
pub fn final_is(m: &mut Message, found: &Found, what: &str) {
    location::path(m, found.start, found.path.as_bytes());
    m.text(" is ");
    m.text(what);
}

/// `"/t/a" -> "/t/b" -> "/t/c" -> "/t/a" again`: the `count` links of the loop that
/// `first` belongs to, in the order resolution follows them. The walk is run again from
/// `first` to name them, so that no walk has to keep every link it met.
fn loop_links(m: &mut Message, start: Start, first: &crate::sys::CPath, count: usize) {
    let creds = m.creds();
    let _ = crate::probe::path::resolve_traced(start, first.as_bytes(), true, &creds, &mut |n, link| {
        if n < count {
            location::path(m, start, link.as_bytes());
            m.text(" -> ");
        }
    });
    location::path(m, start, first.as_bytes());
    m.text(" again");
}
