//! Making names, in words: hard and symbolic links, device nodes, file sizes, temporary
//! file templates and the directories temporary files are made in.

use super::{access, dirent, fs, generic, ids, limits, location, path};
use crate::decode::{file_type_name, write_mknod_mode};
use crate::message::Message;
use crate::probe::creds::{capability_name, Creds, CAP_FOWNER, CAP_MKNOD};
use crate::probe::dirent_ops::{creation_refused, link_max};
use crate::probe::fd::type_name;
use crate::probe::mounts::{mount_of, Mount};
use crate::probe::names::{self, Passed, Template, TmpChoice, TmpSource, UnsafeSource};
use crate::probe::path::Found;
use crate::sys::Stat;

/// EXDEV for link: the two mounts.
pub fn cross_mount(m: &mut Message, args: [&str; 2], old: &Found, new: &Found) {
    if crate::probe::mounts::same_mount(old, new) == Some(true) {
        return super::postmortem::one_mount_now(m, args, old);
    }
    m.because();
    let from = old.stat.and_then(|st| mount_of(&st));
    let to = mount_of(&new.dir_stat);
    let (Some(from), Some(to)) = (from, to) else {
        m.text(args[0]);
        m.text(" and ");
        m.text(args[1]);
        return m.text(" are on different file systems, and a hard link cannot cross them");
    };
    m.text(args[0]);
    m.text(" is on ");
    fs::mount(m, &from);
    m.text(" and ");
    m.text(args[1]);
    m.text(" would be on ");
    fs::mount(m, &to);
    if from.point.as_bytes() == to.point.as_bytes() {
        m.text(" (two mounts of the one file system)");
    }
    m.text("; a hard link must stay within one mount (a symbolic link, ln -s, may point anywhere)");
}

/// EPERM: oldpath is a directory.
pub fn directory_link(m: &mut Message, arg: &str, found: &Found) {
    m.because();
    m.text(arg);
    m.text(" ");
    path::final_is(m, found, "a directory, and hard links to directories are not allowed (they would make loops in the tree); a symbolic link (ln -s) may name a directory");
}

/// EPERM under protected_hardlinks: the owner, the caller, and what makes the file unsafe.
pub fn unsafe_source(m: &mut Message, arg: &str, found: &Found, st: &Stat, why: &UnsafeSource, creds: &Creds) {
    m.because();
    m.text("/proc/sys/fs/protected_hardlinks is 1, so only the owner of a file (or a process with ");
    m.text(capability_name(CAP_FOWNER));
    m.text(") may hard-link it unless it is a regular file the caller can read and write; ");
    m.text(arg);
    m.text(" ");
    location::path(m, found.start, found.path.as_bytes());
    m.text(" belongs to ");
    ids::user(m, st.st_uid);
    m.text(", not to the process's effective user ");
    ids::user(m, creds.uid);
    m.text(", and ");
    match why {
        UnsafeSource::NotRegular => {
            m.text("it is a ");
            m.text(type_name(st.st_mode));
            m.text(", not a regular file");
        }
        UnsafeSource::SetUid => {
            let _ = core::fmt::write(m, format_args!("it is set-user-ID (mode 0{:o})", st.st_mode & 0o7777));
        }
        UnsafeSource::SetGidExecutable => {
            let _ = core::fmt::write(m, format_args!("it is set-group-ID and group-executable (mode 0{:o})", st.st_mode & 0o7777));
        }
        UnsafeSource::NoReadWrite(d) => {
            access::denied(m, st, d, creds, |m| m.text("it"));
        }
    }
}

/// EMLINK: the file's link count against its file system's limit.
pub fn file_link_limit(m: &mut Message, arg: &str, found: &Found, st: &Stat) {
    m.because();
    m.text(arg);
    m.text(" ");
    dirent::final_type(m, found, st, "");
    let _ = core::fmt::write(m, format_args!(" already has {} hard links", st.st_nlink));
    let Some(mnt) = mount_of(st) else {
        return m.text(", the most its file system allows");
    };
    m.text(", and ");
    match link_max(&mnt) {
        Some(max) => {
            let _ = core::fmt::write(m, format_args!("the limit (LINK_MAX) is {max} on "));
        }
        None => m.text("that is the limit on "),
    }
    fs::mount(m, &mnt);
}

