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

// --- the rest of the stream calls ---
// glibc follows a FILE * without looking: a NULL stream (an unchecked fopen) would crash
// the program in the _or_die form meant to explain it. These refuse NULL with EBADF,
// which the explanation then diagnoses; any other pointer is passed on as C would.

extern "C" {
    #[link_name = "__fpurge"]
    fn glibc_fpurge(fp: *mut libc::FILE);
    #[link_name = "setbuffer"]
    fn glibc_setbuffer(fp: *mut libc::FILE, data: *mut c_char, size: libc::size_t);
    #[link_name = "setlinebuf"]
    fn glibc_setlinebuf(fp: *mut libc::FILE);
    #[link_name = "popen"]
    fn glibc_popen(command: *const c_char, flags: *const c_char) -> *mut libc::FILE;
}

/// False, with errno EBADF, for the NULL stream.
fn stream_given(fp: *mut libc::FILE) -> bool {
    if fp.is_null() {
        crate::abi::set_errno(libc::EBADF);
    }
    !fp.is_null()
}

/// fileno(3).
///
/// # Safety
/// `fp` is a stream or NULL.
pub unsafe fn fileno(fp: *mut libc::FILE) -> c_int {
    // SAFETY: a non-NULL stream of the caller's, passed on as C would.
    if stream_given(fp) { unsafe { libc::fileno(fp) } } else { -1 }
}

/// feof(3).
///
/// # Safety
/// `fp` is a stream or NULL.
pub unsafe fn feof(fp: *mut libc::FILE) -> c_int {
    // SAFETY: as above.
    if stream_given(fp) { unsafe { libc::feof(fp) } } else { -1 }
}

/// ferror(3).
///
/// # Safety
/// `fp` is a stream or NULL.
pub unsafe fn ferror(fp: *mut libc::FILE) -> c_int {
    // SAFETY: as above.
    if stream_given(fp) { unsafe { libc::ferror(fp) } } else { -1 }
}

/// fpurge(3): glibc's __fpurge, which returns nothing.
///
/// # Safety
/// `fp` is a stream or NULL.
pub unsafe fn fpurge(fp: *mut libc::FILE) -> c_int {
    if !stream_given(fp) {
        return -1;
    }
    // SAFETY: as above.
    unsafe { glibc_fpurge(fp) };
    0
}

/// setbuf(3).
///
/// # Safety
/// `fp` is a stream or NULL; `data` NULL or BUFSIZ bytes that outlive the stream.
pub unsafe fn setbuf(fp: *mut libc::FILE, data: *mut c_char) {
    if stream_given(fp) {
        // SAFETY: as above.
        unsafe { libc::setbuf(fp, data) }
    }
}

/// setbuffer(3).
///
/// # Safety
/// `fp` is a stream or NULL; `data` NULL or `size` bytes that outlive the stream.
pub unsafe fn setbuffer(fp: *mut libc::FILE, data: *mut c_char, size: libc::size_t) {
    if stream_given(fp) {
        // SAFETY: as above.
        unsafe { glibc_setbuffer(fp, data, size) }
    }
}

/// setlinebuf(3).
///
/// # Safety
/// `fp` is a stream or NULL.
pub unsafe fn setlinebuf(fp: *mut libc::FILE) {
    if stream_given(fp) {
        // SAFETY: as above.
        unsafe { glibc_setlinebuf(fp) }
    }
}

/// setvbuf(3). glibc refuses a bad mode with EOF but leaves errno alone: the failure
/// gets EINVAL, the errno POSIX gives it, so that it can be explained.
///
/// # Safety
/// `fp` is a stream or NULL; `data` NULL or `size` bytes that outlive the stream.
pub unsafe fn setvbuf(fp: *mut libc::FILE, data: *mut c_char, mode: c_int, size: libc::size_t) -> c_int {
    if !stream_given(fp) {
        return libc::EOF;
    }
    // SAFETY: as above.
    errno_for_a_silent_failure(libc::EINVAL, || unsafe { libc::setvbuf(fp, data, mode, size) }, |&r| r != 0)
}

