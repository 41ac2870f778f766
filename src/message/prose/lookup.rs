//! What the calls that look a file up and report on it (the stat, statfs and pathconf
//! families, access, readlink, realpath) have in common: the walk to the file, the
//! numbers that do not fit a 32-bit structure, the file system that holds the file.

use super::{fs, generic, location, path};
use crate::decode::{fs_magic, Entry};
use crate::message::Message;
use crate::probe::fd::{facts, type_name};
use crate::probe::mounts::{mount_of, mount_of_dev, Mount};
use crate::probe::overflow::{statfs_fields, stat_fields, Field};
use crate::probe::path::{is_dir, Found};
use crate::sys::Stat;

/// Whether the walk's `found` is an existing file. When the final component is missing,
/// or a trailing '/' names something that is not a directory, explains that (whatever
/// `errnum` is: it is what the kernel met first) and returns None. Otherwise returns its
/// status, for the call's own arms. Callers walk first and bind the walk by reference
/// (see `path::resolve_or_explain`).
pub fn existing(m: &mut Message, arg: &str, found: &Found) -> Option<Stat> {
    let Some(st) = found.stat else {
        path::missing_final(m, found);
        return None;
    };
    if found.trailing_slash && !is_dir(&st) {
        if m.contradicts(libc::ENOTDIR) {
            let errnum = m.errnum();
            super::postmortem::unconfirmed(m, errnum, Some(&st));
            m.note();
        }
        m.because();
        path::final_is(m, found, "a ");
        m.text(type_name(st.st_mode));
        m.text(", and ");
        m.text(arg);
        m.text(" ends in '/', which only a directory may");
        return None;
    }
    Some(st)
}

/// The file a call reported on: found through a path, or open as a descriptor.
#[derive(Clone, Copy)]
pub enum Subject<'a> {
    Path(&'a Found),
    /// The argument's name and the descriptor.
    Fd(&'a str, i32),
}

impl Subject<'_> {
    /// `"/etc/passwd"`, or `fildes 3 "/etc/passwd"`.
    pub fn write(&self, m: &mut Message) {
        match *self {
            Subject::Path(found) => location::path(m, found.start, found.path.as_bytes()),
            Subject::Fd(arg, fd) => {
                super::fd::argument(m, arg, fd);
            }
        }
    }
}

/// The file open as `fd` (the argument `arg`); when it is not open, explains EBADF and
/// returns None.
pub fn open_file(m: &mut Message, arg: &str, fd: i32) -> Option<Stat> {
    match facts(fd).and_then(|f| f.stat) {
        Some(st) => Some(st),
        None => {
            super::fd::bad_fd(m, arg, fd, None);
            None
        }
    }
}

/// For an error the walk would explain (ENOENT, ENOTDIR, EACCES, ELOOP, ENAMETOOLONG)
/// but did not meet: the path resolves now; otherwise what the error means, with the
/// file system for EIO.
pub fn unexplained(m: &mut Message, errnum: i32, subject: Subject, st: &Stat) {
    match (errnum, subject) {
        (libc::ENOENT | libc::ENOTDIR | libc::EACCES | libc::ELOOP | libc::ENAMETOOLONG, Subject::Path(found)) => {
            super::postmortem::final_component(m, errnum, "pathname", found);
        }
        (libc::ENOENT | libc::ENOTDIR | libc::EACCES | libc::ELOOP | libc::ENAMETOOLONG, Subject::Fd(..)) => {
            m.because();
            subject.write(m);
            m.text(" resolves now to a ");
            m.text(type_name(st.st_mode));
            m.text(" with every directory on the way searchable, so the file system changed after the call failed");
        }
        (libc::EIO, _) => io_error(m, st),
        (libc::EINTR, _) => interrupted(m, mount_of(st).as_ref()),
        _ => generic::meaning(m, errnum),
    }
}

/// EINTR while the file system was being asked (a network file system, typically).
pub fn interrupted(m: &mut Message, mnt: Option<&Mount>) {
    m.because();
    m.text("a signal arrived while the call waited for ");
    file_system(m, mnt);
    m.text(" to answer, and its handler was not installed with SA_RESTART; the call may simply be retried");
}

/// `the "tmpfs" file system (f_type TMPFS_MAGIC) mounted on "/mnt"`, or what is known.
pub fn file_system(m: &mut Message, mnt: Option<&Mount>) {
    let Some(mnt) = mnt else {
        m.text("its file system (not listed in /proc/self/mountinfo)");
        return;
    };
    fs::mount(m, mnt);
    if let Some(e) = mnt.stat.and_then(|s| fs_magic(s.f_type)) {
        m.text(" (f_type ");
        m.text(e.name);
        m.text(")");
    }
}

