//! A directory stream (DIR *) handed to us by the caller. DIR is opaque; its descriptor
//! is asked of libc's dirfd(3) only once the memory behind the pointer is readable, so
//! a NULL, wild or unmapped pointer gives None instead of a fault.

/// The bytes of glibc's DIR read by dirfd: enough for its leading descriptor field.
const HEADER: usize = core::mem::size_of::<libc::c_int>();

/// The descriptor of the stream `dir`, when `dir` points to readable memory.
pub fn descriptor(dir: usize) -> Option<libc::c_int> {
    if dir == 0 || !dir.is_multiple_of(core::mem::align_of::<libc::c_int>()) || !super::readable(dir, HEADER) {
        return None;
    }
    // SAFETY: `dir` is aligned and the bytes dirfd reads are mapped and readable; dirfd
    // only reads the stream's descriptor field, it neither writes nor follows pointers.
    Some(unsafe { libc::dirfd(dir as *mut libc::DIR) })
}