/// getgrouplist(3). When *ngroups is too small glibc returns -1 without setting errno
/// (the man page has no ERRORS section): the failure gets EINVAL, as libexplain's command
/// explains it, so that _or_die and _on_error never report "Success".
///
/// # Safety
/// As getgrouplist(3): `user` a string, `groups` room for `*ngroups` ids.
pub unsafe fn getgrouplist(user: *const c_char, group: libc::gid_t, groups: *mut libc::gid_t, ngroups: *mut c_int) -> c_int {
    // SAFETY: as above.
    errno_for_a_silent_failure(libc::EINVAL, || unsafe { libc::getgrouplist(user, group, groups, ngroups) }, |&r| r < 0)
}

/// Runs a call that may fail without setting errno: errno is cleared before it, a
/// failure that left it 0 gets `errnum` (so that it can be explained), and a success
/// leaves the caller's errno as it was.
fn errno_for_a_silent_failure<T>(errnum: c_int, call: impl FnOnce() -> T, failed: impl FnOnce(&T) -> bool) -> T {
    let saved = crate::abi::errno();
    crate::abi::set_errno(0);
    let result = call();
    match (failed(&result), crate::abi::errno()) {
        (false, _) => crate::abi::set_errno(saved),
        (true, 0) => crate::abi::set_errno(errnum),
        _ => {}
    }
    result
}

/// popen(3): the libc crate does not declare it for Linux.
///
/// # Safety
/// `command` and `flags` are C strings, as for popen(3).
pub unsafe fn popen(command: *const c_char, flags: *const c_char) -> *mut libc::FILE {
    // SAFETY: the caller's arguments, passed on as C would.
    unsafe { glibc_popen(command, flags) }
}

/// pclose(3).
///
/// # Safety
/// `fp` is a stream of popen(3) or NULL.
pub unsafe fn pclose(fp: *mut libc::FILE) -> c_int {
    // SAFETY: as above.
    if stream_given(fp) { unsafe { libc::pclose(fp) } } else { -1 }
}

/// freopen(3). With a NULL pathname the stream's own file is reopened, and a failure
/// leaves its descriptor closed: which file it was is remembered first
/// (crate::probe::stream::before_reopen) for the explanation.
///
/// # Safety
/// `pathname` is a C string or NULL, `flags` a C string, `fp` a stream, as for freopen(3).
pub unsafe fn freopen(pathname: *const c_char, flags: *const c_char, fp: *mut libc::FILE) -> *mut libc::FILE {
    if pathname.is_null() {
        crate::probe::stream::remember_before_reopen(fp as usize);
    }
    // SAFETY: the caller's arguments, passed on as C would.
    unsafe { libc::freopen(pathname, flags, fp) }
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

// --- name resolution and ioctl.
extern "C" {
    /// glibc's gethostbyname(3): the libc crate does not declare it.
    #[link_name = "gethostbyname"]
    fn glibc_gethostbyname(name: *const c_char) -> *mut libc::hostent;
}

/// gethostbyname(3).
///
/// # Safety
/// `name` is a C string or NULL, as for gethostbyname(3).
pub unsafe fn gethostbyname(name: *const c_char) -> *mut libc::hostent {
    // SAFETY: the caller's argument, passed on as C would.
    unsafe { glibc_gethostbyname(name) }
}

/// ioctl(2) with libexplain's `int request` (the kernel takes the same 32 bits).
///
/// # Safety
/// `data` is what `request` expects, as for ioctl(2).
pub unsafe fn ioctl(fildes: c_int, request: c_int, data: *mut libc::c_void) -> c_int {
    // SAFETY: the caller's arguments, passed on as C would.
    unsafe { libc::ioctl(fildes, request as u32 as libc::Ioctl, data) }
}

// --- time: the calls glibc no longer links new programs to.

extern "C" {
    /// glibc's adjtime(3): the libc crate does not declare it.
    #[link_name = "adjtime"]
    fn glibc_adjtime(delta: *const timeval, olddelta: *mut timeval) -> c_int;
}

/// stime(2), which glibc 2.31 withdrew: clock_settime(2) of CLOCK_REALTIME, as glibc's
/// last stime was.
///
/// # Safety
/// `t` is NULL or points to a time_t, as for stime(2).
pub unsafe fn stime(t: *mut libc::time_t) -> c_int {
    if t.is_null() || !crate::sys::readable(t as usize, core::mem::size_of::<libc::time_t>()) {
        crate::abi::set_errno(libc::EFAULT);
        return -1;
    }
    // SAFETY: t was just found readable.
    let ts = timespec { tv_sec: unsafe { *t }, tv_nsec: 0 };
    // SAFETY: a timespec of our own.
    unsafe { libc::clock_settime(libc::CLOCK_REALTIME, &ts) }
}

/// ftime(3), which glibc 2.33 withdrew: the time from clock_gettime(2), in
/// milliseconds, and a zero time zone, as glibc's last ftime gave.
///
/// # Safety
/// `tp` is NULL or points to a writable struct timeb, as for ftime(3).
pub unsafe fn ftime(tp: *mut crate::sys::ctypes::timeb) -> c_int {
    let mut ts = timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a timespec of our own.
    if unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) } != 0 {
        return -1;
    }
    if tp.is_null() || !crate::sys::readable(tp as usize, core::mem::size_of::<crate::sys::ctypes::timeb>()) {
        crate::abi::set_errno(libc::EFAULT);
        return -1;
    }
    let tb = crate::sys::ctypes::timeb { time: ts.tv_sec, millitm: (ts.tv_nsec / 1_000_000) as u16, timezone: 0, dstflag: 0 };
    // SAFETY: tp points to a struct timeb the caller gave for writing.
    unsafe { tp.write_unaligned(tb) };
    0
}

