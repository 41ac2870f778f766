//! stdio streams (FILE *): a pointer that is not a live stream, a stream used against
//! the way it was opened, its descriptor gone, its buffer lost, and fopen's mode strings.

use crate::message::Message;
use crate::probe::fd::FdFacts;
use crate::probe::stream::{Mode, Stream, StreamState};

/// Says why `arg` is not a live stream and returns true; false for a live stream.
pub fn not_a_stream(m: &mut Message, arg: &str, s: &Stream) -> bool {
    match s {
        Stream::Live { .. } => return false,
        Stream::Null => {
            m.because();
            m.text(arg);
            m.text(" is the NULL pointer, where a stream (FILE *) was expected");
        }
        Stream::Unreadable => {
            m.because();
            m.text(arg);
            m.text(" does not point to memory the process may read, so it cannot be a stream (FILE *)");
        }
        Stream::NotAStream => {
            m.because();
            m.text(arg);
            m.text(" points to memory that does not hold an open stream (glibc marks every open FILE, and this one lacks the mark): the stream was closed already (fclose, pclose), or the pointer was never a FILE");
        }
    }
    true
}

/// `fp` (a live stream) whose descriptor is not open.
pub fn descriptor_closed(m: &mut Message, arg: &str, fd: i32) {
    m.because();
    m.text(arg);
    if fd < 0 {
        let _ = core::fmt::write(m, format_args!(" is a stream with no file descriptor ({fd}), so nothing can be read or written through one"));
        return;
    }
    let _ = core::fmt::write(
        m,
        format_args!(" is an open stream, but its file descriptor {fd} is not open: it was closed underneath the stream (close(2) on fileno({arg}), or a descriptor-closing loop), and the stream cannot reach its file any more"),
    );
}

/// A stream used in a direction its mode string did not ask for.
pub fn wrong_direction(m: &mut Message, arg: &str, writing: bool) {
    m.because();
    m.text(arg);
    if writing {
        m.text(" was opened for reading only (mode \"r\", without \"+\"), so it cannot be written");
    } else {
        m.text(" was opened for writing only (mode \"w\" or \"a\", without \"+\"), so it cannot be read");
    }
}

/// The stream's own view is fine, yet its descriptor refuses: the descriptor's mode.
pub fn descriptor_refuses(m: &mut Message, arg: &str, fd: i32, f: &FdFacts, writing: bool) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} is a stream on file descriptor {fd}, which is open "));
    m.text(crate::decode::access_mode_name(f.flags));
    m.text(if writing { ", not for writing" } else { ", not for reading" });
    m.text(": the stream's mode string promised more than its descriptor allows (fdopen on a descriptor opened otherwise)");
}

/// The state of the stream's indicators, appended after a diagnosis.
pub fn indicators(m: &mut Message, arg: &str, st: &StreamState) {
    if st.error_set() {
        let _ = core::fmt::write(m, format_args!("; {arg}'s error indicator is set, and stays set until clearerr(3)"));
    }
    if st.eof_set() {
        let _ = core::fmt::write(m, format_args!("; {arg}'s end-of-file indicator is set"));
    }
}

/// fclose: the stream is gone whatever happened, and with it what its buffer held.
pub fn buffer_lost(m: &mut Message, unwritten: Option<usize>) {
    match unwritten {
        Some(n) if n > 0 => {
            let _ = core::fmt::write(m, format_args!("; the stream is released all the same, and the {n} bytes still in its buffer were lost"));
        }
        _ => m.text("; the stream is released all the same, and any data still in its buffer was lost"),
    }
}

const VALID_MODES: &str = "\"r\", \"r+\", \"w\", \"w+\", \"a\" or \"a+\", optionally followed by \"b\", \"x\" (fail if the file exists, with \"w\"), \"e\" (close on exec), \"m\" or \"c\"";

/// A mode string that is not one (EINVAL of fopen, fdopen, freopen, popen).
pub fn bad_mode(m: &mut Message, arg: &str, text: &[u8], mode: Mode) {
    m.because();
    m.text(arg);
    m.text(" ");
    m.quoted(text);
    match mode {
        Mode::BadStart => {
            m.text(" is not a valid mode: a mode is ");
            m.text(VALID_MODES);
        }
        Mode::BadChar(c, _) => {
            m.text(" is not a valid mode: ");
            m.quoted(&[c]);
            m.text(" cannot follow the first letter; a mode is ");
            m.text(VALID_MODES);
            if c == b'w' && text.first() == Some(&b'r') {
                m.text(" (for reading and writing, \"r+\")");
            }
        }
        Mode::Flags(_) => m.text(" is a valid mode"),
    }
}

/// popen's mode: only "r" or "w" (with "e").
pub fn bad_popen_mode(m: &mut Message, arg: &str, text: &[u8]) {
    m.because();
    m.text(arg);
    m.text(" ");
    m.quoted(text);
    m.text(" is not a valid mode for popen: it must be \"r\" (read the command's output) or \"w\" (write its input), optionally with \"e\" (close on exec)");
}

