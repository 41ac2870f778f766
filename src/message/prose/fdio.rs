//! Descriptors and I/O beyond read and write: seeking, vectors, synchronizing,
//! duplicating, pipes and their capacity, fcntl's commands and arguments.

use super::io::{is_a, kind_phrase};
use super::generic;
use crate::decode::{write_fd, write_whence};
use crate::message::Message;
use crate::probe::fd::Kind;
use crate::probe::iov::Iov;
use crate::probe::seek::Target;

/// ESPIPE: pipes, FIFOs, sockets and terminals have no file offset.
pub fn unseekable(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    if matches!(kind, Kind::File | Kind::BlockDevice | Kind::Directory) {
        let then = "a pipe, FIFO, socket or terminal, which has no file offset (lseek, pread and pwrite need a file that can be seeked)";
        return super::postmortem::descriptor_was(m, arg, fd, then, kind, ", which has a file offset");
    }
    m.because();
    is_a(m, arg, fd, kind);
    m.text(", which has no file offset: its data flows in order and cannot be repositioned (lseek, pread and pwrite need a file that can be seeked)");
}

/// EINVAL: whence is none of the known values.
pub fn bad_whence(m: &mut Message, whence: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("whence is {whence}, which is none of SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA or SEEK_HOLE"));
}

/// What the resulting offset was computed from.
fn computed(m: &mut Message, whence: i32, t: &Target, offset: i64) {
    match whence {
        libc::SEEK_CUR => {
            let _ = core::fmt::write(m, format_args!(" (the current offset {} plus offset {offset})", t.base));
        }
        libc::SEEK_END => {
            let _ = core::fmt::write(m, format_args!(" (the file's size {} plus offset {offset})", t.base));
        }
        _ => {}
    }
}

/// EINVAL: the offset asked for would be negative, or beyond what off_t or the file
/// system can hold.
pub fn bad_result(m: &mut Message, whence: i32, t: &Target, offset: i64, kind: Kind) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the resulting file offset would be {}", t.result));
    computed(m, whence, t, offset);
    if t.result < 0 {
        m.text(", and a file offset cannot be negative");
    } else if t.result > i64::MAX as i128 {
        let _ = core::fmt::write(m, format_args!(", beyond the largest offset an off_t can hold, {}", i64::MAX));
    } else if kind == Kind::File {
        m.text(", beyond the largest file its file system supports");
    } else {
        m.text(", a position ");
        m.text(kind_phrase(kind));
        m.text(" does not accept (its driver decides which offsets are valid)");
    }
}

/// EOVERFLOW: the offset cannot be returned in an off_t.
pub fn offset_overflow(m: &mut Message, whence: i32, t: &Target, offset: i64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the resulting file offset {}", t.result));
    computed(m, whence, t, offset);
    m.text(" cannot be represented in the off_t the call returns (a program built without _FILE_OFFSET_BITS=64 has a 32-bit off_t)");
}

/// ENXIO: SEEK_DATA or SEEK_HOLE from at or past the end of the file.
pub fn beyond_end(m: &mut Message, arg: &str, fd: i32, whence: i32, offset: i64, size: Option<i64>) {
    m.because();
    write_whence(m, whence as i64);
    let _ = core::fmt::write(m, format_args!(" searches from offset {offset}, and "));
    if offset < 0 {
        m.text("a negative offset is outside the file");
        return;
    }
    m.text("that is at or beyond the end of ");
    super::fd::argument(m, arg, fd);
    if let Some(size) = size {
        let _ = core::fmt::write(m, format_args!(", whose size is {size} bytes"));
    }
    m.text(if whence == libc::SEEK_DATA { ": there is no data after it" } else { ": there is no hole after it" });
}

/// EINVAL for pread and pwrite: the position is negative.
pub fn negative_position(m: &mut Message, arg: &str, offset: i64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} is {offset}, and a file position cannot be negative"));
}

/// EINVAL: iovcnt out of range.
pub fn vector_count(m: &mut Message, arg: &str, count: i32, max: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg}, the number of iovec elements, is {count}, and it must be between 0 and {max} (IOV_MAX)"));
}

