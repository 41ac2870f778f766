//! Reading and writing a descriptor: what it is, and why the kernel would not move data.

use super::{fs, generic, ids};
use crate::message::Message;
use crate::probe::fd::Kind;
use crate::probe::io::AlignSource;
use crate::probe::io::{Background, Blocking, DirectIo, Memory};
use crate::probe::mounts::mount_of;
use crate::sys::Stat;

pub fn kind_phrase(k: Kind) -> &'static str {
    match k {
        Kind::File => "a regular file",
        Kind::Directory => "a directory",
        Kind::Pipe => "a pipe",
        Kind::Fifo => "a named pipe (FIFO)",
        Kind::Socket => "a socket",
        Kind::Terminal => "a terminal",
        Kind::CharDevice => "a character device",
        Kind::BlockDevice => "a block device",
        Kind::TimerFd => "a timer (timerfd)",
        Kind::EventFd => "an event counter (eventfd)",
        Kind::SignalFd => "a signal descriptor (signalfd)",
        Kind::Inotify => "an inotify instance",
        Kind::Epoll => "an epoll instance",
        Kind::Other => "a special file",
    }
}

/// `fildes 3 "pipe:[1234]" is a pipe`.
pub fn is_a(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    super::fd::argument(m, arg, fd);
    m.text(" is ");
    m.text(kind_phrase(kind));
}

/// `fildes 3 "pipe:[1234]", a pipe`.
pub fn named(m: &mut Message, arg: &str, fd: i32, kind: Kind) {
    super::fd::argument(m, arg, fd);
    m.text(", ");
    m.text(kind_phrase(kind));
}

/// EAGAIN: what the descriptor is and why the call would have had to wait.
pub fn would_block(m: &mut Message, arg: &str, fd: i32, b: &Blocking, writing: bool) {
    m.because();
    is_a(m, arg, fd, b.kind);
    if !b.nonblocking && b.timeout_us > 0 {
        let opt = if writing { "SO_SNDTIMEO" } else { "SO_RCVTIMEO" };
        let _ = core::fmt::write(m, format_args!(", and its timeout ({opt}) of {}.{:06} seconds expired before ", b.timeout_us / 1_000_000, b.timeout_us % 1_000_000));
        m.text(if writing { "there was room to send" } else { "any data arrived" });
        return;
    }
    if !b.nonblocking {
        m.text(" that is not in non-blocking mode now; O_NONBLOCK belongs to the open file description, shared by every duplicate of the descriptor (dup, fork, SCM_RIGHTS), so another holder may have set it and cleared it again");
        return;
    }
    m.text(" in non-blocking mode (O_NONBLOCK), so the call returns at once instead of waiting");
    match (b.pipe, writing) {
        (Some((queued, cap)), true) => {
            let _ = core::fmt::write(m, format_args!(", and the pipe is full: it holds {queued} bytes and its capacity (F_GETPIPE_SZ) is {cap} bytes; a process must read from the other end to make room"));
        }
        (Some(_), false) => m.text(", and the pipe is empty: no data has been written to it yet, though a process still holds it open for writing"),
        (None, true) => {
            m.text(", and there is no room to send now");
            if let Some(n) = b.socket_buffer {
                let _ = core::fmt::write(m, format_args!(" (its send buffer, SO_SNDBUF, holds {n} bytes)"));
            }
        }
        (None, false) => m.text(", and there is no data waiting to be read"),
    }
}

/// EFAULT for a buffer argument: which, where, how long, and which address failed.
pub fn bad_buffer(m: &mut Message, arg: &str, addr: usize, len: usize, write: bool, check: Memory) {
    m.because();
    let need = if write { "writable" } else { "readable" };
    match check {
        _ if addr == 0 => {
            let _ = core::fmt::write(m, format_args!("{arg} is the NULL pointer, where {len} {need} bytes were expected"));
        }
        Memory::BadAt(at) => {
            let _ = core::fmt::write(m, format_args!("{arg} ({addr:#x}, {len} bytes) must be {need} memory of the process, and {at:#x}"));
            m.text(if at == addr { " (its start)" } else { " within it" });
            let _ = core::fmt::write(m, format_args!(" is not mapped {}", if write { "for writing" } else { "for reading" }));
        }
        Memory::Accessible => {
            let _ = core::fmt::write(m, format_args!("{arg} ({addr:#x}, {len} bytes) must be {need} memory of the process; it is now, so it was unmapped or protected at the time of the call"));
        }
        Memory::Unknown => {
            let _ = core::fmt::write(m, format_args!("{arg} ({addr:#x}, {len} bytes) is not entirely {need} memory of the process"));
        }
    }
}

