//! How `_or_die` and `_on_error` perform the calls that libc does not declare under
//! their own name (named in the PERFORM column of src/calls/*/calls.in). Each takes the
//! call's C arguments unchanged and leaves `errno` as the underlying call set it.

use libc::{c_char, c_int, mode_t, timespec, timeval};

extern "C" {
    /// glibc's futimesat(2), mktemp(3) and tempnam(3): the libc crate does not declare them.
    #[link_name = "futimesat"]
    fn glibc_futimesat(dirfd: c_int, pathname: *const c_char, times: *const timeval) -> c_int;
    #[link_name = "mktemp"]
    fn glibc_mktemp(template: *mut c_char) -> *mut c_char;
    #[link_name = "tempnam"]
    fn glibc_tempnam(dir: *const c_char, prefix: *const c_char) -> *mut c_char;
}

/// mktemp(3).
///
/// # Safety
/// `template` is a writable C string, as for mktemp(3).
pub unsafe fn mktemp(template: *mut c_char) -> *mut c_char {
    // SAFETY: the caller's argument, passed on as C would.
    unsafe { glibc_mktemp(template) }
}

/// tempnam(3).
///
/// # Safety
/// `dir` and `prefix` are C strings or NULL, as for tempnam(3).
pub unsafe fn tempnam(dir: *const c_char, prefix: *const c_char) -> *mut c_char {
    // SAFETY: the caller's arguments, passed on as C would.
    unsafe { glibc_tempnam(dir, prefix) }
}

/// lchmod: fchmodat(2) with AT_SYMLINK_NOFOLLOW, as glibc implements it (a symbolic
/// link fails with EOPNOTSUPP).
///
/// # Safety
/// `pathname` is a C string or NULL, as for chmod(2).
pub unsafe fn lchmod(pathname: *const c_char, mode: mode_t) -> c_int {
    // SAFETY: the caller's arguments, passed on as C would.
    unsafe { libc::fchmodat(libc::AT_FDCWD, pathname, mode, libc::AT_SYMLINK_NOFOLLOW) }
}

/// lchownat: fchownat(2) with AT_SYMLINK_NOFOLLOW.
///
/// # Safety
/// `pathname` is a C string or NULL, as for fchownat(2).
pub unsafe fn lchownat(dirfd: c_int, pathname: *const c_char, owner: c_int, group: c_int) -> c_int {
    // SAFETY: as above; -1 converts to (uid_t)-1, "unchanged", as in C.
    unsafe { libc::fchownat(dirfd, pathname, owner as libc::uid_t, group as libc::gid_t, libc::AT_SYMLINK_NOFOLLOW) }
}

/// futimesat(2).
///
/// # Safety
/// `pathname` is a C string or NULL, `times` NULL or two timevals, as for futimesat(2).
pub unsafe fn futimesat(dirfd: c_int, pathname: *const c_char, times: *const timeval) -> c_int {
    // SAFETY: as above.
    unsafe { glibc_futimesat(dirfd, pathname, times) }
}

/// utimens: utimensat(2) from the current directory, following symbolic links.
///
/// # Safety
/// `pathname` is a C string or NULL, `times` NULL or two timespecs, as for utimensat(2).
pub unsafe fn utimens(pathname: *const c_char, times: *const timespec) -> c_int {
    // SAFETY: as above.
    unsafe { libc::utimensat(libc::AT_FDCWD, pathname, times, 0) }
}

/// ustat(2), which glibc no longer provides: the kernel's system call.
///
/// # Safety
/// `data` is NULL or points to a struct ustat, as for ustat(2); the kernel checks it.
pub unsafe fn ustat(dev: libc::dev_t, data: *mut crate::sys::ctypes::ustat) -> c_int {
    crate::sys::c_result(crate::sys::ustat(dev, data as usize))
}

/// fclose(3), remembering the stream first (crate::probe::stream::before_close): the
/// explanation of a failure must not read the FILE fclose has freed.
///
/// # Safety
/// `fp` is a stream, as for fclose(3).
pub unsafe fn fclose(fp: *mut libc::FILE) -> c_int {
    crate::probe::stream::remember_before_close(fp as usize);
    // SAFETY: the caller's argument, passed on as C would.
    unsafe { libc::fclose(fp) }
}

// --- the environment and character sets (issue 11, environ) ---

/// iconv(3), remembering where the input started, so that an explanation of EILSEQ or
/// EINVAL can give the offset of the bad bytes from the start of the input.
///
/// # Safety
/// The arguments are as for iconv(3).
pub unsafe fn iconv(
    cd: libc::iconv_t,
    inbuf: *mut *mut c_char,
    inbytesleft: *mut libc::size_t,
    outbuf: *mut *mut c_char,
    outbytesleft: *mut libc::size_t,
) -> libc::size_t {
    crate::probe::iconv::remember_start(inbuf as usize, inbytesleft as usize);
    // SAFETY: the caller's arguments, passed on as C would.
    unsafe { libc::iconv(cd, inbuf, inbytesleft, outbuf, outbytesleft) }
}