/// EINVAL or EFAULT found in the vector.
pub fn vector(m: &mut Message, arg: &str, addr: usize, v: &Iov, store: bool) {
    m.because();
    match *v {
        Iov::ArrayUnreadable { index, at } => {
            let _ = core::fmt::write(m, format_args!("{arg} ({addr:#x}) must point to the iovec array in readable memory, and its element {index} at {at:#x} cannot be read"));
        }
        Iov::TooLong { index, len, total } => {
            let _ = core::fmt::write(m, format_args!("{arg}[{index}].iov_len is {len}, more than SSIZE_MAX ({}); the lengths up to it add up to {total}, which the ssize_t result cannot hold", isize::MAX));
        }
        Iov::BadBuffer { index, base, len, at } => {
            let _ = core::fmt::write(m, format_args!("{arg}[{index}] ({{iov_base={base:#x}, iov_len={len}}}) must be {} memory of the process, and {at:#x}", if store { "writable" } else { "readable" }));
            m.text(if at == base { " (its start)" } else { " within it" });
            m.text(if store { " is not mapped for writing" } else { " is not mapped for reading" });
        }
        Iov::Fine { total } => {
            let _ = core::fmt::write(m, format_args!("the iovec array and its buffers ({total} bytes in all) are accessible now, so they were changed or unmapped after the call"));
        }
    }
}

/// EROFS or EINVAL from fsync: the object keeps nothing to synchronize.
pub fn cannot_sync(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    m.because();
    is_a(m, arg, fd, kind);
    m.text(", which keeps no data on a storage device, so it does not support synchronization (fsync and fdatasync are for files, directories and block devices)");
}

/// After an fsync error: it reports a failure of earlier write-back.
pub fn sync_deferred(m: &mut Message) {
    m.text("; the error belongs to data written earlier (through this or another descriptor of the file) whose write-back to the device failed; the kernel reports it once, and that data may be lost");
}

/// A descriptor number outside 0 .. RLIMIT_NOFILE-1 (dup2's newfd, F_DUPFD's arg).
pub fn beyond_fd_limit(m: &mut Message, arg: &str, value: i64, limit: Option<(u64, u64)>) {
    m.because();
    if value < 0 {
        let _ = core::fmt::write(m, format_args!("{arg} is {value}, and descriptors are never negative"));
        return;
    }
    match limit {
        Some((soft, hard)) => {
            let _ = core::fmt::write(m, format_args!("{arg} is {value}, and the process's limit on open files (RLIMIT_NOFILE) is {soft}, so descriptors go from 0 to {}", soft.saturating_sub(1)));
            if (value as u64) < soft {
                // The postmortem: the value fits the limit as it is now.
                let _ = core::fmt::write(m, format_args!(
                    "; {value} is within that limit now, so the limit was {value} or lower when the call failed (lowered by setrlimit or prlimit, or the call ran in another process with a lower limit)"));
            } else if hard > soft && (value as u64) < hard {
                let _ = core::fmt::write(m, format_args!("; the limit may be raised up to {hard} (ulimit -n)"));
            }
        }
        None => {
            let _ = core::fmt::write(m, format_args!("{arg} is {value}, beyond the process's limit on open files (RLIMIT_NOFILE)"));
        }
    }
}

/// EBUSY from dup2: the number was being given out by open or dup in another thread.
pub fn dup2_busy(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} {fd} was being allocated by open(2) or dup(2) in another thread at that very moment (the kernel had reserved the number but not yet installed the file); the call may be retried, but two threads racing for one descriptor number is usually a bug"));
}

/// dup2 closes newfd first, and throws the errors of that close away.
pub fn implicit_close(m: &mut Message, arg: &str, fd: i32, kind: Option<Kind>) {
    m.because();
    let _ = core::fmt::write(m, format_args!("dup2 first closes {arg} "));
    write_fd(m, fd as i64);
    if let Some(k) = kind {
        m.text(", ");
        m.text(kind_phrase(k));
        m.text(",");
    }
    m.text(" if it is open, and any error of that close (EIO, ENOSPC, EDQUOT for data written earlier) is not reported; to see such errors, fsync and close the descriptor explicitly before dup2");
}

/// EINTR from dup2.
pub fn dup2_interrupted(m: &mut Message, arg: &str, fd: i32) {
    generic::meaning(m, libc::EINTR);
    let _ = core::fmt::write(m, format_args!("; dup2 may have been closing the file that {arg} {fd} referred to, which can wait for data to be flushed"));
}

