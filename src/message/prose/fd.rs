//! Descriptor and pointer problems.

use crate::decode::{access_mode_name, write_fd};
use crate::message::Message;
use crate::probe::fd::{facts, kind, type_name, Kind};

/// EBADF: closed, or open in a mode that does not allow `need` ("reading", "writing").
/// `want_mode` is the access mode required: O_RDONLY for reading, O_WRONLY for writing.
pub fn bad_fd(m: &mut Message, arg: &str, fd: i32, want_mode: Option<i32>) {
    if m.contradicts(libc::EBADF) && (fd < 0 || m.known_closed(fd) || facts(fd).is_none()) {
        // A postmortem of another errno: explain that one; a closed descriptor is only
        // the present state, said as a note.
        let errnum = m.errnum();
        super::postmortem::unconfirmed(m, errnum, None);
        m.note();
        m.text(arg);
        m.text(" ");
        m.number(fd as i64);
        m.text(" is not an open file descriptor");
        return;
    }
    m.because();
    if fd < 0 {
        let _ = core::fmt::write(m, format_args!("{arg} is {fd}, and descriptors are never negative"));
        return;
    }
    let Some(f) = (!m.known_closed(fd)).then(|| facts(fd)).flatten() else {
        m.text(arg);
        m.text(" ");
        m.number(fd as i64);
        m.text(" is not an open file descriptor");
        if let Some((soft, _)) = crate::probe::limits::open_files_limit() {
            if fd as u64 >= soft {
                m.text(" (and is beyond the process's limit, RLIMIT_NOFILE, of ");
                m.unsigned(soft);
                m.text(")");
            }
        }
        return;
    };
    let mode = f.flags & libc::O_ACCMODE;
    let wrong_mode = f.flags & libc::O_PATH != 0
        || matches!((want_mode, mode), (Some(libc::O_RDONLY), libc::O_WRONLY) | (Some(libc::O_WRONLY), libc::O_RDONLY));
    if wrong_mode {
        argument(m, arg, fd);
    }
    if f.flags & libc::O_PATH != 0 {
        m.text(" was opened with O_PATH, which allows no reading or writing");
        return;
    }
    match want_mode {
        Some(libc::O_RDONLY) if mode == libc::O_WRONLY => {
            m.text(" is open only for writing (O_WRONLY), not for reading");
            pipe_end(m, fd, "write");
        }
        Some(libc::O_WRONLY) if mode == libc::O_RDONLY => {
            m.text(" is open only for reading (O_RDONLY), not for writing");
            pipe_end(m, fd, "read");
        }
        _ => {
            // Open now in a suitable mode: EBADF's diagnosis is of the time of the call,
            // and the descriptor as it is now only a note.
            m.text(arg);
            m.text(" ");
            m.number(fd as i64);
            m.text(" was not an open file descriptor when the call was made (it had been closed, or was never opened); the lowest free number is reused by the next open, dup or socket, so it may refer to another file now");
            m.note();
            argument(m, arg, fd);
            m.text(" is open (");
            m.text(access_mode_name(f.flags));
            m.text(")");
            if let Some(st) = f.stat {
                m.text(" on a ");
                m.text(type_name(st.st_mode));
            }
        }
    }
}

/// A pipe has one descriptor per direction: say which end this one is.
fn pipe_end(m: &mut Message, fd: i32, end: &str) {
    if kind(fd) == Some(Kind::Pipe) {
        m.text(": it is the ");
        m.text(end);
        m.text(" end of a pipe");
    }
}

/// EFAULT for a buffer: which argument, which address, how many bytes.
pub fn bad_pointer(m: &mut Message, arg: &str, addr: usize, len: usize) {
    m.because();
    if addr == 0 {
        m.text(arg);
        m.text(" is the NULL pointer");
        return;
    }
    let _ = core::fmt::write(
        m,
        format_args!("{arg} ({addr:#x}, {len} bytes) is not entirely within the process's accessible address space"),
    );
}

/// EFAULT for a buffer the call writes into (`len` bytes at `addr`): says so and returns
/// true when the memory is not all writable; false when it is, and the buffer is not
/// the culprit.
pub fn bad_output_buffer(m: &mut Message, arg: &str, addr: usize, len: usize) -> bool {
    use crate::probe::memory::{mapping, Mapping};
    match mapping(addr, len) {
        Mapping::Writable => false,
        Mapping::ReadOnly => {
            m.because();
            let _ = core::fmt::write(
                m,
                format_args!("{arg} ({addr:#x}, {len} bytes) is in memory the process may read but not write (constant data or code), and the call writes its result there"),
            );
            true
        }
        // Without /proc/self/maps, readability is what can still be checked.
        Mapping::Unknown if crate::sys::readable(addr, len) => false,
        Mapping::Unmapped | Mapping::Unknown => {
            bad_pointer(m, arg, addr, len);
            true
        }
    }
}

/// A descriptor argument by name, number and path: `fildes 3 "/etc/passwd"`.
pub fn argument(m: &mut Message, arg: &str, fd: i32) {
    m.text(arg);
    m.text(" ");
    write_fd(m, fd as i64);
}

/// ENOTDIR for a descriptor: `fildes 3 "/etc/passwd" refers to a regular file, not a
/// directory`.
pub fn not_a_directory(m: &mut Message, arg: &str, fd: i32, st: &crate::sys::Stat) {
    m.because();
    argument(m, arg, fd);
    m.text(" refers to a ");
    m.text(type_name(st.st_mode));
    m.text(", not a directory");
}
