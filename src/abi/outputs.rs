//! libexplain's ready-made outputs: stderr, a file, and a tee of two others (syslog and
//! the journal have files of their own).
//! Each is an `explain_output_t` followed by its own fields, allocated by
//! `explain_output_new` from a static vtable, so `explain_output_method_destructor`
//! frees any of them the same way.

use super::output::{explain_output_method_destructor, explain_output_method_message, explain_output_new, explain_output_t, explain_output_vtable_t, to_fd};
use libc::{c_char, c_int, c_uint};

fn text_of(text: *const c_char) -> crate::decode::Text {
    crate::decode::Text::copy(text as usize)
}

// ---- stderr --------------------------------------------------------------------------

#[repr(C)]
struct StderrOutput {
    base: explain_output_t,
}

unsafe extern "C" fn stderr_message(_op: *mut explain_output_t, text: *const c_char) {
    super::output::to_stderr(text_of(text).bytes());
}

static STDERR_VTABLE: explain_output_vtable_t = explain_output_vtable_t {
    destructor: None,
    message: Some(stderr_message),
    exit: None,
    size: core::mem::size_of::<StderrOutput>() as c_uint,
};

/// Returns a new output that prints on stderr, laid out as libexplain lays it out:
/// words filled into lines of at most 75 columns, whether stderr is a terminal or not
/// (the default output).
/// Free it with `explain_output_method_destructor` unless it is registered. NULL when
/// out of memory.
#[no_mangle]
pub extern "C" fn explain_output_stderr_new() -> *mut explain_output_t {
    // SAFETY: a static vtable of the right size.
    unsafe { explain_output_new(&STDERR_VTABLE) }
}

/// Whether `op` names the program by itself, so explanations sent to it are not
/// prefixed with the program's name: syslog and journal records carry it as their
/// identifier.
pub fn names_the_program(op: *mut explain_output_t) -> bool {
    // SAFETY: op is NULL or a registered output with a valid vtable pointer.
    let vtable = if op.is_null() { return false } else { unsafe { (*op).vtable } };
    core::ptr::eq(vtable, &super::syslog::SYSLOG_VTABLE) || core::ptr::eq(vtable, &super::journal::JOURNAL_VTABLE)
}


// ---- file ----------------------------------------------------------------------------

#[repr(C)]
struct FileOutput {
    base: explain_output_t,
    fd: c_int,
}

unsafe extern "C" fn file_message(op: *mut explain_output_t, text: *const c_char) {
    // SAFETY: op was allocated with FILE_VTABLE, so it is a FileOutput.
    let fd = unsafe { (*(op as *mut FileOutput)).fd };
    to_fd(fd, text_of(text).bytes());
}

unsafe extern "C" fn file_destructor(op: *mut explain_output_t) {
    // SAFETY: as above; the fd is the output's own.
    unsafe {
        libc::close((*(op as *mut FileOutput)).fd);
    }
}

static FILE_VTABLE: explain_output_vtable_t = explain_output_vtable_t {
    destructor: Some(file_destructor),
    message: Some(file_message),
    exit: None,
    size: core::mem::size_of::<FileOutput>() as c_uint,
};

/// Returns a new output that writes each explanation as one unwrapped line to the file `filename`, created with mode 0666 & ~umask; `append`
/// non-zero appends to it, zero truncates it. Each line is written with one write(2),
/// so lines from several threads (or, in append mode, several processes) never
/// interleave. The file is closed by the destructor.
/// NULL when the file cannot be opened (errno tells why, and why it could not is
/// explained on stderr: registering the NULL keeps explanations on stderr) or when out of
/// memory.
#[no_mangle]
pub unsafe extern "C" fn explain_output_file_new(filename: *const c_char, append: c_int) -> *mut explain_output_t {
    let mode = if append != 0 { libc::O_APPEND } else { libc::O_TRUNC };
    let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_CLOEXEC | mode;
    // SAFETY: filename is NULL or a NUL-terminated string supplied by the caller; a
    // NULL or unreadable one fails with EFAULT.
    let fd = if filename.is_null() { -1 } else { unsafe { libc::open(filename, flags, 0o666 as c_uint) } };
    if fd < 0 {
        let errnum = if filename.is_null() { libc::EFAULT } else { super::errno() };
        cannot_open(filename, flags, errnum);
        super::set_errno(errnum);
        return core::ptr::null_mut();
    }
    // SAFETY: a static vtable of the right size.
    unsafe {
        let op = explain_output_new(&FILE_VTABLE);
        if op.is_null() {
            libc::close(fd);
            return op;
        }
        (*(op as *mut FileOutput)).fd = fd;
        op
    }
}

/// Says on stderr, as the library prints there, why the log file could not be opened:
/// "PROGRAM: open(pathname = …) failed, … because …".
fn cannot_open(filename: *const c_char, flags: c_int, errnum: c_int) {
    let mut why = [0u8; super::MESSAGE_SIZE];
    // SAFETY: a buffer of its own size; the boundary checks filename before reading it.
    unsafe { super::boundary::explain_message_errno_open(why.as_mut_ptr() as *mut c_char, why.len() as c_int, errnum, filename, flags, 0o666) };
    let why = &why[..why.iter().position(|&b| b == 0).unwrap_or(why.len())];
    let mut line = [0u8; super::MESSAGE_SIZE + 1024];
    let mut m = crate::message::Message::new(&mut line);
    let mut name = [0u8; 1024];
    let n = if crate::message::options().program_name { super::program_name::get_escaped(&mut name) } else { 0 };
    if n > 0 {
        m.raw(&name[..n]);
        m.text(": ");
    }
    m.raw(why);
    let len = m.finish();
    super::output::to_stderr(&line[..len]);
}

// ---- tee -----------------------------------------------------------------------------

#[repr(C)]
struct TeeOutput {
    base: explain_output_t,
    first: *mut explain_output_t,
    second: *mut explain_output_t,
}

unsafe extern "C" fn tee_message(op: *mut explain_output_t, text: *const c_char) {
    // SAFETY: op was allocated with TEE_VTABLE; its two outputs are NULL or valid.
    unsafe {
        let t = &*(op as *mut TeeOutput);
        explain_output_method_message(t.first, text);
        explain_output_method_message(t.second, text);
    }
}

unsafe extern "C" fn tee_destructor(op: *mut explain_output_t) {
    // SAFETY: as above; the tee owns both outputs.
    unsafe {
        let t = &*(op as *mut TeeOutput);
        explain_output_method_destructor(t.first);
        explain_output_method_destructor(t.second);
    }
}

static TEE_VTABLE: explain_output_vtable_t = explain_output_vtable_t {
    destructor: Some(tee_destructor),
    message: Some(tee_message),
    exit: None,
    size: core::mem::size_of::<TeeOutput>() as c_uint,
};

/// Returns a new output that sends each explanation to `first` and then to `second`,
/// taking ownership of both (its destructor destroys them). Either may be NULL.
/// NULL when out of memory.
#[no_mangle]
pub unsafe extern "C" fn explain_output_tee_new(first: *mut explain_output_t, second: *mut explain_output_t) -> *mut explain_output_t {
    // SAFETY: a static vtable of the right size.
    unsafe {
        let op = explain_output_new(&TEE_VTABLE);
        if !op.is_null() {
            let t = &mut *(op as *mut TeeOutput);
            t.first = first;
            t.second = second;
        }
        op
    }
}