/// EEXIST: what is already at `arg`; a symbolic link is shown with its target.
pub fn already_exists(m: &mut Message, arg: &str, found: &Found, st: &Stat, tail: &str) {
    m.because();
    m.text(arg);
    m.text(" ");
    dirent::existing(m, found, st);
    m.text(", is already there");
    m.text(tail);
}

/// ENOENT for symlink with an empty target.
pub fn empty_target(m: &mut Message) {
    m.because();
    m.text("oldpath, the target the symbolic link would hold, is the empty string, which Linux refuses (a link must point somewhere, even to a name that does not exist)");
}

/// EPERM from mknod: a device file needs CAP_MKNOD; else the file system refused.
pub fn node_refused(m: &mut Message, mode: u32, found: &Found, creds: &Creds) {
    let kind = mode & libc::S_IFMT;
    if (kind == libc::S_IFCHR || kind == libc::S_IFBLK) && !creds.has_cap(CAP_MKNOD) {
        m.because();
        m.text("creating a ");
        m.text(type_name(mode));
        m.text(" needs the ");
        m.text(capability_name(CAP_MKNOD));
        m.text(" capability, which the process (effective user ");
        ids::user(m, creds.uid);
        m.text(") does not have; FIFOs (S_IFIFO) and sockets need no privilege");
        return;
    }
    if kind == libc::S_IFCHR || kind == libc::S_IFBLK {
        m.because();
        m.text("the process has ");
        m.text(capability_name(CAP_MKNOD));
        m.text(", so the refusal comes from its user namespace (device files cannot be made inside one) or from ");
        match mount_of(&found.dir_stat) {
            Some(mnt) => fs::mount(m, &mnt),
            None => m.text("the file system"),
        }
        return;
    }
    fs::refuses(m, found, "creating this type of file");
}

/// EINVAL from mknod: the file type field of mode.
pub fn bad_node_type(m: &mut Message, mode: u32) {
    m.because();
    m.text("mode = ");
    write_mknod_mode(m, mode as i64);
    match file_type_name(mode) {
        Some(_) => {
            m.text(" asks for a ");
            m.text(type_name(mode));
            m.text(", which mknod does not create (mkdir(2) makes directories, symlink(2) symbolic links)");
        }
        None => {
            let _ = core::fmt::write(m, format_args!(" has the file type bits 0{:o}, which are not a file type at all", mode & libc::S_IFMT));
        }
    }
    m.text("; mknod makes regular files (S_IFREG or 0), character and block devices (S_IFCHR, S_IFBLK), FIFOs (S_IFIFO) and sockets (S_IFSOCK)");
}

/// EFBIG: the length against RLIMIT_FSIZE, or against the file system's largest file.
pub fn too_big(m: &mut Message, length: i64, limit: Option<u64>, fs_max: Option<(u64, &Mount)>) {
    m.because();
    let len = length as u64;
    match (limit, fs_max) {
        (Some(l), _) if len > l => {
            let _ = core::fmt::write(m, format_args!("length {len} is larger than the process's file size limit (RLIMIT_FSIZE) of {l} bytes (set with ulimit -f, whose blocks are 512 or 1024 bytes depending on the shell, or setrlimit); exceeding it also sends SIGXFSZ"));
        }
        (_, Some((max, mnt))) => {
            let _ = core::fmt::write(m, format_args!("length {len} is larger than the largest file ({max} bytes) that "));
            fs::mount(m, mnt);
            m.text(" can hold");
        }
        _ => {
            let _ = core::fmt::write(m, format_args!("length {len} is larger than the largest file the file system can hold"));
        }
    }
}

/// EINVAL: a negative length.
pub fn negative_length(m: &mut Message, length: i64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("length is {length}, and a file's length cannot be negative"));
}

