//! The holders of sockets found last, so that a daemon retrying a bind that fails (the
//! same EADDRINUSE explained again and again) does not search every process's
//! descriptors each time.
//!
//! Verify on use: an entry is only a hint (socket inode, pid, descriptor); before it is
//! believed, one readlink of /proc/PID/fd/FD must still read `socket:[INODE]`. A socket's
//! inode number is unique while the socket exists, so a confirmed hint names a process
//! that holds that socket now, whatever became of the process or the descriptor since
//! the hint was kept: the answer is never stale.
//!
//! Memory is fixed (`SLOTS` entries in static storage) and the lock is held only to copy
//! an entry in or out, never across a system call; a contended insert is skipped.

use super::file_version::FileVersion;
use crate::sys::{self, CPath};
use std::sync::Mutex;

const SLOTS: usize = 8;

#[derive(Clone, Copy)]
struct Hint {
    inode: u64,
    pid: i32,
    fd: i32,
}

struct Hints {
    next: usize,
    held: [Hint; SLOTS],
}

static HINTS: Mutex<Hints> = Mutex::new(Hints { next: 0, held: [Hint { inode: 0, pid: 0, fd: 0 }; SLOTS] });

/// `/proc/PID/fd/FD`.
fn link_of(pid: i32, fd: i32) -> CPath {
    let mut p = CPath::new();
    p.push(b"/proc/");
    p.push(crate::decode::decimal(pid as u32 as u64, &mut [0; 20]));
    p.push(b"/fd/");
    p.push(crate::decode::decimal(fd as u32 as u64, &mut [0; 20]));
    p
}

/// The process a kept hint names as holding the socket whose descriptors read `want`
/// (`socket:[INODE]`), if the hint is still true.
pub fn confirmed(inode: u64, want: &[u8]) -> Option<i32> {
    if inode == 0 {
        return None;
    }
    let hint = {
        let Ok(hints) = HINTS.lock() else { return None };
        let _shown = sys::valgrind::LockShown::taken(&HINTS);
        hints.held.iter().find(|h| h.inode == inode).copied()
    }?;
    let target = sys::readlink_at(libc::AT_FDCWD, &link_of(hint.pid, hint.fd)).ok()?;
    (target.as_bytes() == want).then_some(hint.pid)
}

/// Keeps the hint that process `pid` holds the socket of `inode` on descriptor `fd`.
pub fn keep(inode: u64, pid: i32, fd: i32) {
    let Ok(mut hints) = HINTS.try_lock() else { return };
    let _shown = sys::valgrind::LockShown::taken(&HINTS);
    let hint = Hint { inode, pid, fd };
    match hints.held.iter().position(|h| h.inode == inode) {
        Some(i) => hints.held[i] = hint,
        None => {
            let i = hints.next;
            hints.held[i] = hint;
            hints.next = (i + 1) % SLOTS;
        }
    }
}

/// Socket files that no socket is bound to.
///
/// A socket is bound to a socket file only by the bind(2) that creates the file; a file
/// that exists can never gain one. So once the kernel's lookup has found no socket bound
/// to a file, that stays true for as long as the file is that file: an entry names the
/// file's version (file_version), kept only when the file had settled before the
/// lookup, so that another file given the same inode number later carries a later
/// change time. A stale socket file explained again (a client retrying) then costs one
/// stat.
const UNBOUND_SLOTS: usize = 4;

struct Unbound {
    next: usize,
    held: [Option<FileVersion>; UNBOUND_SLOTS],
}

static UNBOUND: Mutex<Unbound> = Mutex::new(Unbound { next: 0, held: [None; UNBOUND_SLOTS] });

/// Whether the socket file whose status is `st` was found with no socket bound to it.
pub fn known_unbound(st: &sys::Stat) -> bool {
    let key = FileVersion::of(st);
    let Ok(held) = UNBOUND.lock() else { return false };
    let _shown = sys::valgrind::LockShown::taken(&UNBOUND);
    held.held.contains(&Some(key))
}

/// Keeps that the kernel found no socket bound to the file whose status was `st` (before
/// and after the lookup, begun at `asked_at` from file_version::now_ns).
pub fn keep_unbound(st: &sys::Stat, asked_at: Option<i128>) {
    let key = FileVersion::of(st);
    if !key.settled_at(asked_at) {
        return;
    }
    let Ok(mut held) = UNBOUND.try_lock() else { return };
    let _shown = sys::valgrind::LockShown::taken(&UNBOUND);
    if !held.held.contains(&Some(key)) {
        let i = held.next;
        held.held[i] = Some(key);
        held.next = (i + 1) % UNBOUND_SLOTS;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(inode: u64) -> Vec<u8> {
        format!("socket:[{inode}]").into_bytes()
    }

    #[test]
    fn a_hint_is_believed_only_while_the_descriptor_still_holds_the_socket() {
        // SAFETY: plain system calls on a socket this test makes and closes.
        let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0) };
        assert!(fd >= 0);
        let inode = sys::stat_fd(fd).unwrap().st_ino;
        let me = sys::getpid();
        assert_eq!(confirmed(inode, &link(inode)), None);
        keep(inode, me, fd);
        assert_eq!(confirmed(inode, &link(inode)), Some(me));
        // SAFETY: closing the descriptor made above.
        unsafe { libc::close(fd) };
        assert_eq!(confirmed(inode, &link(inode)), None, "a closed descriptor's hint must not be believed");
    }
}
