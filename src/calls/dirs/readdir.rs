//! readdir(3): ERRORS EBADF; the getdents64(2) underneath adds ENOENT (the directory was
//! removed), ENOTDIR, EIO and EOVERFLOW. `diagnose` is shared with closedir(3),
//! dirfd(3) and telldir(3), whose only error is a stream that is not one.

use crate::message::prose::{dirstream, generic};
use crate::message::Message;
use crate::probe::dirstream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, dir: usize) {
    diagnose(m, errnum, dir);
}

pub fn diagnose(m: &mut Message, errnum: i32, dir: usize) {
    let s = examine(dir);
    if dirstream::not_a_stream(m, "dir", &s) {
        return;
    }
    match (errnum, s) {
        (libc::ENOENT, Stream::Open { fd, stat }) if stat.st_nlink == 0 => dirstream::removed(m, "dir", fd),
        (libc::EBADF | libc::EINVAL, Stream::Open { .. }) => {
            m.because();
            m.text("dir is a stream on an open directory now; its descriptor was closed, or the stream released, when the call was made");
        }
        _ => generic::meaning(m, errnum),
    }
}