/// EINVAL from the mkstemp family: the template does not end in six X's.
pub fn bad_template(m: &mut Message, arg: &str, t: &Template) {
    m.because();
    m.text(arg);
    let _ = core::fmt::write(m, format_args!(" is {} bytes long and ", t.len));
    if t.len < names::SUFFIX_LEN {
        m.text("shorter than the six \"XXXXXX\" it must end in");
        return;
    }
    m.text("ends in ");
    m.quoted(t.tail());
    match t.trailing_x {
        0 => m.text(", with no X at the end"),
        n => {
            let _ = core::fmt::write(m, format_args!(", only {n} X{}", if n == 1 { "" } else { "'s" }));
        }
    }
    m.text("; the last six characters must be \"XXXXXX\", which are replaced to make the name unique");
}

/// An emptied template: mktemp(3) clears it when it fails.
pub fn emptied_template(m: &mut Message, arg: &str) {
    m.because();
    m.text(arg);
    m.text(" is the empty string: mktemp(3) sets its first byte to NUL when it fails, so the template it was given (which must end in \"XXXXXX\", in a directory the process may search) can no longer be examined; explain a copy of it taken before the call");
}

/// EEXIST from the mkstemp family: every name tried was taken.
pub fn names_exhausted(m: &mut Message, found: &Found, taken: Option<usize>) {
    m.because();
    let _ = core::fmt::write(m, format_args!(
        "the six X's allow {} (62^6) names, and all {} (62^3) that glibc tried in ",
        names::names_possible(),
        names::ATTEMPTS
    ));
    location::directory(m, found.start, found.dir());
    m.text(" were taken");
    match taken {
        Some(0) => m.text(" (none of those names is there now: they were taken only for a moment, or removed since)"),
        Some(n) => {
            let _ = core::fmt::write(m, format_args!(" (it now holds {n} entries that fit the template)"));
        }
        None => {}
    }
    m.text("; the random source may be failing, or another process creates the same names");
}

fn source(m: &mut Message, s: TmpSource) {
    m.text(match s {
        TmpSource::Env => "the TMPDIR environment variable",
        TmpSource::Argument => "the dir argument",
        TmpSource::PTmpdir => "P_tmpdir, the system's default",
    });
}

/// Which directory a temporary name was made in, and the candidates passed over.
pub fn temp_dir(m: &mut Message, c: &TmpChoice) {
    m.because();
    match &c.used {
        Some((s, dir)) => {
            m.text("the temporary file's directory was ");
            m.quoted(dir.as_bytes());
            m.text(" (");
            source(m, *s);
            m.text(")");
        }
        None => m.text("no directory was available for temporary files"),
    }
    for (s, p, why) in c.passed.iter().flatten() {
        m.text("; ");
        source(m, *s);
        m.text(" names ");
        m.quoted(p.as_bytes());
        match why {
            Passed::NotDir(mode) => {
                m.text(", a ");
                m.text(type_name(*mode));
                m.text(", not a directory, so it was passed over");
            }
            Passed::Failed(e) => {
                m.text(", which was passed over because examining it failed with ");
                m.error(*e);
            }
        }
    }
}

/// Why a new file or directory (what) could not be made at `found`: the directory's
/// permissions and attributes, its file system, or the process's limits.
pub fn creation_failed(m: &mut Message, errnum: i32, found: &Found, what: &str) {
    let creds = m.creds();
    match errnum {
        libc::EACCES | libc::EPERM => {
            let action = |m: &mut Message| {
                m.text(what);
            };
            dirent::refused(m, errnum, creation_refused(found, &creds), found, &creds, action, what);
        }
        libc::EROFS | libc::ENOSPC | libc::EDQUOT => fs::file_system(m, errnum, found),
        libc::ENOENT => dirent::parent_gone(m, found),
        libc::ENOTDIR => dirent::changed_since(m, "the path"),
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EIO => fs::io_error(m, found),
        libc::EMLINK => dirent::too_many_links(m, found.start, found.dir(), &found.dir_stat),
        _ => generic::meaning(m, errnum),
    }
}

/// EINVAL: bits of flags the call does not know.
pub fn unknown_at_flags(m: &mut Message, flags: i32, known: i32) {
    m.because();
    m.text("flags = ");
    crate::decode::write_at_flags(m, flags as i64);
    m.text(" holds ");
    crate::decode::write_at_flags(m, (flags & !known) as i64);
    m.text(", which this call does not accept; it takes only ");
    crate::decode::write_at_flags(m, known as i64);
}

