//! A stdio stream (FILE *) handed to us by the caller. The stream is never followed by
//! libc (a freed or wild FILE would crash fileno or ferror): its header is copied with
//! the safe memory reader and decoded by glibc's x86_64 layout of `struct _IO_FILE`
//! (libio/bits/types/struct_FILE.h): `int _flags` at 0, the buffer pointers after it,
//! `int _fileno` at 112.

/// glibc's `_IO_MAGIC`: the high half of `_flags` of every live stream.
const MAGIC: u32 = 0xFBAD_0000;
const MAGIC_MASK: u32 = 0xFFFF_0000;
/// The bytes read: up to and including `_fileno` and `_flags2`.
const HEADER: usize = 120;
const FILENO_AT: usize = 112;

/// What the header of a FILE says, copied out of the caller's memory.
#[derive(Clone, Copy, Debug)]
pub struct FileHeader {
    /// `_flags`: `_IO_MAGIC` in the high half, the state bits (`_IO_NO_READS`…) below.
    pub flags: u32,
    pub fileno: i32,
    /// Bytes written into the buffer and not yet handed to write(2)
    /// (`_IO_write_ptr - _IO_write_base`).
    pub unwritten: usize,
    /// Bytes read from the file into the buffer and not yet consumed.
    pub unread: usize,
}

pub enum Header {
    Unreadable,
    /// Readable memory without glibc's magic: freed, or never a FILE.
    NoMagic,
    Live(FileHeader),
}

fn word(b: &[u8], at: usize) -> usize {
    let mut w = [0u8; 8];
    w.copy_from_slice(&b[at..at + 8]);
    usize::from_ne_bytes(w)
}

/// Reads the header of the stream at `fp` (non-NULL).
pub fn header(fp: usize) -> Header {
    let mut b = [0u8; HEADER];
    if fp % 8 != 0 || super::read_memory(fp, &mut b) != HEADER {
        return Header::Unreadable;
    }
    let flags = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
    if flags & MAGIC_MASK != MAGIC {
        return Header::NoMagic;
    }
    let fileno = i32::from_ne_bytes([b[FILENO_AT], b[FILENO_AT + 1], b[FILENO_AT + 2], b[FILENO_AT + 3]]);
    let (read_ptr, read_end) = (word(&b, 8), word(&b, 16));
    let (write_base, write_ptr) = (word(&b, 32), word(&b, 40));
    Header::Live(FileHeader {
        flags,
        fileno,
        unwritten: write_ptr.saturating_sub(write_base),
        unread: read_end.saturating_sub(read_ptr),
    })
}

extern "C" {
    static stdin: *mut libc::FILE;
    static stdout: *mut libc::FILE;
    static stderr: *mut libc::FILE;
}

/// The name of the standard stream `fp` is, if it is one.
pub fn standard_name(fp: usize) -> Option<&'static str> {
    // SAFETY: reading libc's three stream pointers, which are always initialised.
    let (i, o, e) = unsafe { (stdin as usize, stdout as usize, stderr as usize) };
    match fp {
        0 => None,
        _ if fp == i => Some("stdin"),
        _ if fp == o => Some("stdout"),
        _ if fp == e => Some("stderr"),
        _ => None,
    }
}

/// Whether the stream's error indicator is set: the boundary's test of a failure for
/// the calls whose result alone cannot tell (fgetc's EOF, fread's short count). Read
/// from the header, so a NULL or freed stream answers false instead of crashing.
pub fn error_indicator(fp: usize) -> bool {
    const ERR_SEEN: u32 = 0x20;
    fp != 0 && matches!(header(fp), Header::Live(h) if h.flags & ERR_SEEN != 0)
}

/// The address of stdin: getchar's stream.
pub fn stdin_addr() -> usize {
    // SAFETY: reading libc's stdin pointer, always initialised.
    unsafe { stdin as usize }
}

/// The address of the standard stream called `name` (stdin, stdout, stderr).
pub fn standard_addr(name: &str) -> Option<usize> {
    // SAFETY: reading libc's three stream pointers, which are always initialised.
    let (i, o, e) = unsafe { (stdin as usize, stdout as usize, stderr as usize) };
    match name {
        "stdin" => Some(i),
        "stdout" => Some(o),
        "stderr" => Some(e),
        _ => None,
    }
}

/// The address of stdout: putchar's and puts's stream.
pub fn stdout_addr() -> usize {
    // SAFETY: reading libc's stdout pointer, always initialised.
    unsafe { stdout as usize }
}

// The stream calls the libc crate does not declare, performed by the `_or_die` and
// `_on_error` forms of getc, getw and putw (the PERFORM column of their calls.in lines).
extern "C" {
    pub fn getc(fp: *mut libc::FILE) -> libc::c_int;
    pub fn getw(fp: *mut libc::FILE) -> libc::c_int;
    pub fn putw(w: libc::c_int, fp: *mut libc::FILE) -> libc::c_int;
}

/// ungetc(3), with the one failure glibc leaves errno alone for: pushing back EOF is
/// refused (EOF returned, nothing pushed) and reported here as EINVAL, so that
/// `explain_ungetc_or_die(EOF, fp)` explains it rather than calling it a success.
///
/// # Safety
/// `fp` is a stream, as for ungetc(3).
pub unsafe fn ungetc(c: libc::c_int, fp: *mut libc::FILE) -> libc::c_int {
    // SAFETY: errno is this thread's; the arguments are the caller's, passed on as C would.
    unsafe {
        let errno = libc::__errno_location();
        let saved = *errno;
        *errno = 0;
        let result = libc::ungetc(c, fp);
        if *errno == 0 {
            *errno = if result == libc::EOF && c == libc::EOF { libc::EINVAL } else { saved };
        }
        result
    }
}
