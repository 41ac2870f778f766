//! freopen(3): ERRORS those of fopen(3) (EINVAL for the mode, and the path diagnosis of
//! open(2)), of fclose(3) for the old file, and EBADF for a stream that is not one. A
//! NULL pathname reopens the stream's own file with the new mode.

use crate::decode::{Text, TextState};
use crate::message::prose::{generic, stream};
use crate::message::Message;
use crate::probe::path::Start;
use crate::probe::stream::{examine, Stream};

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, flags: &Text, fp: usize) {
    let s = examine(fp);
    if stream::not_a_stream(m, "fp", &s) {
        return;
    }
    if let Some(oflags) = super::fopen::mode_flags(m, errnum, "flags", flags) {
        match (pathname.state, &s) {
            (TextState::Null, Stream::Live { header, .. }) => reopen_own(m, errnum, fp, header.fileno(), oflags),
            _ => crate::calls::fs::open::diagnose(m, errnum, Start::Cwd, pathname, oflags, 0o666),
        }
    }
    stream::closed_by_freopen(m, "fp");
}

/// freopen(NULL, mode, fp): the file is the one the stream's descriptor names, or,
/// once a failed freopen has closed it, named before the call (_or_die, _on_error).
fn reopen_own(m: &mut Message, errnum: i32, fp: usize, fd: i32, oflags: i32) {
    let mut path = crate::sys::CPath::new();
    let known = if fd >= 0 { crate::probe::fd::path_of(fd, &mut path) } else { crate::probe::stream::before_reopen(fp, &mut path) };
    stream::reopening_own_file(m, "fp", fd, known.then(|| path.as_bytes()));
    if known {
        let own = Text::from_bytes(path.as_bytes());
        crate::calls::fs::open::diagnose(m, errnum, Start::Cwd, &own, oflags, 0o666);
    } else {
        generic::meaning(m, errnum);
    }
}