/// linkat with AT_EMPTY_PATH: the descriptor's file is `what`.
pub fn empty_path(m: &mut Message, fd: i32, what: &str) {
    m.because();
    m.text("old_path is empty and flags has AT_EMPTY_PATH, so the file to link is old_fildes ");
    crate::decode::write_fd(m, fd as i64);
    m.text(", which is ");
    m.text(what);
}

/// ENAMETOOLONG for symlink's target.
pub fn target_too_long(m: &mut Message, len: usize) {
    m.because();
    let _ = core::fmt::write(m, format_args!("oldpath, the target the symbolic link would hold, is {len} bytes long, and a link's target may be at most {} bytes (PATH_MAX less one)", crate::probe::path::PATH_MAX - 1));
}


/// ETXTBSY: `(process 123 "sleep")` and why it matters.
pub fn running_in(m: &mut Message, pid: Option<i32>) {
    if let Some(pid) = pid {
        m.text(" (process ");
        ids::process(m, pid);
        m.text(")");
    }
    m.text(", and the file of a running program cannot be changed while it runs");
}

/// EPERM from truncate with no attribute to blame: the file system will not resize.
pub fn cannot_resize(m: &mut Message, found: &Found, size: i64, length: i64) {
    m.because();
    match mount_of(&found.stat.unwrap_or(found.dir_stat)) {
        Some(mnt) => fs::mount(m, &mnt),
        None => m.text("the file system"),
    }
    if length > size {
        let _ = core::fmt::write(m, format_args!(" does not support extending a file beyond its current size ({size} bytes) to {length} bytes"));
    } else {
        m.text(" refused to change the file's size (or a security module did)");
    }
}

/// ftruncate on a descriptor not open for writing.
pub fn needs_writing(m: &mut Message) {
    m.text("; ftruncate needs a descriptor open for writing (Linux answers EINVAL for this, POSIX allows EBADF too)");
}

/// EPERM from a memfd seal on its size.
pub fn size_sealed(m: &mut Message, fd: i32, seal: i32, size: i64, length: i64) {
    m.because();
    m.text("fildes ");
    crate::decode::write_fd(m, fd as i64);
    let (name, how) = if seal == libc::F_SEAL_GROW { ("F_SEAL_GROW", "grow") } else { ("F_SEAL_SHRINK", "shrink") };
    let _ = core::fmt::write(m, format_args!(" is sealed with {name} (fcntl F_GET_SEALS), and changing its size from {size} to {length} bytes would {how} it; seals cannot be removed"));
}

/// EPERM: the descriptor's file is append-only.
pub fn fd_is_append_only(m: &mut Message, fd: i32) {
    m.because();
    m.text("fildes ");
    crate::decode::write_fd(m, fd as i64);
    m.text(" is an append-only file (chattr +a): it may only grow by appending, never be truncated, until the attribute is cleared (chattr -a)");
}

/// EINVAL from mkostemp: flags the temporary file cannot be opened with.
pub fn bad_mkostemp_flags(m: &mut Message, flags: i32) {
    m.because();
    m.text("flags = ");
    crate::decode::write_mkostemp_flags(m, flags as i64);
    m.text(" is added to O_RDWR|O_CREAT|O_EXCL, and ");
    if flags & libc::O_DIRECT != 0 {
        m.text("O_DIRECT is not supported by the file system of the template's directory");
    } else {
        m.text("O_TMPFILE and O_PATH cannot make a named file; mkostemp takes O_APPEND, O_CLOEXEC and O_SYNC");
    }
}

/// After a denial on the temporary directory: why the name needed it.
pub fn temp_name_needs(m: &mut Message) {
    m.text(", which making a temporary name there needs: glibc examines each candidate name in it with lstat, and the file is then to be created in it");
}

/// EINVAL from tempnam: the directory and prefix do not fit its buffer.
pub fn temp_path_too_long(m: &mut Message, c: &TmpChoice, prefix_len: usize, max: usize) {
    temp_dir(m, c);
    if let Some((_, d)) = &c.used {
        let _ = core::fmt::write(m, format_args!("; its {} bytes, a '/', {prefix_len} bytes of prefix and six letters do not fit in the {max} bytes (FILENAME_MAX) glibc builds the name in", d.len()));
    }
}
