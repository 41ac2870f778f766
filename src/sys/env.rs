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

/// The address of the environment's table of `char *` (glibc's `environ`), NULL-ended;
/// 0 when the process has cleared it (clearenv). Read through the safe-copy probes:
/// another thread may be changing it.
pub fn environ_table() -> usize {
    // SAFETY: reading the pointer value of libc's environ, not following it.
    unsafe { core::ptr::addr_of!(libc::environ).read_volatile() as usize }
}
