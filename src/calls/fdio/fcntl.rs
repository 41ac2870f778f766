//! fcntl(2): ERRORS EACCES and EAGAIN (the lock in the way and its holder: pid, command
//! and range, from F_GETLK or F_OFD_GETLK on the same descriptor; a lease refused),
//! EBADF (not open; the open mode versus the lock type; a pipe command on a
//! non-pipe), EBUSY (F_SETPIPE_SZ below the pipe's content; F_ADD_SEALS with a writable
//! mapping), EDEADLK (with whom), EFAULT (the struct flock), EINTR, EINVAL (unknown
//! command; F_DUPFD beyond RLIMIT_NOFILE; F_SETPIPE_SZ too large; seals; F_SETSIG; the
//! struct flock), EMFILE, ENOLCK, ENOTDIR (F_NOTIFY), EPERM (F_SETPIPE_SZ above
//! pipe-max-size or the user's pipe pages; O_APPEND on an append-only file; O_NOATIME
//! on another user's file; seals).

use super::flock::network;
use crate::decode::{is_lock_command, name_of, FCNTL_COMMANDS, SEALS};
use crate::message::prose::{fd, fdio, generic, io, limits, locks};
use crate::message::Message;
use crate::probe;
use crate::probe::creds::{CAP_FOWNER, CAP_SYS_RESOURCE};
use crate::probe::fd::Kind;
use crate::probe::locks::{read_lock, record_conflict};

const F_SETSIG: i32 = 10;

fn is_ofd(command: i32) -> bool {
    matches!(command, libc::F_OFD_GETLK | libc::F_OFD_SETLK | libc::F_OFD_SETLKW)
}

pub fn explain(m: &mut Message, errnum: i32, fildes: i32, command: i32, arg: i64) {
    let Some(facts) = probe::fd::facts(fildes) else {
        // Not open now. For a postmortem of another errno, what the command and its
        // argument still say; the closed descriptor is a note (see fd::bad_fd).
        let dup = matches!(command, libc::F_DUPFD | libc::F_DUPFD_CLOEXEC);
        match errnum {
            libc::EINVAL if dup => fdio::beyond_fd_limit(m, "arg", arg, probe::limits::open_files_limit()),
            libc::EMFILE => {
                limits::too_many_open_files(m);
                if dup {
                    fdio::no_descriptor_from(m, arg);
                }
            }
            _ => return fd::bad_fd(m, "fildes", fildes, None),
        }
        m.note();
        let _ = core::fmt::write(m, format_args!("fildes {fildes} is not an open file descriptor"));
        return;
    };
    let lock = if is_lock_command(command) { read_lock(arg as usize) } else { None };
    let holder = || lock.and_then(|l| record_conflict(fildes, &l, is_ofd(command)));
    let kind = probe::fd::kind(fildes).unwrap_or(Kind::Other);
    match errnum {
        libc::EBADF => match (lock, command) {
            // A read lock needs a readable descriptor, a write lock a writable one.
            (Some(l), _) if facts.flags & libc::O_PATH == 0 && mode_refuses(facts.flags, l.kind as i32) => {
                locks::wrong_mode(m, "fildes", fildes, facts.flags, l.kind as i32 == libc::F_WRLCK)
            }
            (_, libc::F_SETPIPE_SZ | libc::F_GETPIPE_SZ) if !matches!(kind, Kind::Pipe | Kind::Fifo) => {
                fdio::not_a_pipe(m, "fildes", fildes, kind)
            }
            _ => fd::bad_fd(m, "fildes", fildes, None),
        },
        libc::EAGAIN | libc::EACCES if lock.is_some() => match holder() {
            Some(h) => locks::conflict(m, "fildes", fildes, &h, lock.is_some_and(|l| l.kind as i32 == libc::F_WRLCK)),
            None => locks::conflict_gone(m, "fildes", fildes),
        },
        libc::EAGAIN if command == libc::F_SETLEASE => {
            let other = facts.stat.and_then(|st| probe::files::process_with_open(&st));
            locks::lease_refused(m, "fildes", fildes, arg as i32 == libc::F_WRLCK, other)
        }
        libc::EDEADLK => locks::deadlock(m, "fildes", fildes, holder().as_ref()),
        // F_GETLK stores its answer into the struct; the others only read it.
        libc::EFAULT => {
            let store = matches!(command, libc::F_GETLK | libc::F_OFD_GETLK);
            io::bad_buffer(m, "arg", arg as usize, 32, store, probe::io::buffer(arg as usize, 32, store))
        }
        libc::EINTR if matches!(command, libc::F_SETLKW | libc::F_OFD_SETLKW) => locks::wait_interrupted(m, holder().as_ref()),
        libc::EINVAL => invalid(m, fildes, command, arg, lock),
        libc::EMFILE => {
            limits::too_many_open_files(m);
            fdio::no_descriptor_from(m, arg);
        }
        libc::ENOLCK => locks::no_locks(m, network(fildes)),
        libc::ENOTDIR if command == libc::F_NOTIFY => fdio::notify_not_directory(m, "fildes", fildes, kind),
        libc::EPERM => refused(m, fildes, command, arg, &facts),
        libc::EBUSY if command == libc::F_SETPIPE_SZ => match probe::fd::pipe_fill(fildes) {
            Some((queued, cap)) => fdio::pipe_too_full(m, pipe_size(arg), queued, cap),
            None => generic::meaning(m, errnum),
        },
        libc::EBUSY if command == libc::F_ADD_SEALS => fdio::mapped_for_writing(m, "fildes", fildes),
        _ => generic::meaning(m, errnum),
    }
}