/// EINVAL with O_DIRECT: the alignments required and the values that miss them.
/// `direct_now`: the descriptor has O_DIRECT now; when it has not, the alignment is
/// still the likeliest cause (fcntl F_SETFL may have cleared the flag since).
pub fn misaligned(m: &mut Message, arg: &str, fd: i32, d: &DirectIo, bad: (Option<usize>, Option<usize>, Option<u64>), direct_now: bool) {
    m.because();
    super::fd::argument(m, arg, fd);
    let mut source = [0u8; 160];
    let mut w = Message::new(&mut source);
    match d.source {
        AlignSource::Statx => w.text(", as its file system reports (statx stx_dio_mem_align and stx_dio_offset_align)"),
        AlignSource::LogicalBlock { major, minor } => {
            let _ = core::fmt::write(&mut w, format_args!(", the logical block size of its device {major}:{minor} (BLKSSZGET)"));
        }
        AlignSource::BlockSize => w.text(", the file's block size (neither the file system nor a device reports an O_DIRECT alignment)"),
    }
    let n = w.finish();
    if !direct_now {
        m.text(" is not open with O_DIRECT now; if it was when the call failed, O_DIRECT");
    } else {
        m.text(" was opened with O_DIRECT, which");
    }
    let _ = core::fmt::write(m, format_args!(" needs the buffer address aligned to {} bytes and the size and file offset to {} bytes", d.mem_align, d.offset_align));
    m.raw(&source[..n]);
    aligned_values(m, (d.mem_align, d.offset_align), bad);
}

/// `, but the buffer address 0x… is 1 byte past a multiple of 512, the size 100 is not
/// a multiple of 512`.
fn aligned_values(m: &mut Message, (mem, off): (u64, u64), bad: (Option<usize>, Option<usize>, Option<u64>)) {
    let mut any = false;
    let mut sep = |m: &mut Message| m.text(if std::mem::replace(&mut any, true) { ", " } else { ", but " });
    if let Some(a) = bad.0 {
        sep(m);
        let past = a as u64 % mem;
        let _ = core::fmt::write(m, format_args!("the buffer address {a:#x} is {past} byte{} past a multiple of {mem}", if past == 1 { "" } else { "s" }));
    }
    if let Some(l) = bad.1 {
        sep(m);
        let _ = core::fmt::write(m, format_args!("the size {l} is not a multiple of {off}"));
    }
    if let Some(o) = bad.2 {
        sep(m);
        let _ = core::fmt::write(m, format_args!("the file offset {o} is not a multiple of {off}"));
    }
}

/// EINVAL from a transfer on a descriptor that is not open now: the O_DIRECT alignment
/// of the values given, against the smallest logical block sizes devices have.
pub fn misaligned_unknown_device(m: &mut Message, addr: usize, len: usize, offset: Option<u64>) {
    m.because();
    for block in [512u64, 4096] {
        let d = DirectIo { mem_align: block, offset_align: block, source: AlignSource::BlockSize };
        let bad = crate::probe::io::misaligned(&d, addr, len, offset);
        if bad != (None, None, None) {
            let _ = core::fmt::write(m, format_args!(
                "with O_DIRECT the buffer address, the size and the file offset must be multiples of the device's logical block size{}",
                if block == 512 { ", which is never less than 512 bytes" } else { "; they are multiples of 512, but not of 4096, the logical block size of many disks" }));
            return aligned_values(m, (block, block), bad);
        }
    }
    m.text("the buffer address, the size");
    if offset.is_some() {
        m.text(" and the file offset");
    }
    m.text(" are multiples of 4096, so O_DIRECT alignment is not the cause: the descriptor referred to an object that cannot be read or written this way (a directory, an eventfd or timerfd given fewer than 8 bytes, a file system that refuses O_DIRECT)");
}

