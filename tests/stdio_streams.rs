//! fopen, fclose, fflush, fread, fwrite, fgetc, fputc and fputs explained on real
//! failing states: a full tmpfs, a stream opened the other way, a pipe whose reader
//! closed, RLIMIT_FSIZE in a child, a descriptor closed under its stream, a bad mode.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int, c_void, FILE};
use std::ffi::CString;



fn fopen(path: &std::path::Path, mode: &str) -> *mut FILE {
    let m = CString::new(mode).unwrap();
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { libc::fopen(cstr(path).as_ptr(), m.as_ptr()) };
    assert!(!fp.is_null(), "fopen {}: {}", path.display(), std::io::Error::last_os_error());
    fp
}

#[test]
fn fwrite_and_fflush_on_a_full_tmpfs_name_the_mount_and_fclose_says_the_buffer_was_lost() {
    let _serial = serial();
    let d = Scratch::new("stdio-full");
    let t = Tmpfs::mount(&d.join("full"), "size=64k");
    let fp = fopen(&t.dir.join("big"), "w");
    let block = vec![b'x'; 4096];
    let mut err = 0;
    for _ in 0..64 {
        // SAFETY: block is readable for its length; fp is a live stream.
        let n = unsafe { libc::fwrite(block.as_ptr() as *const c_void, 1, block.len(), fp) };
        if n < block.len() {
            err = errno();
            break;
        }
    }
    assert_eq!(err, libc::ENOSPC, "the tmpfs should fill up");
    let mount = t.dir.to_string_lossy().into_owned();
    let msg = explained!(explain_message_errno_fwrite(libc::ENOSPC, block.as_ptr() as *const c_void, 1, 4096, fp));
    assert_facts(&msg, &["fwrite(", "fp = 0x", "/full/big\"", "ENOSPC", "\"tmpfs\"", &mount]);
    let msg = explained!(explain_message_errno_fflush(libc::ENOSPC, fp));
    assert_facts(&msg, &["fflush(fp = 0x", "\"tmpfs\"", &mount]);
    // Leave bytes in the buffer, then let fclose fail through the boundary.
    // SAFETY: as above.
    unsafe { libc::fwrite(block.as_ptr() as *const c_void, 1, 100, fp) };
    let msg = explained!(explain_message_errno_fclose(libc::ENOSPC, fp));
    assert_facts(&msg, &["fclose(", "\"tmpfs\"", "bytes still in its buffer were lost"]);
    // SAFETY: fp is live; closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fread_on_a_stream_opened_for_writing_says_it_was_opened_for_writing_only() {
    let _serial = serial();
    let d = Scratch::new("stdio-w");
    let fp = fopen(&d.join("out"), "w");
    let mut buf = [0u8; 8];
    // SAFETY: buf is writable; fp is live.
    let n = unsafe { libc::fread(buf.as_mut_ptr() as *mut c_void, 1, 8, fp) };
    let e = errno();
    assert_eq!((n, e), (0, libc::EBADF));
    let msg = explained!(explain_message_errno_fread(e, buf.as_mut_ptr() as *mut c_void, 1, 8, fp));
    assert_facts(&msg, &["fread(ptr = 0x", "nmemb = 8", "/out\"", "EBADF", "opened for writing only"]);
    // The error indicator fread set is reported too.
    assert_facts(&msg, &["error indicator is set"]);
    // And the other way: fputc on a stream opened "r".
    let fr = fopen(&d.join("out"), "r");
    let msg = explained!(explain_message_errno_fputc(libc::EBADF, 'x' as c_int, fr));
    assert_facts(&msg, &["fputc(c = 'x', fp = 0x", "opened for reading only"]);
    // SAFETY: both live, closed once.
    unsafe { libc::fclose(fp) };
    unsafe { libc::fclose(fr) };
}

#[test]
fn fputs_to_a_pipe_whose_reader_closed_says_nobody_reads_it() {
    let _serial = serial();
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: the read end is ours to close.
    unsafe { libc::close(fds[0]) };
    let w = CString::new("w").unwrap();
    // SAFETY: fds[1] is open; SIGPIPE is ignored by the Rust test harness.
    let fp = unsafe { libc::fdopen(fds[1], w.as_ptr()) };
    assert!(!fp.is_null());
    let s = CString::new("hello\n").unwrap();
    // SAFETY: live stream, NUL-terminated string; fflush performs the write.
    let (r1, r2) = unsafe { (libc::fputs(s.as_ptr(), fp), libc::fflush(fp)) };
    let e = errno();
    assert!(r1 >= 0 && r2 == libc::EOF && e == libc::EPIPE, "{r1} {r2} {e}");
    let msg = explained!(explain_message_errno_fputs(e, s.as_ptr(), fp));
    assert_facts(&msg, &["fputs(s = \"hello\\n\", fp = 0x", "\"pipe\"", "EPIPE", "a pipe", "no process has its read end open"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fflush_past_rlimit_fsize_gives_the_limit() {
    let _serial = serial();
    let d = Scratch::new("stdio-fsize");
    let path = cstr(&d.join("capped"));
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: the child only makes system calls and our explain call, then _exits.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit { rlim_cur: 1000, rlim_max: 1000 };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            let fp = libc::fopen(path.as_ptr(), c"w".as_ptr());
            let block = [b'y'; 4096];
            libc::fwrite(block.as_ptr() as *const c_void, 1, block.len(), fp);
            libc::fflush(fp);
            let e = *libc::__errno_location();
            let mut out = [0u8; 4096];
            b::explain_message_errno_fflush(out.as_mut_ptr() as *mut c_char, 4096, e, fp);
            let n = out.iter().position(|&c| c == 0).unwrap();
            libc::write(fds[1], out.as_ptr() as *const c_void, n);
            libc::_exit(0);
        }
    }
    // SAFETY: our pipe; the child is reaped.
    unsafe { libc::close(fds[1]) };
    let mut msg = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let n = unsafe { libc::read(fds[0], buf.as_mut_ptr() as *mut c_void, buf.len()) };
        if n <= 0 {
            break;
        }
        msg.extend_from_slice(&buf[..n as usize]);
    }
    unsafe { libc::close(fds[0]) };
    unsafe { libc::waitpid(pid, std::ptr::null_mut(), 0) };
    let msg = String::from_utf8_lossy(&msg);
    assert_facts(&msg, &["fflush(fp = 0x", "EFBIG", "RLIMIT_FSIZE", "1000 bytes"]);
}

