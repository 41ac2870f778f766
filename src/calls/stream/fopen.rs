//! fopen(3): ERRORS EINVAL (the mode), and any error of open(2) for the flags the mode
//! maps to ("r" O_RDONLY, "w" O_WRONLY|O_CREAT|O_TRUNC, "a" O_WRONLY|O_CREAT|O_APPEND,
//! "+" O_RDWR, "x" O_EXCL, "e" O_CLOEXEC): the path diagnosis is open's. `mode_flags`
//! is shared with fdopen(3), freopen(3) and popen(3).

use crate::decode::{Text, TextState};
use crate::message::prose::{fd, stream};
use crate::message::Message;
use crate::probe::path::Start;
use crate::probe::stream::{mode, Mode};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, flags: &Text) {
    let Some(oflags) = mode_flags(m, errnum, "flags", flags) else { return };
    crate::calls::fs::open::diagnose(m, errnum, Start::Cwd, pathname, oflags, 0o666);
}

/// The open(2) flags of the mode string `flags`, or None once the mode itself has been
/// blamed (NULL, unreadable, or not a mode while the error is EINVAL).
pub fn mode_flags(m: &mut Message, errnum: i32, arg: &str, flags: &Text) -> Option<i32> {
    if flags.state != TextState::Ok {
        fd::bad_pointer(m, arg, flags.addr, 1);
        return None;
    }
    match mode(flags.bytes()) {
        Mode::Flags(f) => Some(f),
        // glibc skips a letter it does not know; only EINVAL blames it.
        Mode::BadChar(_, f) if errnum != libc::EINVAL => Some(f),
        bad => {
            stream::bad_mode(m, arg, flags.bytes(), bad);
            None
        }
    }
}