/// EIO: the device under the file's file system.
pub fn io_error(m: &mut Message, st: &Stat) {
    m.because();
    m.text("the device under ");
    file_system(m, mount_of(st).as_ref());
    m.text(" reported a low-level input/output error; the kernel log (dmesg) may say more");
}

/// ENOSYS from statfs(2)/ustat(2): the file system does not answer the question.
pub fn fs_unsupported(m: &mut Message, mnt: Option<&Mount>, call: &str) {
    m.because();
    file_system(m, mnt);
    m.text(" does not implement ");
    m.text(call);
}

fn fields(m: &mut Message, fs: &[Field], structure: &str) -> bool {
    let mut any = false;
    for f in fs.iter().filter(|f| f.overflows()) {
        m.text(if any { "; " } else { "" });
        let _ = core::fmt::write(m, format_args!("{} is {}, more than the {} that the field of a 32-bit {structure} can hold", f.name, f.value, f.max));
        any = true;
    }
    any
}

const LFS: &str = ": the program was built without large file support (compile with -D_FILE_OFFSET_BITS=64)";

/// EOVERFLOW from the stat family: which of the file's numbers do not fit.
pub fn stat_overflow(m: &mut Message, subject: Subject, st: &Stat) {
    m.because();
    subject.write(m);
    m.text(" is a ");
    m.text(type_name(st.st_mode));
    m.text(", and ");
    if fields(m, &stat_fields(st), "struct stat") {
        m.text(LFS);
    } else {
        let _ = core::fmt::write(m, format_args!(
            "none of its numbers exceeds 32 bits now (size {}, inode {}, {} blocks), so it changed after the call, or the caller's struct stat is narrower still",
            st.st_size, st.st_ino, st.st_blocks));
    }
}

/// EOVERFLOW from the statfs family: which of the file system's counts do not fit.
pub fn statfs_overflow(m: &mut Message, mnt: Option<&Mount>, structure: &str) {
    m.because();
    file_system(m, mnt);
    match mnt.and_then(|mnt| mnt.stat) {
        Some(s) => {
            m.text(" is too large for the caller's ");
            m.text(structure);
            m.text(": ");
            if fields(m, &statfs_fields(&s), structure) {
                m.text(LFS);
            } else {
                let _ = core::fmt::write(m, format_args!(
                    "none of its counts exceeds 32 bits now ({} blocks of {} bytes, {} inodes), so it changed after the call, or the caller's structure is narrower still",
                    s.f_blocks, s.f_frsize, s.f_files));
            }
        }
        None => m.text(" has counts too large for the caller's structure; they could not be read to say which"),
    }
}

/// The mount of the device `dev` (ustat(2)), or None with the explanation written.
pub fn mounted_device(m: &mut Message, arg: &str, dev: u64) -> Option<Mount> {
    let mnt = mount_of_dev(dev);
    if mnt.is_none() {
        m.because();
        let _ = core::fmt::write(m, format_args!(
            "{arg} (major {}, minor {}) is not the device of any mounted file system (none in /proc/self/mountinfo)",
            libc::major(dev), libc::minor(dev)));
    }
    mnt
}

/// Bits of a flags or mode argument that the call does not accept: `flags contains
/// 0x8000, which fstatat(2) does not accept: it takes AT_SYMLINK_NOFOLLOW, … and …`.
pub fn unknown_bits(m: &mut Message, arg: &str, bits: i64, table: &[Entry], call: &str, zero: Option<&str>) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} contains {bits:#x}, which {call} does not accept: it takes "));
    for (i, e) in table.iter().enumerate() {
        m.text(match i {
            0 => "",
            _ if i + 1 == table.len() => " and ",
            _ => ", ",
        });
        m.text(e.name);
    }
    if let Some(z) = zero {
        m.text(" (or ");
        m.text(z);
        m.text(", 0)");
    }
}

/// The empty path of an *at call without AT_EMPTY_PATH.
pub fn empty_without_flag(m: &mut Message, arg: &str) {
    m.because();
    m.text(arg);
    m.text(" is the empty string, which names a file only with AT_EMPTY_PATH in flags (then the file is fildes itself)");
}

/// A file that is not the kind the call wants: `"/etc/passwd" is a regular file, not a
/// symbolic link`.
pub fn wrong_type(m: &mut Message, found: &Found, st: &Stat, wanted: &str) {
    m.because();
    path::final_is(m, found, "a ");
    m.text(type_name(st.st_mode));
    m.text(", not ");
    m.text(wanted);
}