/// Whether a descriptor opened with `flags` cannot take a lock of type `kind`.
fn mode_refuses(flags: i32, kind: i32) -> bool {
    match (kind, flags & libc::O_ACCMODE) {
        (libc::F_RDLCK, libc::O_WRONLY) | (libc::F_WRLCK, libc::O_RDONLY) => true,
        _ => false,
    }
}

/// The capacity F_SETPIPE_SZ asks for: the kernel reads arg as an unsigned int.
fn pipe_size(arg: i64) -> u64 {
    arg as u32 as u64
}

/// EINVAL: the command, or its argument, as the command reads it.
fn invalid(m: &mut Message, fildes: i32, command: i32, arg: i64, lock: Option<probe::locks::Lock>) {
    if name_of(FCNTL_COMMANDS, command as i64).is_none() {
        return fdio::unknown_command(m, command);
    }
    match command {
        libc::F_DUPFD | libc::F_DUPFD_CLOEXEC => fdio::beyond_fd_limit(m, "arg", arg, probe::limits::open_files_limit()),
        libc::F_SETPIPE_SZ => fdio::pipe_size_invalid(m, pipe_size(arg), probe::limits::pipe_max_size()),
        libc::F_SETLEASE => match crate::decode::lock_type_name(arg as i32) {
            None => fdio::bad_lease_type(m, arg),
            Some(_) => fdio::lease_needs_file(m, "fildes", fildes, probe::fd::kind(fildes).unwrap_or(Kind::Other)),
        },
        libc::F_ADD_SEALS => {
            let known = SEALS.iter().fold(0i64, |a, e| a | e.value);
            match arg & 0xffff_ffff & !known {
                0 => fdio::not_sealable(m, "fildes", fildes),
                unknown => fdio::unknown_bits(m, "arg", unknown, SEALS),
            }
        }
        libc::F_GET_SEALS => fdio::not_sealable(m, "fildes", fildes),
        F_SETSIG => fdio::bad_signal(m, arg),
        c if is_lock_command(c) => match lock {
            Some(l) => fdio::bad_lock(m, &l, is_ofd(c)),
            None => generic::meaning(m, libc::EINVAL),
        },
        _ => generic::meaning(m, libc::EINVAL),
    }
}

/// EPERM: pipe capacity limits, append-only files, seals.
fn refused(m: &mut Message, fildes: i32, command: i32, arg: i64, facts: &probe::fd::FdFacts) {
    match command {
        libc::F_SETPIPE_SZ => {
            let max = probe::limits::pipe_max_size();
            if max.is_some_and(|max| pipe_size(arg) > max) && !m.creds().has_cap(CAP_SYS_RESOURCE) {
                fdio::pipe_size_over_max(m, pipe_size(arg), max);
            } else {
                let (soft, hard) = probe::limits::pipe_user_pages();
                fdio::pipe_user_pages(m, soft, hard);
            }
        }
        libc::F_SETFL if facts.flags & libc::O_APPEND != 0 && arg as i32 & libc::O_APPEND == 0 => {
            fdio::append_only(m, "fildes", fildes)
        }
        // O_NOATIME is for the file's owner (or CAP_FOWNER).
        libc::F_SETFL if arg as i32 & libc::O_NOATIME != 0 => {
            let c = m.creds();
            match facts.stat {
                Some(st) if st.st_uid != c.uid && !c.has_cap(CAP_FOWNER) => fdio::noatime_not_owner(m, "fildes", fildes, st.st_uid, c.uid),
                _ => generic::meaning(m, libc::EPERM),
            }
        }
        libc::F_ADD_SEALS => {
            let sealed = probe::fd::seals(fildes) & libc::F_SEAL_SEAL != 0;
            fdio::seals_refused(m, "fildes", fildes, sealed)
        }
        _ => generic::meaning(m, libc::EPERM),
    }
}
