//! getcwd(3): ERRORS EACCES, EFAULT, EINVAL, ENAMETOOLONG, ENOENT, ENOMEM, ERANGE.
//! ERANGE compares the size given with the size the path needs; ENOENT names the
//! removed directory.

use crate::message::prose::{fd, generic};
use crate::message::Message;
use crate::probe::cwd::{current, Cwd};
use crate::probe::path::PATH_MAX;

pub fn explain(m: &mut Message, errnum: i32, data: usize, data_size: usize) {
    match errnum {
        libc::EINVAL if data_size == 0 && data != 0 => {
            m.because();
            m.text("data_size is 0 while data is not NULL: there is no room even for the terminating NUL");
        }
        libc::ERANGE => {
            m.because();
            match current() {
                Cwd::Here(p) => {
                    let _ = core::fmt::write(m, format_args!("data_size is {data_size} bytes, but the absolute path of the current directory, "));
                    m.quoted(p.as_bytes());
                    let _ = core::fmt::write(m, format_args!(", needs {} bytes ({} characters and the terminating NUL)", p.len() + 1, p.len()));
                }
                _ => {
                    let _ = core::fmt::write(m, format_args!("data_size is {data_size} bytes, less than the length of the current directory's absolute path plus its terminating NUL"));
                }
            }
        }
        libc::ENOENT => {
            m.because();
            match current() {
                Cwd::Removed(Some(old)) => {
                    m.text("the current directory ");
                    m.quoted(old.as_bytes());
                    m.text(" has been removed (/proc/self/cwd shows it as \"(deleted)\"): it has no path any more; change to a directory that exists");
                }
                Cwd::Removed(None) => m.text("the current directory has been removed: it has no path any more"),
                Cwd::Here(p) => {
                    m.text("the current directory had been removed when the call was made; it is now ");
                    m.quoted(p.as_bytes());
                }
                Cwd::Unreachable => m.text("the current directory is outside the process's root directory (it was left behind by chroot), so it has no path from that root"),
                Cwd::TooLong => m.text("the current directory has been removed: it has no path any more"),
            }
        }
        libc::ENAMETOOLONG => {
            m.because();
            let _ = core::fmt::write(m, format_args!("the absolute path of the current directory is longer than the system's limit for a path (PATH_MAX) of {} bytes", PATH_MAX - 1));
        }
        libc::EFAULT => fd::bad_pointer(m, "data", data, data_size),
        libc::ENOMEM if data == 0 => {
            m.because();
            m.text("data is NULL, so getcwd allocates the buffer itself (malloc), and there was not enough memory for it");
        }
        libc::EACCES => {
            m.because();
            match current() {
                Cwd::Unreachable => m.text("the current directory is outside the process's root directory (after chroot), so its path cannot be built from the root"),
                _ => m.text("permission to read or search a directory above the current directory was refused while building its path"),
            }
        }
        _ => generic::meaning(m, errnum),
    }
}
