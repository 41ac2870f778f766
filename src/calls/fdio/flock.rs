//! flock(2): ERRORS EBADF, EINTR, EINVAL (operation invalid), ENOLCK, EWOULDBLOCK (the
//! holder of the conflicting lock named, from /proc/locks).

use crate::decode::{name_of, FLOCK_OPS};
use crate::message::prose::{fd, generic, locks};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, command: i32) {
    let exclusive = command & libc::LOCK_EX != 0;
    let holder = || probe::fd::facts(fildes).and_then(|f| f.stat).and_then(|st| probe::locks::flock_conflict(&st, exclusive));
    match errnum {
        libc::EBADF => fd::bad_fd(m, "fildes", fildes, None),
        libc::EWOULDBLOCK => match holder() {
            Some(h) => locks::conflict(m, "fildes", fildes, &h, exclusive),
            None => locks::conflict_gone(m, "fildes", fildes),
        },
        libc::EINTR => locks::wait_interrupted(m, holder().as_ref()),
        libc::EINVAL => match command & !libc::LOCK_NB {
            op if name_of(FLOCK_OPS, op as i64).is_none() => locks::bad_flock_operation(m, command),
            _ => generic::meaning(m, errnum),
        },
        libc::ENOLCK => locks::no_locks(m, network(fildes)),
        _ => generic::meaning(m, errnum),
    }
}

/// Whether the descriptor's file is on a network file system (NFS, CIFS…), where locks
/// go through a lock protocol.
pub fn network(fildes: i32) -> bool {
    probe::fd::facts(fildes).and_then(|f| f.stat).and_then(|st| probe::mounts::mount_of(&st)).is_some_and(|mnt| {
        let t = mnt.fstype();
        t.starts_with(b"nfs") || t == b"cifs" || t == b"smb3" || t.starts_with(b"fuse") || t == b"ceph" || t == b"9p"
    })
}