/// adjtime(3).
///
/// # Safety
/// `delta` and `olddelta` are NULL or point to timevals, as for adjtime(3).
pub unsafe fn adjtime(delta: *const timeval, olddelta: *mut timeval) -> c_int {
    // SAFETY: as above.
    unsafe { glibc_adjtime(delta, olddelta) }
}

// --- processes ---

/// vfork(2), performed as fork(2): the child of a vfork shares the caller's stack, and
/// would return from `explain_vfork_or_die` into a frame its parent then reuses; a fork
/// gives the same result to both sides without that hazard.
///
/// # Safety
/// As for fork(2).
pub unsafe fn vfork() -> libc::pid_t {
    // SAFETY: fork(2) has no preconditions beyond the caller's own.
    unsafe { libc::fork() }
}

/// ptrace(2): glibc's is variadic; each request takes the same three words.
///
/// # Safety
/// `addr` and `data` are what `request` expects, as for ptrace(2).
pub unsafe fn ptrace(request: c_int, pid: libc::pid_t, addr: *mut libc::c_void, data: *mut libc::c_void) -> libc::c_long {
    // SAFETY: the caller's arguments, as ptrace(2) takes them.
    unsafe { libc::ptrace(request as libc::c_uint, pid, addr, data) }
}

/// libexplain's getpgrp(pid), the BSD form: getpgid(2).
///
/// # Safety
/// None beyond getpgid(2)'s.
pub unsafe fn getpgrp(pid: libc::pid_t) -> libc::pid_t {
    // SAFETY: getpgid(2) takes a number.
    unsafe { libc::getpgid(pid) }
}

/// libexplain's setpgrp(pid, pgid), the BSD form: setpgid(2).
///
/// # Safety
/// None beyond setpgid(2)'s.
pub unsafe fn setpgrp(pid: libc::pid_t, pgid: libc::pid_t) -> c_int {
    // SAFETY: setpgid(2) takes numbers.
    unsafe { libc::setpgid(pid, pgid) }
}

/// wait3(2): wait4(-1, …); the libc crate does not declare wait3.
///
/// # Safety
/// `status` and `rusage` are NULL or writable, as for wait4(2).
pub unsafe fn wait3(status: *mut c_int, options: c_int, rusage: *mut libc::rusage) -> libc::pid_t {
    // SAFETY: the caller's pointers, as wait4(2) takes them.
    unsafe { libc::wait4(-1, status, options, rusage) }
}
