//! pipe(2): ERRORS EFAULT (pipefd not writable), EMFILE, ENFILE (the system's file table,
//! or the user's pipe buffer pages). `diagnose` is shared with pipe2(2).

use crate::decode::PIPE_FLAGS;
use crate::message::prose::{fdio, generic, io, limits};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, pipefd: usize) {
    diagnose(m, errnum, "pipefd", pipefd, 0);
}

pub fn diagnose(m: &mut Message, errnum: i32, arg: &str, fds: usize, flags: i32) {
    match errnum {
        // The kernel stores two ints there.
        libc::EFAULT => io::bad_buffer(m, arg, fds, 8, true, probe::io::buffer(fds, 8, true)),
        libc::EINVAL => {
            let known = PIPE_FLAGS.iter().fold(0i64, |a, e| a | e.value);
            match flags as i64 & !known {
                0 => generic::meaning(m, errnum),
                unknown => fdio::unknown_bits(m, "flags", unknown, PIPE_FLAGS),
            }
        }
        libc::EMFILE => {
            limits::too_many_open_files(m);
            fdio::needs_two(m);
        }
        libc::ENFILE => match probe::limits::system_files() {
            // The file table has room: the user's pipe pages ran out.
            Some((used, max)) if used + 2 < max => {
                let (soft, hard) = probe::limits::pipe_user_pages();
                fdio::pipe_user_pages(m, soft, hard);
            }
            _ => limits::too_many_files_in_system(m),
        },
        libc::ENOPKG => fdio::no_notification_pipes(m),
        _ => generic::meaning(m, errnum),
    }
}