/// fdopen: the mode asks for access the descriptor was not opened with.
pub fn fdopen_mismatch(m: &mut Message, fd: i32, fd_flags: i32, wanted: i32) {
    m.because();
    m.text("the mode asks for ");
    m.text(crate::decode::access_mode_name(wanted));
    let _ = core::fmt::write(m, format_args!(" but file descriptor {fd} is open "));
    m.text(crate::decode::access_mode_name(fd_flags));
    m.text(", and a stream cannot have access its descriptor lacks");
}

/// fflush(NULL): one of the process's output streams failed; which one is not known.
pub fn flush_all_failed(m: &mut Message, errnum: i32) {
    m.because();
    m.text("fp is NULL, which flushes every open output stream of the process, and writing out one of them failed; flush each stream on its own to learn which");
    if errnum == libc::EBADF {
        m.text(" (a stream whose descriptor was closed underneath it is the usual culprit)");
    }
}

// --- the rest of the stream calls ---

/// EBADF of a call that only looks at the stream, while `arg` is at present a live
/// stream on an open descriptor: the errno is explained, the present state noted.
pub fn valid_now(m: &mut Message, arg: &str, st: &StreamState, f: &FdFacts) {
    m.because();
    m.text(arg);
    m.text(" was not an open stream with a file descriptor when the call was made (glibc answers EBADF for a stream whose descriptor is -1)");
    m.note();
    let _ = core::fmt::write(m, format_args!("{arg} is an open, {} stream on file descriptor {}, open ", st.buffering(), st.fileno()));
    m.text(crate::decode::access_mode_name(f.flags));
}

/// ferror: the stream's error indicator is set, so an earlier transfer failed.
pub fn error_indicator_set(m: &mut Message, arg: &str) {
    m.because();
    m.text(arg);
    m.text("'s error indicator is set: an earlier read or write on the stream failed, and ferror reports it until clearerr(3) or rewind(3)");
}

/// ferror: asked about a stream whose error indicator is clear.
pub fn error_indicator_clear(m: &mut Message, arg: &str) {
    m.note();
    m.text(arg);
    m.text("'s error indicator is clear: no read or write on it has failed since it was opened or last cleared");
}

/// setvbuf EINVAL: a mode that is not a buffering mode.
pub fn bad_buffering_mode(m: &mut Message, mode: i32, size: usize) {
    m.because();
    let _ = core::fmt::write(m, format_args!("mode {mode} is not a buffering mode: setvbuf accepts "));
    for (i, e) in crate::decode::SETVBUF_MODES.iter().rev().enumerate() {
        m.text(if i == 0 { "" } else if i + 1 == crate::decode::SETVBUF_MODES.len() { " and " } else { ", " });
        let _ = core::fmt::write(m, format_args!("{} ({}, {})", e.name, e.value, e.text));
    }
    let _ = core::fmt::write(m, format_args!("; the size ({size} bytes) matters only with the last two"));
}

/// setvbuf EINVAL with a valid mode: what glibc would have refused, and the stream.
pub fn buffering_refused(m: &mut Message, arg: &str, size: usize, data: usize, st: &StreamState) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the mode is valid, and glibc accepts any size ({size} bytes here"));
    m.text(if data == 0 { ", with no buffer of the caller's: the stream allocates its own" } else { ", in the caller's buffer" });
    let _ = core::fmt::write(m, format_args!("); {arg} is {} at present", st.buffering()));
    if st.unwritten() > 0 || st.h.unread > 0 {
        let _ = core::fmt::write(m, format_args!(", and it has been used already ({} bytes waiting to be written, {} read ahead): setvbuf must come before the first read or write", st.unwritten(), st.h.unread));
    }
}

/// freopen closes the stream's old file before it opens the new one.
pub fn closed_by_freopen(m: &mut Message, arg: &str) {
    let _ = core::fmt::write(m, format_args!("; {arg} is closed all the same: freopen closes the stream's old file first, and a failed freopen leaves no stream to use"));
}

/// freopen with a NULL pathname reopens the stream's own file (`path`, when known).
pub fn reopening_own_file(m: &mut Message, arg: &str, fd: i32, path: Option<&[u8]>) {
    m.because();
    let _ = core::fmt::write(m, format_args!("pathname is NULL, which asks freopen to reopen {arg}'s own file"));
    match path {
        Some(p) => {
            m.text(" ");
            m.quoted(p);
        }
        None => m.text(", no longer known"),
    }
    if fd < 0 {
        let _ = core::fmt::write(m, format_args!(" with the new mode; {arg}'s descriptor is closed now"));
    } else {
        let _ = core::fmt::write(m, format_args!(" (file descriptor {fd}) with the new mode"));
    }
}
