//! fgets, getc, getchar, putc, putchar, puts, getw, putw and ungetc explained on real
//! failing states: a stream opened the other way, a full tmpfs, a descriptor closed
//! under its stream, a push-back of EOF; and their echo as libexplain prints it.
#[macro_use]
mod common;
use common::*;
use libc::{c_char, c_int, FILE};
use std::ffi::CString;
use std::process::Command;

fn fopen(path: &std::path::Path, mode: &str) -> *mut FILE {
    let m = CString::new(mode).unwrap();
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { libc::fopen(cstr(path).as_ptr(), m.as_ptr()) };
    assert!(!fp.is_null(), "fopen {}: {}", path.display(), std::io::Error::last_os_error());
    fp
}

extern "C" {
    fn getc(fp: *mut FILE) -> c_int;
    fn putc(c: c_int, fp: *mut FILE) -> c_int;
    fn getw(fp: *mut FILE) -> c_int;
    fn putw(w: c_int, fp: *mut FILE) -> c_int;
}

#[test]
fn getc_on_a_write_only_stream_says_it_was_opened_for_writing_and_its_error_indicator_is_set() {
    let _serial = serial();
    let d = Scratch::new("chars-getc");
    let fp = fopen(&d.join("out"), "w");
    // SAFETY: fp is a live stream.
    let c = unsafe { getc(fp) };
    let e = errno();
    assert_eq!((c, e), (libc::EOF, libc::EBADF));
    let msg = explained!(explain_message_errno_getc(e, fp));
    assert_facts(&msg, &["getc(fp = 0x", "/out\")", "EBADF", "opened for writing only", "error indicator is set"]);
    // getw is word I/O: the same diagnosis, and the word's size.
    // SAFETY: fp is a live stream.
    assert_eq!(unsafe { getw(fp) }, libc::EOF);
    let msg = explained!(explain_message_errno_getw(e, fp));
    assert_facts(&msg, &["getw(fp = 0x", "opened for writing only", &format!("one int ({} bytes)", std::mem::size_of::<c_int>())]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn putw_and_putc_on_a_read_only_stream_say_it_was_opened_for_reading() {
    let _serial = serial();
    let d = Scratch::new("chars-putw");
    std::fs::write(d.join("in"), b"data").unwrap();
    let fp = fopen(&d.join("in"), "r");
    // SAFETY: fp is a live stream.
    let r = unsafe { putw(0x1234, fp) };
    let e = errno();
    assert_eq!((r, e), (libc::EOF, libc::EBADF));
    let msg = explained!(explain_message_errno_putw(e, 0x1234, fp));
    assert_facts(&msg, &["putw(value = 4660, fp = 0x", "/in\")", "opened for reading only", "putw moves one int"]);
    // putc echoes its character as the unsigned char written, as libexplain does.
    let msg = explained!(explain_message_errno_putc(e, -1, fp));
    assert_facts(&msg, &["putc(c = 0xFF, fp = 0x", "opened for reading only"]);
    let msg = explained!(explain_message_errno_putc(e, 'q' as c_int + 256, fp));
    assert_facts(&msg, &["putc(c = 'q', fp = 0x"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn putc_on_a_full_tmpfs_names_the_mount_point_and_file_system() {
    let _serial = serial();
    let d = Scratch::new("chars-full");
    let t = Tmpfs::mount(&d.join("full"), "size=16k");
    let fp = fopen(&t.dir.join("f"), "w");
    let mut err = 0;
    for _ in 0..(64 * 1024) {
        // SAFETY: fp is a live stream.
        if unsafe { putc('z' as c_int, fp) } == libc::EOF {
            err = errno();
            break;
        }
    }
    assert_eq!(err, libc::ENOSPC, "the tmpfs should fill up");
    let mount = t.dir.to_string_lossy().into_owned();
    let msg = explained!(explain_message_errno_putc(err, 'z' as c_int, fp));
    assert_facts(&msg, &["putc(c = 'z', fp = 0x", "/full/f\")", "ENOSPC", "\"tmpfs\"", &mount, "error indicator is set"]);
    // SAFETY: live, closed once (its buffer cannot be written: that fails, ignored).
    unsafe { libc::fclose(fp) };
}

#[test]
fn puts_to_a_stdout_on_a_full_tmpfs_names_the_mount_in_the_process_whose_stdout_it_is() {
    let _serial = serial();
    let d = Scratch::new("chars-puts");
    let t = Tmpfs::mount(&d.join("full"), "size=4k");
    std::fs::write(t.dir.join("filler"), vec![b'f'; 4096]).ok();
    let out = cstr(&t.dir.join("out"));
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // The child makes the full file its stdout, fails a real puts, and sends back the
    // errno and the explanation of its own stdout.
    // SAFETY: the child only calls write-side stdio, the library and _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: the child's own descriptors and stdout.
        unsafe {
            let fd = libc::open(out.as_ptr(), libc::O_WRONLY | libc::O_CREAT | libc::O_CLOEXEC, 0o644);
            libc::dup2(fd, 1);
            libc::puts(b"hello\0".as_ptr() as *const c_char);
            let e = if libc::fflush(std::ptr::null_mut()) == libc::EOF { *libc::__errno_location() } else { 0 };
            let mut buf = [0u8; 4096];
            let head = e.to_ne_bytes();
            buf[..4].copy_from_slice(&head);
            explain::abi::boundary::explain_message_errno_puts(buf[4..].as_mut_ptr() as *mut c_char, 4092, e, b"hello\0".as_ptr() as *const c_char);
            libc::write(fds[1], buf.as_ptr() as *const libc::c_void, buf.len());
            libc::_exit(0);
        }
    }
    // SAFETY: the parent's end of the pipe; the child is reaped.
    let mut buf = [0u8; 4096];
    unsafe {
        libc::close(fds[1]);
        let mut got = 0;
        while got < buf.len() {
            let n = libc::read(fds[0], buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got);
            if n <= 0 {
                break;
            }
            got += n as usize;
        }
        libc::close(fds[0]);
        libc::waitpid(pid, std::ptr::null_mut(), 0);
    }
    let e = i32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]]);
    assert_eq!(e, libc::ENOSPC, "the child's puts should fill the tmpfs");
    let msg = text(&buf[4..]);
    let mount = t.dir.to_string_lossy().into_owned();
    assert_facts(&msg, &["puts(s = \"hello\") failed", "ENOSPC", "\"tmpfs\"", &mount, "stdout's error indicator is set"]);
}

#[test]
fn fgets_with_a_size_below_one_or_a_null_buffer_names_the_argument() {
    let _serial = serial();
    let d = Scratch::new("chars-fgets");
    std::fs::write(d.join("in"), b"line\n").unwrap();
    let fp = fopen(&d.join("in"), "r");
    let mut buf = [0 as c_char; 8];
    let msg = explained!(explain_message_errno_fgets(libc::EINVAL, buf.as_mut_ptr(), 0, fp));
    assert_facts(&msg, &["fgets(data = 0x", "data_size = 0, fp = 0x", "/in\")", "EINVAL", "data_size is 0", "must be 1 or more"]);
    let msg = explained!(explain_message_errno_fgets(libc::EINVAL, buf.as_mut_ptr(), -3, fp));
    assert_facts(&msg, &["data_size = -3", "data_size is -3"]);
    let msg = explained!(explain_message_errno_fgets(libc::EFAULT, std::ptr::null_mut(), 8, fp));
    assert_facts(&msg, &["fgets(data = NULL, data_size = 8", "EFAULT", "data is the NULL pointer"]);
    // A buffer in read-only memory: the string constant of this test.
    let ro = b"read-only\0".as_ptr() as *mut c_char;
    let msg = explained!(explain_message_errno_fgets(libc::EFAULT, ro, 8, fp));
    assert_facts(&msg, &["EFAULT", "data (0x", "may read but not write"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn getc_on_a_stream_whose_descriptor_was_closed_underneath_says_so() {
    let _serial = serial();
    let d = Scratch::new("chars-closed");
    std::fs::write(d.join("in"), b"abc").unwrap();
    let fp = fopen(&d.join("in"), "r");
    // SAFETY: fp is live; its descriptor is closed behind its back on purpose.
    let fd = unsafe { libc::fileno(fp) };
    unsafe { libc::close(fd) };
    // SAFETY: fp is still a live FILE.
    let c = unsafe { getc(fp) };
    let e = errno();
    assert_eq!((c, e), (libc::EOF, libc::EBADF));
    let msg = explained!(explain_message_errno_getc(e, fp));
    assert_facts(&msg, &["getc(fp = 0x", "EBADF", &format!("file descriptor {fd} is not open"), "closed underneath the stream"]);
    // SAFETY: the FILE is released; its close fails with EBADF, ignored.
    unsafe { libc::fclose(fp) };
}

#[test]
fn ungetc_of_eof_fails_through_on_error_with_einval_and_is_explained() {
    let _serial = serial();
    let d = Scratch::new("chars-ungetc");
    std::fs::write(d.join("in"), b"abc").unwrap();
    let fp = fopen(&d.join("in"), "r");
    // SAFETY: fp is live; the explanation goes to stderr.
    let r = unsafe { explain::abi::boundary::explain_ungetc_on_error(libc::EOF, fp) };
    let e = errno();
    assert_eq!((r, e), (libc::EOF, libc::EINVAL));
    let msg = explained!(explain_message_errno_ungetc(e, libc::EOF, fp));
    assert_facts(&msg, &["ungetc(c = EOF, fp = 0x", "EINVAL", "c is EOF", "refuses to push it back"]);
    // A character is pushed back, and errno is left as it was.
    // SAFETY: this thread's errno.
    unsafe { *libc::__errno_location() = libc::ENOENT };
    // SAFETY: as above.
    let r = unsafe { explain::abi::boundary::explain_ungetc_on_error('x' as c_int, fp) };
    assert_eq!((r, errno()), ('x' as c_int, libc::ENOENT));
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn getchar_and_putchar_echo_their_implied_streams_as_libexplain_does() {
    let _serial = serial();
    let d = Scratch::new("chars-echo");
    // The command's stdin, open for writing only: getchar cannot read it.
    let stdin = std::fs::File::create(d.join("in")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_explain")).args(["-e", "EBADF", "getchar"]).stdin(stdin).output().unwrap();
    let msg = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_facts(&msg, &[&format!("getchar( \"{}\") failed", d.join("in").display()), "EBADF", "stdin is a stream on file descriptor 0", "O_WRONLY"]);
    let msg = explain(&["-e", "EBADF", "putchar", "10"]);
    assert_facts(&msg, &["putchar(c = '\\n', fp = stdout", "EBADF"]);
    let msg = explain(&["-e", "EIO", "puts", "hi"]);
    assert_facts(&msg, &["puts(s = \"hi\") failed", "EIO"]);
    // The command takes the standard streams by name.
    let msg = explain(&["-e", "EBADF", "getc", "stdin"]);
    assert_facts(&msg, &["getc(fp = stdin"]);
    // And characters as the echo writes them.
    let msg = explain(&["-e", "EINVAL", "ungetc", "EOF", "stdin"]);
    assert_facts(&msg, &["ungetc(c = EOF, fp = stdin", "c is EOF"]);
    let msg = explain(&["-e", "EBADF", "putc", "'\\n'", "stderr"]);
    assert_facts(&msg, &["putc(c = '\\n', fp = stderr"]);
}
