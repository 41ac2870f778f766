//! libexplain's public functions of the stream calls beyond the six generated per call:
//! pclose.h's explain_pclose_success and explain_pclose_success_or_die, and filename.h's
//! explain_filename_from_fildes and explain_filename_from_stream.

use libc::{c_char, c_int, size_t, FILE};

/// pclose's echo, and for a failure its explanation, as explain_pclose writes them.
fn pclose_message(m: &mut crate::message::Message, errnum: i32, fp: usize) {
    use crate::decode::{Arg, Role, Value};
    let echo = Value::Number { value: fp as i64, echo: crate::decode::write_stream, role: Role::Plain };
    m.call("pclose", &[Arg { name: "fp", value: echo }], errnum);
    if errnum != 0 {
        crate::calls::stream::pclose::explain(m, errnum, fp);
    }
}

/// Calls pclose(3) and, when it fails or the command did not exit with status 0,
/// prints why through the registered output (by default stderr with the program name):
/// the errno explained, or the command's exit status or the signal that killed it.
/// Returns pclose's result (the command's wait status, or -1); `errno` is left as
/// pclose left it.
///
/// # Safety
/// `fp` is a stream opened by popen(3), or NULL.
#[no_mangle]
pub unsafe extern "C" fn explain_pclose_success(fp: *mut FILE) -> c_int {
    // SAFETY: the caller's stream, passed on as C would.
    let status = unsafe { crate::perform::pclose(fp) };
    let errnum = super::errno();
    if status < 0 {
        super::print("pclose", errnum, &mut |m| pclose_message(m, errnum, fp as usize));
    } else if status != 0 {
        super::print("pclose", 0, &mut |m| {
            pclose_message(m, 0, fp as usize);
            crate::calls::stream::pclose::ended(m, status);
        });
        super::set_errno(errnum);
    }
    status
}

/// Calls pclose(3); when it fails or the command did not exit with status 0, prints
/// why (as explain_pclose_success) and exits with `EXIT_FAILURE`.
///
/// # Safety
/// `fp` is a stream opened by popen(3), or NULL.
#[no_mangle]
pub unsafe extern "C" fn explain_pclose_success_or_die(fp: *mut FILE) {
    // SAFETY: as above.
    if unsafe { explain_pclose_success(fp) } != 0 {
        super::output::exit(libc::EXIT_FAILURE);
    }
}

/// Writes the path of the file that `fildes` refers to (from /proc/self/fd) into
/// `data`, `data_size` bytes, NUL-terminated and cut to fit. Returns 0, or -1 when the
/// descriptor is not open or its path cannot be had (then `data` is left alone).
/// `errno` is left unchanged. Thread-safe.
///
/// # Safety
/// `data` is NULL or points to `data_size` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn explain_filename_from_fildes(fildes: c_int, data: *mut c_char, data_size: size_t) -> c_int {
    let saved = super::errno();
    let mut path = crate::sys::CPath::new();
    let found = crate::probe::fd::path_of(fildes, &mut path);
    super::set_errno(saved);
    if !found {
        return -1;
    }
    if !data.is_null() && data_size > 0 {
        let bytes = path.as_bytes();
        let n = bytes.len().min(data_size - 1);
        // SAFETY: the caller promises data_size writable bytes at data; n < data_size.
        unsafe {
            core::ptr::copy_nonoverlapping(bytes.as_ptr(), data as *mut u8, n);
            *data.add(n) = 0;
        }
    }
    0
}

/// Writes the path of the file under the stream `stream` into `data`, as
/// explain_filename_from_fildes does for the stream's descriptor. The stream is read
/// without being followed: a NULL, closed or wild stream gives -1, never a crash.
///
/// # Safety
/// `data` is NULL or points to `data_size` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn explain_filename_from_stream(stream: *mut FILE, data: *mut c_char, data_size: size_t) -> c_int {
    let fd = crate::probe::stream::descriptor(stream as usize);
    // SAFETY: as above.
    unsafe { explain_filename_from_fildes(fd, data, data_size) }
}