#[test]
fn a_descriptor_closed_under_its_stream_is_named() {
    let _serial = serial();
    let d = Scratch::new("stdio-closed");
    let fp = fopen(&d.join("f"), "w");
    // SAFETY: fp is live; its descriptor is closed behind its back on purpose.
    let fd = unsafe { libc::fileno(fp) };
    unsafe { libc::close(fd) };
    let msg = explained!(explain_message_errno_fputc(libc::EBADF, 'a' as c_int, fp));
    assert_facts(&msg, &[&format!("file descriptor {fd} is not open"), "closed underneath the stream"]);
    // SAFETY: fclose of the stream releases it (its close fails with EBADF).
    unsafe { libc::fclose(fp) };
}

#[test]
fn a_null_or_closed_stream_is_diagnosed_not_followed() {
    let _serial = serial();
    let msg = explained!(explain_message_errno_fgetc(libc::EBADF, std::ptr::null_mut()));
    assert_facts(&msg, &["fgetc(fp = NULL)", "NULL pointer"]);
    let wild = 0x10 as *mut FILE;
    let msg = explained!(explain_message_errno_fflush(libc::EBADF, wild));
    assert_facts(&msg, &["fflush(fp = 0x00000010)", "does not point to memory the process may read"]);
    // A block of zeros is readable but is no FILE.
    let zeros = vec![0u64; 32];
    let msg = explained!(explain_message_errno_fgetc(libc::EBADF, zeros.as_ptr() as *mut FILE));
    assert_facts(&msg, &["does not hold an open stream"]);
}

#[test]
fn standard_streams_are_echoed_by_name() {
    let _serial = serial();
    // SAFETY: reading libc's stdout pointer.
    extern "C" {
        static stdout: *mut FILE;
    }
    let fp = unsafe { stdout };
    let msg = explained!(explain_message_errno_fflush(libc::EIO, fp));
    assert_facts(&msg, &["fflush(fp = stdout"]);
}

#[test]
fn fopen_modes_map_to_open_and_a_bad_mode_lists_the_valid_ones() {
    let _serial = serial();
    let d = Scratch::new("stdio-mode");
    let p = CString::new(d.s("f")).unwrap();
    let rw = CString::new("rw").unwrap();
    let msg = explained!(explain_message_errno_fopen(libc::EINVAL, p.as_ptr(), rw.as_ptr()));
    assert_facts(&msg, &["fopen(pathname = \"", "flags = \"rw\"", "is not a valid mode", "\"r+\"", "\"a+\""]);
    // "r+" on a missing file: open's diagnosis of the path, with a suggestion.
    std::fs::write(d.join("config"), b"").unwrap();
    let missing = CString::new(d.s("confg")).unwrap();
    let rp = CString::new("r+").unwrap();
    // SAFETY: NUL-terminated strings.
    assert!(unsafe { libc::fopen(missing.as_ptr(), rp.as_ptr()) }.is_null());
    let msg = explained!(explain_message_errno_fopen(errno(), missing.as_ptr(), rp.as_ptr()));
    assert_facts(&msg, &["ENOENT", "\"confg\"", "\"config\""]);
    // "wx" on an existing file: O_EXCL's EEXIST.
    let wx = CString::new("wx").unwrap();
    let existing = CString::new(d.s("config")).unwrap();
    assert!(unsafe { libc::fopen(existing.as_ptr(), wx.as_ptr()) }.is_null());
    let msg = explained!(explain_message_errno_fopen(errno(), existing.as_ptr(), wx.as_ptr()));
    assert_facts(&msg, &["EEXIST", "already there"]);
}

#[test]
fn fopen_for_writing_on_a_read_only_mount_names_it() {
    let _serial = serial();
    let d = Scratch::new("stdio-ro");
    let t = Tmpfs::mount(&d.join("ro"), "size=64k,ro");
    let p = cstr(&t.dir.join("new"));
    let a = CString::new("ae").unwrap();
    // SAFETY: NUL-terminated strings.
    assert!(unsafe { libc::fopen(p.as_ptr(), a.as_ptr()) }.is_null());
    let e = errno();
    assert_eq!(e, libc::EROFS);
    let msg = explained!(explain_message_errno_fopen(e, p.as_ptr(), a.as_ptr()));
    assert_facts(&msg, &["flags = \"ae\"", "EROFS", "read-only", &t.dir.to_string_lossy()]);
}
