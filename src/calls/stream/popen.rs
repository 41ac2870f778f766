//! popen(3): ERRORS EINVAL (the mode is not "r" or "w"), and those of pipe(2) (EMFILE,
//! ENFILE) and fork(2) (EAGAIN, ENOMEM; glibc turns every failure to start the process
//! into ENOMEM); a shell that cannot be run (ENOENT, EACCES)
//! comes back from posix_spawn. Every explanation names the shell command.

use crate::decode::{Text, TextState};
use crate::message::prose::{fd, generic, limits, postmortem, process, stream};
use crate::message::Message;
use crate::probe::path::Start;

/// The shell popen runs (glibc's _PATH_BSHELL).
const SHELL: &[u8] = b"/bin/sh";

pub fn explain(m: &mut Message, errnum: i32, command: &Text, flags: &Text) {
    if flags.state != TextState::Ok {
        return fd::bad_pointer(m, "flags", flags.addr, 1);
    }
    if errnum == libc::EINVAL && !valid_mode(flags.bytes()) {
        return stream::bad_popen_mode(m, "flags", flags.bytes());
    }
    if command.state != TextState::Ok {
        return process::no_command(m, command);
    }
    match errnum {
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EAGAIN => process::fork_refused(m, &crate::probe::children::fork_limits()),
        // glibc's popen answers ENOMEM for any failure to start the shell (posix_spawn
        // failing with EAGAIN at RLIMIT_NPROC included): memory, then the process limits.
        libc::ENOMEM => {
            postmortem::unconfirmed(m, errnum, None);
            process::spawn_failed(m, &crate::probe::children::fork_limits());
        }
        libc::ENOENT | libc::ENOTDIR | libc::ELOOP => {
            let shell = Text::from_bytes(SHELL);
            crate::calls::fs::open::diagnose(m, errnum, Start::Cwd, &shell, libc::O_RDONLY, 0);
        }
        _ => generic::meaning(m, errnum),
    }
    process::shell_runs(m, command);
}

/// glibc's popen takes "r" or "w", once, with any number of "e" (close on exec).
fn valid_mode(flags: &[u8]) -> bool {
    let dirs = flags.iter().filter(|&&c| c == b'r' || c == b'w').count();
    dirs == 1 && flags.iter().all(|&c| matches!(c, b'r' | b'w' | b'e'))
}