/// ETXTBSY for write access to a program that is running.
pub fn running_program(m: &mut Message, found: &Found, st: &Stat) {
    m.because();
    path::final_is(m, found, "a program that is running");
    if let Some(pid) = crate::probe::files::process_running(st) {
        m.text(" (process ");
        super::ids::process(m, pid);
        m.text(")");
    }
    m.text(", and a running program's file cannot be written");
}

/// EPERM for write access (`writing`: W_OK was asked) to an immutable or append-only
/// file; what is known when the file has neither attribute now.
pub fn write_refused_by_attributes(m: &mut Message, found: &Found, writing: bool) {
    m.because();
    let attrs = found.attributes();
    path::final_is(m, found, "");
    match attrs {
        Some(a) if a.immutable => m.text(
            "marked immutable (chattr +i): nobody may write it, root included, until the attribute is removed with chattr -i (which needs CAP_LINUX_IMMUTABLE)",
        ),
        Some(a) if a.append_only => m.text("marked append-only (chattr +a): it may only be appended to, never written in place"),
        Some(_) => m.text("neither immutable nor append-only now (lsattr), so the attribute was removed since the call, or a security module refused the access"),
        None => m.text("on a file system whose file attributes (lsattr) could not be read; an immutable attribute or a security module refused the access"),
    }
    if !writing {
        m.text(", although mode does not ask for write access (W_OK)");
    }
}

/// A name the call does not know (`name` of pathconf(3)): the value and the range of
/// the names `table` holds.
pub fn unknown_name(m: &mut Message, arg: &str, value: i64, family: &str, table: &[Entry]) {
    m.because();
    let lo = table.iter().map(|e| e.value).min().unwrap_or(0);
    let hi = table.iter().map(|e| e.value).max().unwrap_or(0);
    let _ = core::fmt::write(m, format_args!("{arg} is {value}, which is none of the {family} names this system knows (they are {lo} to {hi}"));
    if let (Some(first), Some(last)) = (table.first(), table.last()) {
        let _ = core::fmt::write(m, format_args!(", {} to {}", first.name, last.name));
    }
    m.text(")");
}

/// A pathconf(3) name the file's type or file system has no value for.
pub fn name_not_associated(m: &mut Message, arg: &str, name: &str, subject: Subject, st: &Stat) {
    m.because();
    m.text(arg);
    m.text(" is ");
    m.text(name);
    m.text(", which has no value for ");
    subject.write(m);
    m.text(", a ");
    m.text(type_name(st.st_mode));
    m.text(" on ");
    file_system(m, mount_of(st).as_ref());
}

/// EINVAL for a buffer size that is not positive.
pub fn size_not_positive(m: &mut Message, arg: &str, size: usize) {
    m.because();
    if size == 0 {
        let _ = core::fmt::write(m, format_args!("{arg} is 0: the buffer must have room for at least one byte"));
    } else {
        let _ = core::fmt::write(m, format_args!("{arg} is {size}, which as a signed size ({}) is negative", size as isize));
    }
}

/// ENOMEM when the call allocates its result because the caller passed NULL.
pub fn result_allocation_failed(m: &mut Message, arg: &str, size: usize) {
    m.because();
    let _ = core::fmt::write(m, format_args!(
        "{arg} is NULL, so the result is allocated with malloc ({size} bytes, PATH_MAX), and the process is out of memory"));
    if let Some(limit) = crate::probe::limits::address_space_limit() {
        let _ = core::fmt::write(m, format_args!(" (its address space is limited to {limit} bytes, RLIMIT_AS)"));
    }
}

/// ENAMETOOLONG from realpath(3) when every name fits but the resolved path does not.
pub fn resolved_too_long(m: &mut Message, found: &Found) -> bool {
    let Some(abs) = location::absolute(found.start, found.path.as_bytes()) else { return false };
    if abs.len() < crate::probe::path::PATH_MAX {
        return false;
    }
    m.because();
    let _ = core::fmt::write(m, format_args!(
        "the resolved path is {} bytes long, longer than the limit for a path (PATH_MAX) of {} bytes",
        abs.len(), crate::probe::path::PATH_MAX - 1));
    true
}

/// ustat(2) EINVAL although the device is mounted now.
pub fn device_mounted_now(m: &mut Message, arg: &str, mnt: &Mount) {
    m.because();
    m.text(arg);
    m.text(" is now the device of ");
    file_system(m, Some(mnt));
    m.text(", so it was mounted after the call failed");
}
