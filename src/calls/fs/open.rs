//! open(2): ERRORS EACCES, EBADF (openat), EBUSY, EDQUOT, EEXIST, EFAULT, EFBIG,
//! EOVERFLOW, EINTR, EINVAL, EISDIR, ELOOP, EMFILE, ENAMETOOLONG, ENFILE, ENODEV,
//! ENOENT, ENOMEM, ENOSPC, ENOTDIR, ENXIO, EOPNOTSUPP, EPERM, EROFS, ETXTBSY,
//! EWOULDBLOCK. `diagnose` is shared with openat(2) and creat(2).

use crate::decode::Text;
use crate::message::prose::{access, device, fs, limits, location, path, postmortem};
use crate::message::Message;
use crate::probe::creds::{decide, READ, SEARCH, WRITE};
use crate::probe::path::{is_dir, Found, Start};
use crate::probe::{files, mounts};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, flags: i32, mode: u32) {
    diagnose(m, errnum, Start::Cwd, pathname, flags, mode);
}

fn wants_write(flags: i32) -> bool {
    flags & libc::O_ACCMODE != libc::O_RDONLY || flags & libc::O_TRUNC != 0
}

fn creates(flags: i32) -> bool {
    flags & libc::O_CREAT != 0 || flags & libc::O_TMPFILE == libc::O_TMPFILE
}