/// EIO on a terminal: the process group is in the background.
pub fn background(m: &mut Message, arg: &str, fd: i32, b: &Background, writing: bool) {
    m.because();
    is_a(m, arg, fd, Kind::Terminal);
    let (sig, verb) = if writing { ("SIGTTOU", "write to") } else { ("SIGTTIN", "read from") };
    m.text(", the process's controlling terminal, and the process is in a background process group (");
    ids::process(m, b.ours);
    m.text(") while the terminal's foreground group is ");
    // A group is named after its leader, whose pid is the group's id.
    ids::process(m, b.foreground);
    let _ = core::fmt::write(m, format_args!("; a background process that tries to {verb} its terminal is stopped by {sig}, "));
    if b.ignored || b.blocked {
        let _ = core::fmt::write(m, format_args!("but this process {} {sig}, so it gets this error instead", if b.ignored { "ignores" } else { "blocks" }));
    } else if b.orphaned == Some(true) {
        m.text("but its process group is orphaned (no member has a parent in another group of the session: the process that started it has exited, as with a job left behind by a closed shell), and an orphaned group gets this error instead, since no one would ever continue it");
    } else {
        m.text("or gets this error when its process group is orphaned (its parent has exited, as with a job left behind by a closed shell)");
    }
}

/// EIO elsewhere: a device error under the file, with its mount.
pub fn device_error(m: &mut Message, arg: &str, fd: i32, st: Option<&Stat>) {
    m.because();
    m.text("a low-level input/output error happened under ");
    super::fd::argument(m, arg, fd);
    if let Some(mnt) = st.and_then(mount_of) {
        m.text(", on ");
        fs::mount(m, &mnt);
        if let Some(st) = st {
            let _ = core::fmt::write(m, format_args!(" (device {}:{})", libc::major(st.st_dev), libc::minor(st.st_dev)));
        }
    }
    m.text("; data may have been lost, and the kernel log (dmesg) names the failing device or file system error");
}

/// EINVAL on a descriptor that cannot do the transfer at all, or needs a bigger buffer.
pub fn unsuitable(m: &mut Message, arg: &str, fd: i32, kind: Kind, min: Option<usize>, size: usize, writing: bool) {
    if min.is_none() && matches!(kind, Kind::Pipe | Kind::Fifo | Kind::Socket | Kind::Terminal | Kind::CharDevice) {
        // These take transfers of any size at any address: what the descriptor is now
        // cannot be what refused the call.
        m.because();
        m.text(arg);
        m.text(" referred, when the call was made, to an object that cannot be ");
        m.text(if writing { "written" } else { "read" });
        m.text(" this way (a directory, an eventfd or timerfd given fewer than 8 bytes, a file open with O_DIRECT and a misaligned buffer, size or offset)");
        m.note();
        is_a(m, arg, fd, kind);
        m.text(", which takes transfers of any size at any address");
        return;
    }
    m.because();
    is_a(m, arg, fd, kind);
    match min {
        Some(n) if size < n => {
            let _ = core::fmt::write(m, format_args!(", which transfers at least {n} bytes at a time, and the size given is {size}"));
        }
        _ => {
            m.text(", which cannot be ");
            m.text(if writing { "written to" } else { "read from" });
            m.text(" with this call");
        }
    }
}

/// EINTR: which object the call was waiting on.
pub fn interrupted(m: &mut Message, arg: &str, fd: i32, kind: Option<Kind>) {
    generic::meaning(m, libc::EINTR);
    if let Some(k) = kind {
        m.text("; it was waiting on ");
        named(m, arg, fd, k);
    }
}

