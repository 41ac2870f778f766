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
];

/// For an errno the call file does not diagnose: what it means, in general.
pub fn meaning(m: &mut Message, errnum: i32) {
    m.because();
    match MEANINGS.iter().find(|(e, _)| *e == errnum) {
        Some((_, text)) => m.text(text),
        None if crate::errno::name(errnum).is_none() => {
            let _ = core::fmt::write(m, format_args!("{errnum} is not an error number this system defines, so nothing more can be said about it"));
        }
        None => m.text("this call is not documented to fail this way, so the error most likely comes from the file system or driver underneath"),
    }
}