/// EMFILE for pipe(2): it needs two descriptors at once.
pub fn needs_two(m: &mut Message) {
    m.text("; a pipe needs two free descriptors, one for each end");
}

/// EINVAL: flag bits the call does not know.
pub fn unknown_bits(m: &mut Message, arg: &str, bits: i64, known: &[crate::decode::Entry]) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} has the bits {bits:#x}, which this call does not know; it accepts "));
    for (i, e) in known.iter().enumerate() {
        m.text(if i == 0 { "" } else if i + 1 == known.len() { " and " } else { ", " });
        m.text(e.name);
    }
}

/// ENFILE from pipe: the user's pipe buffer pages are used up.
pub fn pipe_user_pages(m: &mut Message, soft: Option<u64>, hard: Option<u64>) {
    m.because();
    m.text("the user's pipes hold as many buffer pages as allowed");
    if let Some(h) = hard.filter(|&h| h > 0) {
        let _ = core::fmt::write(m, format_args!(": the hard limit is {h} pages (/proc/sys/fs/pipe-user-pages-hard)"));
    }
    if let Some(s) = soft.filter(|&s| s > 0) {
        let _ = core::fmt::write(m, format_args!(", and above the soft limit of {s} pages (/proc/sys/fs/pipe-user-pages-soft) new pipes get only a minimal buffer"));
    }
    m.text("; close idle pipes, or raise the limits (CAP_SYS_RESOURCE and CAP_SYS_ADMIN are exempt)");
}

/// ENOPKG: watch-queue (notification) pipes are not built into this kernel.
pub fn no_notification_pipes(m: &mut Message) {
    m.because();
    m.text("O_NOTIFICATION_PIPE asks for a watch-queue pipe, and this kernel was built without them (CONFIG_WATCH_QUEUE)");
}

/// F_SETPIPE_SZ above pipe-max-size without CAP_SYS_RESOURCE (EPERM).
pub fn pipe_size_over_max(m: &mut Message, arg: u64, max: Option<u64>) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the capacity asked for, {arg} bytes, is more than "));
    match max {
        Some(max) => {
            let _ = core::fmt::write(m, format_args!("the largest an unprivileged process may set, {max} bytes (/proc/sys/fs/pipe-max-size)"));
        }
        None => m.text("the largest an unprivileged process may set (/proc/sys/fs/pipe-max-size)"),
    }
    m.text("; going beyond it needs CAP_SYS_RESOURCE");
}

/// F_SETPIPE_SZ beyond the largest capacity the kernel supports (EINVAL).
pub fn pipe_size_invalid(m: &mut Message, arg: u64, max: Option<u64>) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the capacity asked for, {arg} bytes, is beyond the largest pipe buffer the kernel can allocate (2147483648 bytes)"));
    if let Some(max) = max {
        let _ = core::fmt::write(m, format_args!("; unprivileged processes may set up to {max} bytes (/proc/sys/fs/pipe-max-size)"));
    }
}

/// EBUSY: the pipe holds more than the new capacity.
pub fn pipe_too_full(m: &mut Message, arg: u64, queued: u64, capacity: u64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the pipe holds {queued} bytes (in a buffer of {capacity}), more than the new capacity of {arg} bytes can take; read from the pipe first"));
}

/// EBADF for the pipe commands on another kind of descriptor.
pub fn not_a_pipe(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    m.because();
    is_a(m, arg, fd, kind);
    m.text(", not a pipe: F_GETPIPE_SZ and F_SETPIPE_SZ apply only to pipes and FIFOs");
}

/// EINVAL for F_SETLEASE: not a lease type.
pub fn bad_lease_type(m: &mut Message, arg: i64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("arg is {arg}, and a lease is F_RDLCK, F_WRLCK or F_UNLCK"));
}

/// EINVAL for F_SETLEASE on something other than a regular file.
pub fn lease_needs_file(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    m.because();
    is_a(m, arg, fd, kind);
    if kind == Kind::File {
        m.text(", and its file system does not support leases (or they are disabled: /proc/sys/fs/leases-enable)");
    } else {
        m.text(", and leases are taken on regular files only");
    }
}