/// EINTR from close(2): unlike other calls, it must not be retried.
pub fn close_interrupted(m: &mut Message, arg: &str, fd: i32, kind: Option<Kind>) {
    m.because();
    m.text("a signal arrived while close was waiting for the data written to ");
    match kind {
        Some(k) => {
            named(m, arg, fd, k);
            m.text(",");
        }
        None => m.text(arg),
    }
    m.text(" to be flushed, and its handler was not installed with SA_RESTART; whether the data reached the file is unknown (fsync(2) before close reports it)");
}

/// EFBIG: the write would start at or past RLIMIT_FSIZE, or past what the file system
/// allows in one file.
pub fn too_big(m: &mut Message, arg: &str, fd: i32, position: Option<u64>, limit: Option<u64>, size: usize) {
    m.because();
    m.text("writing to ");
    super::fd::argument(m, arg, fd);
    if let Some(p) = position {
        let _ = core::fmt::write(m, format_args!(" at offset {p}"));
    }
    match limit {
        Some(l) if position.is_none_or(|p| p.saturating_add(size as u64) > l) => {
            let _ = core::fmt::write(m, format_args!(" would make the file larger than the process's file size limit (RLIMIT_FSIZE) of {l} bytes; the limit is set with ulimit -f (in 1024-byte blocks) or setrlimit, and exceeding it also sends SIGXFSZ"));
        }
        _ => m.text(" would make the file larger than the largest file its file system supports"),
    }
}

/// EPIPE: nobody reads from the other end any more.
pub fn no_reader(m: &mut Message, arg: &str, fd: i32, kind: Kind, sigpipe_suppressed: bool) {
    if !matches!(kind, Kind::Pipe | Kind::Fifo | Kind::Socket) {
        let then = "a pipe, FIFO or socket whose reading end every reader had closed";
        return super::postmortem::descriptor_was(m, arg, fd, then, kind, ", which has no reading end to lose");
    }
    m.because();
    is_a(m, arg, fd, kind);
    match kind {
        Kind::Socket => m.text(", and it was shut down for writing or its peer closed the connection"),
        _ => m.text(", and no process has its read end open any more: every reader has closed it or exited"),
    }
    if sigpipe_suppressed {
        m.text("; SIGPIPE is ignored or blocked here, so the error is returned instead of the signal ending the process");
    }
}

/// EDESTADDRREQ: a datagram socket with no default destination.
pub fn no_destination(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    is_a(m, arg, fd, Kind::Socket);
    m.text(" of a connectionless type with no peer set: connect(2) it to an address first, or send with sendto(2) naming one");
}

/// EPERM from a memfd's seals.
pub fn sealed(m: &mut Message, arg: &str, fd: i32, seals: i32) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(" is sealed against ");
    let names = [(libc::F_SEAL_WRITE, "F_SEAL_WRITE"), (0x0010, "F_SEAL_FUTURE_WRITE"), (libc::F_SEAL_GROW, "F_SEAL_GROW")];
    let mut first = true;
    for (bit, name) in names {
        if seals & bit != 0 {
            m.text(if first { "" } else { " and " });
            m.text(if bit == libc::F_SEAL_GROW { "growing" } else { "writing" });
            m.text(" (");
            m.text(name);
            m.text(")");
            first = false;
        }
    }
    m.text(", as fcntl F_GET_SEALS shows; seals cannot be removed");
}

/// EISDIR: read(2) on a directory.
pub fn is_directory(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    is_a(m, arg, fd, Kind::Directory);
    m.text("; a directory's entries are read with getdents(2) or readdir(3), not read(2)");
}

/// close(2) reporting a write error: it belongs to data written before.
pub fn deferred_write_error(m: &mut Message, errnum: i32) {
    m.text(match errnum {
        libc::EIO => "; the error belongs to data written earlier and flushed only now (network file systems such as NFS write back on close)",
        _ => "; data written earlier could not be stored when it was flushed at close (network file systems such as NFS defer the write, and its error, to close)",
    });
}

/// Retrying close on Linux could close a descriptor another thread has just been given.
pub fn close_released(m: &mut Message) {
    m.text("; the descriptor has been released all the same, so it must not be closed again");
}
