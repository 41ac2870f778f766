//! A stdio stream's position (fseek, ftell, fgetpos, fsetpos) and its character and
//! word I/O (fgets's size, ungetc's push-back, getw and putw).

use crate::decode::{write_pointer, write_whence};
use crate::message::Message;

/// EINVAL: SEEK_DATA or SEEK_HOLE given to fseek, which only knows three.
pub fn whence_not_for_streams(m: &mut Message, whence: i32) {
    m.because();
    m.text("whence is ");
    write_whence(m, whence as i64);
    m.text(", which lseek(2) accepts but a stream does not: fseek and fseeko take only SEEK_SET, SEEK_CUR or SEEK_END (to find data or holes, lseek the stream's descriptor)");
}

/// After a diagnosis of the resulting offset: where the stream is, and its file's size.
pub fn position_and_size(m: &mut Message, arg: &str, position: Option<i64>, size: Option<i64>) {
    if let Some(p) = position {
        let _ = core::fmt::write(m, format_args!("; {arg}'s position is {p}"));
    }
    if let Some(s) = size {
        let _ = core::fmt::write(m, format_args!("; its file's size is {s} bytes"));
    }
}

/// EOVERFLOW of ftell, ftello or fgetpos: the position does not fit the result type.
pub fn position_too_large(m: &mut Message, arg: &str, ty: &str, max: i64, position: Option<i64>) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the call returns {arg}'s position in the type {ty}, whose largest value is {max}"));
    match position {
        Some(p) if p as i128 > max as i128 => {
            let _ = core::fmt::write(m, format_args!(", and the position is {p}, beyond it"));
        }
        Some(p) => {
            let _ = core::fmt::write(m, format_args!(", and the position was beyond it"));
            m.note();
            let _ = core::fmt::write(m, format_args!("the position is {p}, which fits (the stream was repositioned since, or the call ran in a program whose {ty} is narrower)"));
        }
        None => m.text(", and the position was beyond it"),
    }
    if ty == "long" {
        m.text("; ftello(3) returns an off_t, and fgetpos(3) an fpos_t, for positions of large files");
    }
}

/// fsetpos's pos: NULL, unreadable, or holding an offset no fgetpos could have given.
pub fn bad_fpos(m: &mut Message, arg: &str, addr: usize, offset: Option<i64>) {
    m.because();
    m.text(arg);
    match offset {
        _ if addr == 0 => m.text(" is the NULL pointer, where an fpos_t filled in by fgetpos(3) was expected"),
        None => {
            m.text(" (");
            write_pointer(m, addr as i64);
            m.text(") does not point to an fpos_t the process may read");
        }
        Some(o) if o < 0 => {
            let _ = core::fmt::write(m, format_args!(" holds the file offset {o}, which is negative: it was not filled in by fgetpos(3) (uninitialised, or overwritten)"));
        }
        Some(o) => {
            let _ = core::fmt::write(m, format_args!(" holds the file offset {o}, which the stream's file does not accept as a position"));
        }
    }
}

/// fgets's data_size below 1.
pub fn fgets_size(m: &mut Message, arg: &str, size: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} is {size}, and fgets needs room for at least the terminating NUL byte: the size must be 1 or more (with 1, it reads nothing), and is usually sizeof the buffer"));
}

/// ungetc(EOF): refused, the stream unchanged.
pub fn push_back_eof(m: &mut Message, arg: &str) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} is EOF, which is not a character: ungetc refuses to push it back and leaves the stream as it was (check the result of the getc that returned EOF before pushing it back)"));
}

/// getw and putw move a machine word, not text.
pub fn word_io(m: &mut Message, reading: bool) {
    let _ = core::fmt::write(
        m,
        format_args!(
            "; {} moves one int ({} bytes) in the machine's own byte order{}",
            if reading { "getw" } else { "putw" },
            core::mem::size_of::<libc::c_int>(),
            if reading { ", and EOF is also a valid word: only ferror(3) tells a failure from it" } else { "" }
        ),
    );
}

/// ESPIPE given for a descriptor that can be seeked now: it was another file then.
pub fn seekable_now(m: &mut Message, arg: &str, fd: i32, kind: crate::probe::fd::Kind) {
    m.because();
    super::fd::argument(m, arg, fd);
    m.text(" had no file offset when the call was made (a pipe, FIFO, socket or terminal)");
    m.note();
    super::io::is_a(m, arg, fd, kind);
    m.text(", which can be seeked: the descriptor was closed and its number reused since, or the call ran in another process");
}