pub fn diagnose(m: &mut Message, errnum: i32, start: Start, pathname: &Text, flags: i32, _mode: u32) {
    match errnum {
        libc::EMFILE => return limits::too_many_open_files(m),
        libc::ENFILE => return limits::too_many_files_in_system(m),
        libc::EINVAL if flags & libc::O_TMPFILE == libc::O_TMPFILE && flags & libc::O_ACCMODE == libc::O_RDONLY => {
            m.because();
            return m.text("O_TMPFILE creates a file with no name, which is useless unless opened for writing: add O_WRONLY or O_RDWR");
        }
        libc::EINVAL if flags & libc::O_ACCMODE == libc::O_ACCMODE => {
            m.because();
            return m.text("the access mode bits of flags are 3, which is not O_RDONLY, O_WRONLY or O_RDWR");
        }
        libc::EINVAL if flags & libc::O_CREAT != 0 && flags & libc::O_DIRECTORY != 0 && flags & libc::O_TMPFILE != libc::O_TMPFILE => {
            m.because();
            return m.text("O_CREAT and O_DIRECTORY together are refused: open(2) cannot create a directory (use mkdir)");
        }
        _ => {}
    }
    // O_CREAT without O_EXCL follows a final symlink; so does plain open unless O_NOFOLLOW.
    let follow = flags & libc::O_NOFOLLOW == 0 && !(flags & libc::O_CREAT != 0 && flags & libc::O_EXCL != 0);
    let Ok(found) = &path::resolve_or_explain(m, "pathname", pathname, start, follow) else { return };
    let creds = m.creds();
    match (errnum, found.stat) {
        (libc::ENOENT, None) if flags & libc::O_CREAT != 0 => path::missing_final(m, found),
        (libc::ENOENT, _) if flags & libc::O_TMPFILE == libc::O_TMPFILE => {
            m.because();
            m.text("O_TMPFILE needs pathname to name an existing directory, and ");
            path::final_is(m, found, if found.stat.is_some() { "not one" } else { "missing" });
        }
        (libc::ENOENT, None) => path::missing_final(m, found),
        (libc::EACCES, Some(st)) => {
            let want = if wants_write(flags) { WRITE } else { 0 } | if flags & libc::O_ACCMODE != libc::O_WRONLY { READ } else { 0 };
            if postmortem::file_allows_everyone(m, found, &st, want) {
                return;
            }
            access::refusal(m, &st, want, &creds, |m| location::path(m, found.start, found.path.as_bytes()));
        }
        (libc::EACCES, None) => {
            let d = decide(&found.dir_stat, WRITE | SEARCH, &creds);
            m.because();
            access::denied(m, &found.dir_stat, &d, &creds, |m| location::directory(m, found.start, found.dir()));
            m.text(", which creating ");
            m.quoted(found.name());
            m.text(" needs");
        }
        (libc::EEXIST, Some(st)) => {
            m.because();
            crate::message::prose::dirent::existing(m, found, &st);
            m.text(", already there, and O_CREAT|O_EXCL asks for a new file");
        }
        (libc::EISDIR, Some(st)) if is_dir(&st) => {
            m.because();
            path::final_is(m, found, "a directory, and directories cannot be opened for writing");
        }
        (libc::ENOTDIR, Some(st)) if flags & libc::O_DIRECTORY != 0 && !is_dir(&st) => {
            m.because();
            path::final_is(m, found, "a ");
            m.text(crate::probe::fd::type_name(st.st_mode));
            m.text(", and O_DIRECTORY requires a directory");
        }
        (libc::ELOOP, Some(_)) if found.final_is_link && flags & libc::O_NOFOLLOW != 0 => {
            m.because();
            path::final_is(m, found, "a symbolic link, and O_NOFOLLOW refuses to follow it");
        }
        (libc::EROFS | libc::ENOSPC | libc::EDQUOT, _) => fs::file_system(m, errnum, found),
        (libc::ETXTBSY, Some(st)) if files::process_running(&st).is_none() => {
            postmortem::program_ended(m, "pathname", found, &st);
        }
        (libc::ETXTBSY, Some(st)) => {
            m.because();
            path::final_is(m, found, "a program that is running");
            if let Some(pid) = files::process_running(&st) {
                m.text(" (process ");
                crate::message::prose::ids::process(m, pid);
                m.text(")");
            }
            m.text(", and its file cannot be opened for writing while it runs");
        }
        (libc::EPERM, Some(st)) if flags & libc::O_NOATIME != 0 && st.st_uid != creds.uid => {
            m.because();
            m.text("O_NOATIME is allowed only to the file's owner (");
            crate::message::prose::ids::user(m, st.st_uid);
            m.text(") or with the CAP_FOWNER capability, and the process's effective user is ");
            crate::message::prose::ids::user(m, creds.uid);
        }
        (libc::ENXIO | libc::ENODEV, Some(st)) if !matches!(st.st_mode & libc::S_IFMT, libc::S_IFCHR | libc::S_IFBLK | libc::S_IFIFO | libc::S_IFSOCK) => {
            let then = if errnum == libc::ENODEV { "a device special file with no driver for it" } else { "a device special file with no device present, a FIFO with no reader, or a socket" };
            postmortem::path_was(m, "pathname", found, then);
        }
        (libc::ENXIO, Some(st)) => {
            m.because();
            match st.st_mode & libc::S_IFMT {
                libc::S_IFIFO => path::final_is(m, found, "a FIFO with no process reading it, and O_NONBLOCK|O_WRONLY does not wait for one"),
                libc::S_IFSOCK => path::final_is(m, found, "a UNIX domain socket, which is connected to (connect(2)), not opened"),
                _ => {
                    path::final_is(m, found, "a device special file");
                    device::numbers(m, &st);
                    m.text(" with no device present");
                }
            }
        }
        (libc::ENODEV, Some(st)) => {
            m.because();
            path::final_is(m, found, "a device special file");
            device::numbers(m, &st);
            m.text(" for which no driver is loaded");
        }
        (libc::EFBIG | libc::EOVERFLOW, Some(st)) => {
            m.because();
            path::final_is(m, found, "");
            let _ = core::fmt::write(m, format_args!("{} bytes long, too large to open without O_LARGEFILE", st.st_size));
        }
        (libc::EBUSY, Some(_)) if flags & libc::O_EXCL != 0 => {
            m.because();
            path::final_is(m, found, "a block device that is in use (mounted, or opened exclusively), and O_EXCL asks for exclusive use");
        }
        (libc::EOPNOTSUPP, _) if creates(flags) => {
            m.because();
            m.text("the file system does not support O_TMPFILE");
            mount_phrase(m, found);
        }
        (libc::EINVAL, _) if flags & libc::O_DIRECT != 0 => {
            m.because();
            m.text("the file system does not support O_DIRECT");
            mount_phrase(m, found);
        }
        (libc::EINVAL, None) => fs::invalid_name(m, found),
        (libc::EWOULDBLOCK, Some(_)) => {
            m.because();
            m.text("O_NONBLOCK was given and another process holds a lease on the file (fcntl F_SETLEASE)");
        }
        _ => postmortem::final_component(m, errnum, "pathname", found),
    }
}

fn mount_phrase(m: &mut Message, found: &Found) {
    if let Some(mnt) = mounts::mount_of(&found.dir_stat) {
        m.text(": ");
        fs::mount(m, &mnt);
    }
}
