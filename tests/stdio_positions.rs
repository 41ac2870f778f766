//! fseek, fseeko, ftell, ftello, fgetpos and fsetpos explained on real failing states:
//! a stream on a pipe, a whence a stream does not take, a position before the start of
//! the file, an fpos_t that fgetpos never filled in; EOVERFLOW from the errno given.
#[macro_use]
mod common;
use common::*;
use libc::FILE;
use std::ffi::CString;

fn fopen(path: &std::path::Path, mode: &str) -> *mut FILE {
    let m = CString::new(mode).unwrap();
    // SAFETY: NUL-terminated strings.
    let fp = unsafe { libc::fopen(cstr(path).as_ptr(), m.as_ptr()) };
    assert!(!fp.is_null(), "fopen {}: {}", path.display(), std::io::Error::last_os_error());
    fp
}

/// A stream reading the read end of a new pipe, and the write end.
fn pipe_stream() -> (*mut FILE, i32) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: the read end is a new descriptor; "r" is NUL-terminated.
    let fp = unsafe { libc::fdopen(fds[0], b"r\0".as_ptr() as *const libc::c_char) };
    assert!(!fp.is_null());
    (fp, fds[1])
}

#[test]
fn fseek_ftell_and_fgetpos_on_a_pipe_say_it_has_no_offset_and_name_it() {
    let (fp, w) = pipe_stream();
    // SAFETY: fp is a live stream.
    let r = unsafe { libc::fseek(fp, 0, libc::SEEK_SET) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::ESPIPE));
    // SAFETY: as above.
    let fd = unsafe { libc::fileno(fp) };
    let msg = explained!(explain_message_errno_fseek(e, fp, 0, libc::SEEK_SET));
    assert_facts(&msg, &["fseek(fp = 0x", "offset = 0, whence = SEEK_SET) failed", "ESPIPE", &format!("fp's descriptor {fd} \"pipe\""), "a pipe", "no file offset"]);
    // SAFETY: as above.
    let (r, e) = unsafe { (libc::ftell(fp), errno()) };
    assert_eq!((r, e), (-1, libc::ESPIPE));
    let msg = explained!(explain_message_errno_ftell(e, fp));
    assert_facts(&msg, &["ftell(fp = 0x", "ESPIPE", "a pipe", "no file offset"]);
    // SAFETY: as above.
    let (r, e) = unsafe { (libc::ftello(fp), errno()) };
    assert_eq!((r, e), (-1, libc::ESPIPE));
    let msg = explained!(explain_message_errno_ftello(e, fp));
    assert_facts(&msg, &["ftello(fp = 0x", "a pipe"]);
    let mut pos: libc::fpos_t = unsafe { std::mem::zeroed() };
    // SAFETY: pos is writable.
    let (r, e) = unsafe { (libc::fgetpos(fp, &mut pos), errno()) };
    assert_eq!((r, e), (-1, libc::ESPIPE));
    let msg = explained!(explain_message_errno_fgetpos(e, fp, &mut pos));
    assert_facts(&msg, &["fgetpos(fp = 0x", "pos = 0x", "a pipe"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
    unsafe { libc::close(w) };
}

#[test]
fn fseek_with_seek_data_or_an_unknown_whence_names_the_three_a_stream_takes() {
    let d = Scratch::new("pos-whence");
    std::fs::write(d.join("f"), b"0123456789").unwrap();
    let fp = fopen(&d.join("f"), "r");
    // SAFETY: fp is a live stream.
    let (r, e) = unsafe { (libc::fseek(fp, 0, libc::SEEK_DATA), errno()) };
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_fseek(e, fp, 0, libc::SEEK_DATA));
    assert_facts(&msg, &["whence = SEEK_DATA) failed", "EINVAL", "whence is SEEK_DATA", "only SEEK_SET, SEEK_CUR or SEEK_END"]);
    // SAFETY: as above.
    let (r, e) = unsafe { (libc::fseeko(fp, 4, 7), errno()) };
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_fseeko(e, fp, 4, 7));
    assert_facts(&msg, &["fseeko(fp = 0x", "offset = 4, whence = 7) failed", "whence is 7"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fseek_before_the_start_gives_the_resulting_offset_the_position_and_the_size() {
    let d = Scratch::new("pos-neg");
    std::fs::write(d.join("f"), b"0123456789").unwrap();
    let fp = fopen(&d.join("f"), "r");
    // Read three characters: the stream's position is 3, its descriptor's offset 10.
    for _ in 0..3 {
        // SAFETY: fp is a live stream.
        assert_ne!(unsafe { libc::fgetc(fp) }, libc::EOF);
    }
    // SAFETY: as above.
    let (r, e) = unsafe { (libc::fseek(fp, -5, libc::SEEK_CUR), errno()) };
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_fseek(e, fp, -5, libc::SEEK_CUR));
    assert_facts(&msg, &["offset = -5, whence = SEEK_CUR", "would be -2", "current offset 3 plus offset -5", "cannot be negative", "fp's position is 3", "size is 10 bytes"]);
    // SAFETY: as above.
    let (r, e) = unsafe { (libc::fseek(fp, -11, libc::SEEK_END), errno()) };
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_fseek(e, fp, -11, libc::SEEK_END));
    assert_facts(&msg, &["would be -1", "file's size 10 plus offset -11"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fsetpos_with_an_fpos_t_fgetpos_never_filled_says_what_it_holds() {
    let d = Scratch::new("pos-fsetpos");
    std::fs::write(d.join("f"), b"0123456789").unwrap();
    let fp = fopen(&d.join("f"), "r");
    // SAFETY: an fpos_t of all ones: offset -1.
    let mut pos: libc::fpos_t = unsafe { std::mem::zeroed() };
    unsafe { std::ptr::write_bytes(&mut pos as *mut libc::fpos_t as *mut u8, 0xff, std::mem::size_of::<libc::fpos_t>()) };
    // SAFETY: fp is live, pos readable.
    let (r, e) = unsafe { (libc::fsetpos(fp, &pos), errno()) };
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_fsetpos(e, fp, &mut pos));
    assert_facts(&msg, &["fsetpos(fp = 0x", "pos = { <undefined> }) failed", "EINVAL", "pos holds the file offset -1", "not filled in by fgetpos"]);
    let msg = explained!(explain_message_errno_fsetpos(libc::EINVAL, fp, std::ptr::null_mut()));
    assert_facts(&msg, &["pos = NULL) failed", "pos is the NULL pointer"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn ftell_eoverflow_gives_the_position_against_long_max() {
    // A position past LONG_MAX cannot be made on a 64-bit system: the errno is given,
    // and the message says where the stream is now.
    let d = Scratch::new("pos-overflow");
    std::fs::write(d.join("f"), b"0123456789").unwrap();
    let fp = fopen(&d.join("f"), "r");
    // SAFETY: fp is a live stream.
    assert_eq!(unsafe { libc::fseek(fp, 7, libc::SEEK_SET) }, 0);
    let msg = explained!(explain_message_errno_ftell(libc::EOVERFLOW, fp));
    assert_facts(&msg, &["ftell(fp = 0x", "EOVERFLOW", &format!("largest value is {}", libc::c_long::MAX), "at present, the position is 7"]);
    let out = explain(&["-e", "EOVERFLOW", "ftello", "stdin"]);
    assert_facts(&out, &["ftello(fp = stdin", "the type off_t"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fseek_on_a_stream_whose_descriptor_was_closed_underneath_says_so() {
    let d = Scratch::new("pos-closed");
    std::fs::write(d.join("f"), b"0123456789").unwrap();
    let fp = fopen(&d.join("f"), "r");
    // SAFETY: fp is live; its descriptor is closed behind its back on purpose.
    let fd = unsafe { libc::fileno(fp) };
    unsafe { libc::close(fd) };
    // SAFETY: fp is still a live FILE.
    let (r, e) = unsafe { (libc::fseek(fp, 2, libc::SEEK_SET), errno()) };
    assert_eq!((r, e), (-1, libc::EBADF));
    let msg = explained!(explain_message_errno_fseek(e, fp, 2, libc::SEEK_SET));
    assert_facts(&msg, &["EBADF", &format!("file descriptor {fd} is not open"), "closed underneath the stream"]);
    let msg = explained!(explain_message_errno_ftell(libc::EBADF, std::ptr::null_mut()));
    assert_facts(&msg, &["ftell(fp = NULL)", "fp is the NULL pointer"]);
    // SAFETY: the FILE is released; its close fails with EBADF, ignored.
    unsafe { libc::fclose(fp) };
}

#[test]
fn fseeko_on_a_socket_stream_names_the_socket() {
    let mut sv = [0; 2];
    // SAFETY: sv has room for two descriptors.
    assert_eq!(unsafe { libc::socketpair(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr()) }, 0);
    // SAFETY: sv[0] is a new descriptor; the mode is NUL-terminated.
    let fp = unsafe { libc::fdopen(sv[0], b"r+\0".as_ptr() as *const libc::c_char) };
    assert!(!fp.is_null());
    // SAFETY: fp is a live stream.
    let (r, e) = unsafe { (libc::fseeko(fp, 10, libc::SEEK_CUR), errno()) };
    assert_eq!((r, e), (-1, libc::ESPIPE));
    let msg = explained!(explain_message_errno_fseeko(e, fp, 10, libc::SEEK_CUR));
    assert_facts(
        &msg,
        &["fseeko(fp = 0x", "{ sa_family = PF_UNIX } => { sa_family = PF_UNIX }, offset = 10, whence = SEEK_CUR", "ESPIPE", &format!("fp's descriptor {} {{ sa_family = PF_UNIX }}", sv[0]), "socket"],
    );
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
    unsafe { libc::close(sv[1]) };
}

#[test]
fn ftell_on_a_terminal_stream_names_the_terminal_and_its_path() {
    // SAFETY: a new pseudo-terminal pair; its names are read into our own buffer.
    let (master, slave, name) = unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
        assert!(master >= 0);
        assert_eq!(libc::grantpt(master), 0);
        assert_eq!(libc::unlockpt(master), 0);
        let mut name = [0 as libc::c_char; 64];
        assert_eq!(libc::ptsname_r(master, name.as_mut_ptr(), name.len()), 0);
        let slave = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY | libc::O_CLOEXEC);
        assert!(slave >= 0);
        (master, slave, std::ffi::CStr::from_ptr(name.as_ptr()).to_string_lossy().into_owned())
    };
    // SAFETY: slave is a new descriptor; the mode is NUL-terminated.
    let fp = unsafe { libc::fdopen(slave, b"r+\0".as_ptr() as *const libc::c_char) };
    assert!(!fp.is_null());
    // SAFETY: fp is a live stream.
    let (r, e) = unsafe { (libc::ftell(fp), errno()) };
    assert_eq!((r, e), (-1, libc::ESPIPE));
    let msg = explained!(explain_message_errno_ftell(e, fp));
    assert_facts(&msg, &["ftell(fp = 0x", &format!("\"{name}\")"), "ESPIPE", &format!("fp's descriptor {slave} \"{name}\""), "terminal"]);
    // SAFETY: live, closed once.
    unsafe { libc::fclose(fp) };
    unsafe { libc::close(master) };
}
