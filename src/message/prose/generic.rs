//! What an error means in general, for errors a call file has nothing specific to say
//! about, and for unknown error numbers.

use crate::message::Message;

const MEANINGS: &[(i32, &str)] = &[
    (libc::EINTR, "a signal arrived while the call was waiting, and its handler was not installed with SA_RESTART; the call may simply be retried"),
    (libc::EIO, "the device reported a low-level input/output error; the kernel log (dmesg) may say more about the hardware or the file system"),
    (libc::ENOMEM, "the kernel could not allocate the memory it needed for this call"),
    (libc::EAGAIN, "the operation would have had to wait, and the descriptor is in non-blocking mode"),
    (libc::EPERM, "the operation is not permitted for this process, whatever the permission bits"),
    (libc::EACCES, "the permissions do not allow this access"),
    (libc::EINVAL, "an argument has a value this call does not accept"),
    (libc::ENOSYS, "this kernel does not implement the call"),
    (libc::EOPNOTSUPP, "the object does not support this operation"),
    (libc::EFAULT, "an argument pointed outside the process's accessible memory when the call was made; it is readable now, so the memory may have been changed or unmapped in between"),
    (libc::EBADF, "a file descriptor argument was not open, or not open in a suitable mode, when the call was made"),
    (libc::ENOENT, "a file named by an argument did not exist when the call was made; it may have been created since"),
    (libc::EEXIST, "a file named by an argument already existed when the call was made"),
    (libc::ENOTDIR, "a path component used as a directory was not one when the call was made"),
    (libc::EISDIR, "a path named a directory where this call needs another kind of file"),
    (libc::ELOOP, "too many symbolic links were met resolving a path when the call was made"),
    (libc::ENAMETOOLONG, "a path, or a component of it, was longer than the file system allows"),
    (libc::EBUSY, "the file or device was in use (a mount point, or held by another process) when the call was made"),
    (libc::ENOTEMPTY, "a directory that had to be empty was not, when the call was made"),
    (libc::EXDEV, "the two paths were on different file systems (or different mounts), and this call cannot cross them"),
    (libc::EMFILE, "the process had reached its limit on open file descriptors (RLIMIT_NOFILE)"),
    (libc::ENFILE, "the system-wide table of open files was full"),
    (libc::ENOSPC, "the device or file system had no room left for the data"),
    (libc::EDQUOT, "the user's disk quota (blocks or inodes) on the file system was used up"),
    (libc::EROFS, "the file system was read-only"),
];

/// For an errno the call file does not diagnose: what it means, in general. With the
/// `debug` option, a note for libexplain's developers says which errno of which call
/// fell through to here.
pub fn meaning(m: &mut Message, errnum: i32) {
    m.because();
    if m.opts.debug {
        let mut note = [0u8; 128];
        let mut w = Message::new(&mut note);
        w.text(" [libexplain debug: ");
        w.text(m.call_name());
        w.text(" has no diagnosis of its own for ");
        match crate::errno::name(errnum) {
            Some(n) => w.text(n),
            None => w.number(errnum as i64),
        }
        w.text("]");
        let n = w.finish();
        general(m, errnum);
        return m.raw(&note[..n]);
    }
    general(m, errnum);
}

fn general(m: &mut Message, errnum: i32) {
    match MEANINGS.iter().find(|(e, _)| *e == errnum) {
        Some((_, text)) => m.text(text),
        None if crate::errno::name(errnum).is_none() => {
            let _ = core::fmt::write(m, format_args!("{errnum} is not an error number this system defines, so nothing more can be said about it"));
        }
        None => m.text("the library found nothing more specific to say about this error here; it most likely comes from the file system or driver underneath"),
    }
}
