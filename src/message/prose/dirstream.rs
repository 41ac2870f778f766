//! Directory streams (DIR *) that are not, or no longer, streams.

use crate::decode::write_fd;
use crate::message::Message;
use crate::probe::dirstream::Stream;
use crate::probe::fd::type_name;

/// Explains why `dir` is not a usable directory stream; false (nothing written) when it is
/// a stream on an open directory.
pub fn not_a_stream(m: &mut Message, arg: &str, s: &Stream) -> bool {
    match *s {
        Stream::Null => {
            m.because();
            m.text(arg);
            m.text(" is the NULL pointer, not a directory stream: the NULL that opendir(3) or fdopendir(3) returns on failure was used without being checked");
        }
        Stream::Unreadable => {
            m.because();
            m.text(arg);
            m.text(" does not point to readable memory, so it is not a directory stream returned by opendir(3) or fdopendir(3)");
        }
        Stream::Closed { fd } if !(0..1 << 20).contains(&fd) => {
            m.because();
            m.text(arg);
            let _ = core::fmt::write(m, format_args!(" does not look like a directory stream: where a stream keeps its descriptor it holds {fd}; it was already released by closedir(3), or was never returned by opendir(3)"));
        }
        Stream::Closed { fd } => {
            m.because();
            let _ = core::fmt::write(m, format_args!("the descriptor of the directory stream {arg} ({fd}) is not open: the stream was already closed with closedir(3), or its descriptor was closed directly (close(dirfd({arg})))"));
        }
        Stream::NotDir { fd, stat } => {
            m.because();
            m.text("the descriptor of the directory stream ");
            m.text(arg);
            m.text(" (");
            write_fd(m, fd as i64);
            m.text(") refers to a ");
            m.text(type_name(stat.st_mode));
            m.text(", not a directory: the stream was closed and its descriptor number reused by another open, or ");
            m.text(arg);
            m.text(" is not a directory stream");
        }
        Stream::Open { .. } => return false,
    }
    true
}

/// ENOENT from reading a directory that was removed while the stream was open.
pub fn removed(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    m.text("the directory of the stream ");
    m.text(arg);
    m.text(" (");
    write_fd(m, fd as i64);
    m.text(") was removed while the stream was open, and a removed directory has no entries left to read");
}
