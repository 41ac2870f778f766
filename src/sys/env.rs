//! The process's environment, read in place: no copy, no allocation, errno untouched.

use core::ffi::CStr;

/// The value of the environment variable `name` (a NUL-terminated name), as glibc's
/// secure_getenv sees it: None in a set-user-ID or set-group-ID program (AT_SECURE),
/// where glibc ignores variables like TMPDIR.
pub fn secure_var(name: &CStr) -> Option<&'static [u8]> {
    // SAFETY: getauxval only reads the auxiliary vector; AT_SECURE is always present,
    // so it does not set errno.
    if unsafe { libc::getauxval(libc::AT_SECURE) } != 0 {
        return None;
    }
    // SAFETY: name is NUL-terminated; getenv returns NULL or a pointer into the
    // environment, valid until the environment is changed (as for any getenv caller).
    let p = unsafe { libc::getenv(name.as_ptr()) };
    if p.is_null() {
        return None;
    }
    // SAFETY: a non-NULL getenv result is a NUL-terminated string.
    Some(unsafe { CStr::from_ptr(p) }.to_bytes())
}
