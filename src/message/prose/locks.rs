//! Locks: who holds the one in the way, over which bytes, and why a lock could not be
//! taken at all.

use super::{generic, ids};
use crate::decode::access_mode_name;
use crate::message::Message;
use crate::probe::locks::{Flavor, Holder};

/// `a write lock held by process 1234 "sqlite" on bytes 0 to 99`.
fn holder(m: &mut Message, h: &Holder) {
    m.text(if h.exclusive { "an exclusive (write) " } else { "a shared (read) " });
    m.text(match h.flavor {
        Flavor::Posix => "record lock",
        Flavor::Ofd => "open file description lock",
        Flavor::Flock => "flock lock",
    });
    if h.pid > 0 {
        m.text(" held by ");
        if h.pid == crate::sys::getpid() {
            m.text("this very process (");
            ids::process(m, h.pid);
            m.text(") through another open of the file");
        } else {
            m.text("process ");
            ids::process(m, h.pid);
        }
    } else {
        m.text(" whose holder could not be found (it may be on another host, over a network file system)");
    }
    match (h.flavor, h.end) {
        (Flavor::Flock, _) => m.text(" on the whole file"),
        (_, Some(end)) if end == h.start => {
            let _ = core::fmt::write(m, format_args!(" on byte {end}"));
        }
        (_, Some(end)) => {
            let _ = core::fmt::write(m, format_args!(" on bytes {} to {end}", h.start));
        }
        (_, None) if h.start == 0 => m.text(" on the whole file (from offset 0 to the end and beyond)"),
        (_, None) => {
            let _ = core::fmt::write(m, format_args!(" from offset {} to the end of the file and beyond", h.start));
        }
    }
}

/// EAGAIN, EACCES, EWOULDBLOCK: the lock in the way and its holder.
pub fn conflict(m: &mut Message, arg: &str, fd: i32, h: &Holder, wanted_exclusive: bool) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(" refers to a file on which ");
    holder(m, h);
    m.text(if wanted_exclusive {
        " stands in the way of the exclusive lock asked for"
    } else {
        " stands in the way of the shared lock asked for"
    });
    m.text("; the call was asked not to wait, so it failed at once");
}

/// The same, when the lock in the way has gone since.
pub fn conflict_gone(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    m.text("another process held a conflicting lock on the file of ");
    super::fd::argument(m, arg, fd);
    m.text(" at the time of the call; it has been released since, so the lock may be tried again");
}

/// EDEADLK: waiting would never end.
pub fn deadlock(m: &mut Message, arg: &str, fd: i32, h: Option<&Holder>) {
    m.because();
    m.text("waiting for the lock on ");
    super::fd::argument(m, arg, fd);
    m.text(" would deadlock: ");
    match h {
        Some(h) => {
            holder(m, h);
            m.text(" stands in the way, and that process is itself waiting for a lock this process holds");
        }
        None => m.text("the process holding the lock in the way is itself waiting for a lock this process holds"),
    }
    m.text("; release a lock (or take locks in one fixed order) to break the cycle");
}

/// EBADF for a lock: the descriptor's access mode does not allow the lock type.
pub fn wrong_mode(m: &mut Message, arg: &str, fd: i32, flags: i32, exclusive: bool) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(" is open ");
    m.text(match flags & libc::O_ACCMODE {
        libc::O_RDONLY => "only for reading",
        libc::O_WRONLY => "only for writing",
        _ => "for reading and writing",
    });
    m.text(" (");
    m.text(access_mode_name(flags));
    m.text("), and ");
    m.text(if exclusive {
        "a write lock (F_WRLCK) needs a descriptor open for writing"
    } else {
        "a read lock (F_RDLCK) needs a descriptor open for reading"
    });
}

/// ENOLCK: the kernel's or the lock server's table.
pub fn no_locks(m: &mut Message, network: bool) {
    m.because();
    if network {
        m.text("the file is on a network file system, and its lock protocol failed or its server ran out of locks (is the lock daemon, rpc.statd or lockd, running?)");
    } else {
        m.text("the kernel could not allocate a record for another lock: too many locks are held, or memory is short");
    }
}

/// EINTR while waiting for a lock, with who held it.
pub fn wait_interrupted(m: &mut Message, h: Option<&Holder>) {
    generic::meaning(m, libc::EINTR);
    if let Some(h) = h {
        m.text("; it was waiting for ");
        holder(m, h);
    }
}

/// EAGAIN for F_SETLEASE: another process has the file open.
pub fn lease_refused(m: &mut Message, arg: &str, fd: i32, write: bool, other: Option<i32>) {
    m.because();
    m.text("a ");
    m.text(if write { "write" } else { "read" });
    m.text(" lease on ");
    super::fd::argument(m, arg, fd);
    m.text(if write {
        " needs the file to be open by no other descriptor"
    } else {
        " needs the file to be open for writing by no descriptor"
    });
    if let Some(pid) = other {
        m.text(", and process ");
        ids::process(m, pid);
        m.text(" has it open");
    }
}

/// EINVAL from flock(2): not exactly one operation.
pub fn bad_flock_operation(m: &mut Message, op: i32) {
    m.because();
    m.text("the operation ");
    crate::decode::write_flock_op(m, op as i64);
    m.text(" is not exactly one of LOCK_SH, LOCK_EX or LOCK_UN (optionally with LOCK_NB)");
}