/// EINVAL for pread and pwrite: the last byte would lie beyond the largest file offset.
pub fn range_overflow(m: &mut Message, offset: i64, size: usize) {
    m.because();
    let _ = core::fmt::write(m, format_args!("offset {offset} plus data_size {size} is {}, beyond the largest file offset ({})", offset as i128 + size as i128, i64::MAX));
}

/// EINVAL: a command this kernel does not know.
pub fn unknown_command(m: &mut Message, cmd: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("command {cmd} is not an fcntl command this kernel recognizes"));
}

/// EINVAL: F_SETSIG with something that is not a signal.
pub fn bad_signal(m: &mut Message, arg: i64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("arg is {arg}, which is not a signal number (0 restores SIGIO, 1 to {} are signals)", libc::SIGRTMAX()));
}

/// What is wrong with a `struct flock` (EINVAL).
pub fn bad_lock(m: &mut Message, l: &crate::probe::locks::Lock, ofd: bool) {
    m.because();
    if crate::decode::lock_type_name(l.kind as i32).is_none() {
        let _ = core::fmt::write(m, format_args!("arg->l_type is {}, which is none of F_RDLCK, F_WRLCK or F_UNLCK", l.kind));
    } else if !matches!(l.whence as i32, libc::SEEK_SET | libc::SEEK_CUR | libc::SEEK_END) {
        let _ = core::fmt::write(m, format_args!("arg->l_whence is {}, which is none of SEEK_SET, SEEK_CUR or SEEK_END", l.whence));
    } else if ofd && l.pid != 0 {
        let _ = core::fmt::write(m, format_args!("arg->l_pid is {}, and open file description locks need it to be 0", l.pid));
    } else if l.len < 0 {
        let _ = core::fmt::write(m, format_args!("arg->l_len is {}, so the range ends before l_start ({}) and would begin before offset 0", l.len, l.start));
    } else {
        let _ = core::fmt::write(m, format_args!("the range from l_start {} (relative to ", l.start));
        write_whence(m, l.whence as i64);
        let _ = core::fmt::write(m, format_args!(") for l_len {} bytes begins before the start of the file or ends beyond the largest offset", l.len));
    }
}

/// EINVAL for F_ADD_SEALS or F_GET_SEALS on a descriptor that cannot be sealed.
pub fn not_sealable(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(" cannot be sealed: only memfd_create(2) files made with MFD_ALLOW_SEALING (and some shared memory files) support seals");
}

/// EPERM for F_ADD_SEALS.
pub fn seals_refused(m: &mut Message, arg: &str, fd: i32, sealed: bool) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(if sealed {
        " already carries F_SEAL_SEAL, which forbids adding any further seal"
    } else {
        " is not open for writing, and seals are added only through a writable descriptor"
    });
}

/// EBUSY for F_ADD_SEALS with F_SEAL_WRITE.
pub fn mapped_for_writing(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    m.text("the file of ");
    super::fd::argument(m, arg, fd);
    m.text(" has a shared writable mapping (mmap with PROT_WRITE and MAP_SHARED), so F_SEAL_WRITE cannot be added until it is unmapped");
}

/// EPERM for F_SETFL clearing O_APPEND on an append-only file.
pub fn append_only(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(" refers to an append-only file (chattr +a), so O_APPEND cannot be cleared from it");
}

/// EPERM for F_SETFL with O_NOATIME on a file the caller does not own.
pub fn noatime_not_owner(m: &mut Message, arg: &str, fd: i32, owner: u32, euid: u32) {
    m.because();
    m.text("O_NOATIME may be set only by the owner of the file, and the file of ");
    super::fd::argument(m, arg, fd);
    m.text(" belongs to user ");
    super::ids::user(m, owner);
    m.text(" while the process's effective user is ");
    super::ids::user(m, euid);
    m.text(" (CAP_FOWNER would allow it)");
}

/// ENOTDIR for F_NOTIFY.
pub fn notify_not_directory(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    m.because();
    is_a(m, arg, fd, kind);
    m.text(", not a directory: F_NOTIFY watches directories only");
}

/// EMFILE for F_DUPFD: no free descriptor at or above arg.
pub fn no_descriptor_from(m: &mut Message, arg: i64) {
    let _ = core::fmt::write(m, format_args!("; F_DUPFD looks for a free descriptor from {arg} up"));
}
