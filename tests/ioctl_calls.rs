//! ioctl(2) (issue 13): the request table generated from the kernel's UAPI headers
//! (its size, generated values the headers define), the argument printers on real
//! memory, and ENOTTY on real files of each kind (a regular file, a pipe, a
//! pseudo-terminal, a socket, /dev/null) naming the kind of device the request is for
//! and what the descriptor is.
#[macro_use]
mod common;
use common::*;
use std::collections::BTreeSet;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::ptr::{null, null_mut};

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both were just opened and are owned here only.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// ioctl for real: the errno it failed with.
fn fails(fd: i32, request: u32, data: *mut libc::c_void) -> i32 {
    // SAFETY: data points at memory of the size the request reads or fills, or is a number.
    assert_eq!(unsafe { libc::ioctl(fd, request as libc::Ioctl, data) }, -1);
    errno()
}

/// A struct ifreq naming interface `name`, its flags set to `flags`.
fn ifreq(name: &[u8], flags: libc::c_short) -> libc::ifreq {
    // SAFETY: all zero is a valid ifreq.
    let mut ifr: libc::ifreq = unsafe { std::mem::zeroed() };
    for (i, c) in name.iter().enumerate() {
        ifr.ifr_name[i] = *c as libc::c_char;
    }
    ifr.ifr_ifru.ifru_flags = flags;
    ifr
}

fn dev_null() -> std::fs::File {
    std::fs::OpenOptions::new().read(true).write(true).open("/dev/null").unwrap()
}

#[test]
fn the_table_holds_at_least_1500_requests_by_name() {
    let names: BTreeSet<&str> = explain::decode::term::ioctl_requests().map(|e| e.name).collect();
    assert!(names.len() >= 1500, "{} requests", names.len());
}

#[test]
fn generated_requests_have_the_values_of_the_headers() {
    // Values from linux-libc-dev's headers: _IOWR('f', 11, struct fiemap),
    // _IO('A', 0x40), LOOP_CONFIGURE 0x4C0A, _IOW(0x94, 13, struct file_clone_range).
    for (name, value) in [
        ("FS_IOC_FIEMAP", "0xC020660B"),
        ("SNDRV_PCM_IOCTL_PREPARE", "0x4140"),
        ("LOOP_CONFIGURE", "0x4C0A"),
        ("FICLONERANGE", "0x4020940D"),
        ("BLKTRACESETUP", "0xC0481273"),
    ] {
        let by_number = explain(&["-e", "ENOTTY", "ioctl", "99", value, "0x1000"]);
        assert_facts(&by_number, &[&format!("request = {name},")]);
        let by_name = explain(&["-e", "ENOTTY", "ioctl", "99", name, "0x1000"]);
        assert_facts(&by_name, &[&format!("request = {name},")]);
    }
    // A decimal number too: 19466 is 0x4C0A.
    assert_facts(&explain(&["-e", "ENOTTY", "ioctl", "99", "19466"]), &["request = LOOP_CONFIGURE,"]);
    // The sound request is for sound devices.
    assert_facts(&explain(&["-e", "ENOTTY", "ioctl", "0", "SNDRV_PCM_IOCTL_PREPARE"]), &["is for sound devices"]);
}

#[test]
fn tiocswinsz_on_a_regular_file_echoes_the_size_and_names_the_file() {
    let d = Scratch::new("ioctl-winsz");
    let p = d.join("plain");
    std::fs::write(&p, b"x").unwrap();
    let f = std::fs::File::open(&p).unwrap();
    let mut ws = libc::winsize { ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0 };
    let data = &mut ws as *mut libc::winsize as *mut libc::c_void;
    let e = fails(f.as_raw_fd(), libc::TIOCSWINSZ as u32, data);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, f.as_raw_fd(), libc::TIOCSWINSZ as i32, data));
    assert_facts(&msg, &[
        "request = TIOCSWINSZ, struct winsize *data = { ws_row = 24, ws_col = 80 })",
        "is for terminals",
        &format!("fildes {} \"{}\" is a regular file", f.as_raw_fd(), p.display()),
    ]);
}

#[test]
fn tcsets_on_a_socket_echoes_the_termios_and_says_it_is_a_socket() {
    let mut sv = [0; 2];
    // SAFETY: sv has room for the two descriptors.
    assert_eq!(unsafe { libc::socketpair(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr()) }, 0);
    // SAFETY: both were just opened and are owned here only.
    let (a, _b) = unsafe { (OwnedFd::from_raw_fd(sv[0]), OwnedFd::from_raw_fd(sv[1])) };
    // The kernel's struct termios: four flag words, c_line, 19 control characters.
    let mut t = [0u8; 36];
    t[0..4].copy_from_slice(&((libc::ICRNL | libc::IXON) as u32).to_ne_bytes());
    t[8..12].copy_from_slice(&((libc::B38400 | libc::CS8 | libc::CREAD) as u32).to_ne_bytes());
    t[17 + libc::VINTR] = 3;
    let data = t.as_mut_ptr() as *mut libc::c_void;
    let e = fails(a.as_raw_fd(), libc::TCSETS as u32, data);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, a.as_raw_fd(), libc::TCSETS as i32, data));
    assert_facts(&msg, &[
        "struct termios *data = { c_iflag = ICRNL | IXON, c_oflag = 0, c_cflag = B38400 | CS8 | CREAD, c_lflag = 0, c_line = N_TTY, c_cc = {VINTR = '\\003'} })",
        "is for terminals",
        "is a socket",
    ]);
}

#[test]
fn siocsifflags_on_a_pipe_echoes_the_interface_and_its_flags() {
    let (r, _w) = pipe();
    let mut ifr = ifreq(b"lo", (libc::IFF_UP | libc::IFF_LOOPBACK | libc::IFF_RUNNING) as libc::c_short);
    let data = &mut ifr as *mut libc::ifreq as *mut libc::c_void;
    let e = fails(r.as_raw_fd(), libc::SIOCSIFFLAGS as u32, data);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, r.as_raw_fd(), libc::SIOCSIFFLAGS as i32, data));
    assert_facts(&msg, &[
        "struct ifreq *data = { ifr_name = \"lo\", ifr_flags = IFF_UP | IFF_LOOPBACK | IFF_RUNNING })",
        "is for sockets",
        "is a pipe",
    ]);
}

#[test]
fn tunsetiff_on_dev_null_echoes_the_tun_flags() {
    let f = dev_null();
    let mut ifr = ifreq(b"tap7", 0x0002 | 0x1000); // IFF_TAP | IFF_NO_PI
    let data = &mut ifr as *mut libc::ifreq as *mut libc::c_void;
    let e = fails(f.as_raw_fd(), 0x400454CA, data);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, f.as_raw_fd(), 0x400454CAu32 as i32, data));
    assert_facts(&msg, &[
        "request = TUNSETIFF, struct ifreq *data = { ifr_name = \"tap7\", ifr_flags = IFF_TAP | IFF_NO_PI })",
        "is for tun/tap devices",
        "driver \"mem\"",
    ]);
}

#[test]
fn loop_set_fd_on_dev_null_echoes_the_backing_file_with_its_path() {
    let d = Scratch::new("ioctl-loop");
    let p = d.join("disk.img");
    std::fs::write(&p, vec![0u8; 4096]).unwrap();
    let img = std::fs::File::open(&p).unwrap();
    let f = dev_null();
    let e = fails(f.as_raw_fd(), 0x4C00, img.as_raw_fd() as usize as *mut libc::c_void);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, f.as_raw_fd(), 0x4C00, img.as_raw_fd() as usize as *mut libc::c_void));
    assert_facts(&msg, &[
        &format!("request = LOOP_SET_FD, intptr_t data = {} \"{}\")", img.as_raw_fd(), p.display()),
        "is for loop devices",
        "is a character device",
    ]);
}

#[test]
fn blkgetsize64_on_a_pseudo_terminal_is_for_block_devices() {
    let (mut master, mut slave) = (0, 0);
    // SAFETY: out pointers for the two descriptors; no name, termios or winsize.
    assert_eq!(unsafe { libc::openpty(&mut master, &mut slave, null_mut(), null(), null()) }, 0);
    // SAFETY: both were just opened and are owned here only.
    let (m, _s) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut size = 0u64;
    let data = &mut size as *mut u64 as *mut libc::c_void;
    let e = fails(m.as_raw_fd(), 0x80081272, data);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, m.as_raw_fd(), 0x80081272u32 as i32, data));
    assert_facts(&msg, &["request = BLKGETSIZE64, uint64_t *data = 0x", "is for block devices", "\"/dev/ptmx\" is a terminal", "a terminal does not take it"]);
}

#[test]
fn fs_ioc_setflags_on_a_pipe_names_the_flags_and_blames_the_kind_of_file() {
    let (r, _w) = pipe();
    let mut flags: libc::c_long = 0x10 | 0x20; // FS_IMMUTABLE_FL | FS_APPEND_FL
    let data = &mut flags as *mut libc::c_long as *mut libc::c_void;
    let e = fails(r.as_raw_fd(), 0x40086602, data);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, r.as_raw_fd(), 0x40086602, data));
    assert_facts(&msg, &["long *data = { FS_IMMUTABLE_FL | FS_APPEND_FL })", "is a pipe", "a pipe does not take it"]);
}

#[test]
fn an_unknown_drm_number_is_for_graphics_devices_by_its_type_letter() {
    let f = dev_null();
    // _IOWR('d', 0xEE, char[8]): no name, the DRM type letter.
    let request = 0xC00864EEu32;
    let e = fails(f.as_raw_fd(), request, 0x1000 as *mut libc::c_void);
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_ioctl(e, f.as_raw_fd(), request as i32, 0x1000 as *mut libc::c_void));
    assert_facts(&msg, &["request = _IORW('d', 238, int[2])", "has the type letter of the requests for graphics devices (DRM"]);
}

#[test]
fn blkdiscard_echoes_its_range_and_tcflsh_its_selector() {
    let f = dev_null();
    let mut range = [4096u64, 8192u64];
    let data = range.as_mut_ptr() as *mut libc::c_void;
    let e = fails(f.as_raw_fd(), 0x1277, data);
    let msg = explained!(explain_message_errno_ioctl(e, f.as_raw_fd(), 0x1277, data));
    assert_facts(&msg, &["request = BLKDISCARD, uint64_t data[2] = { 4096, 8192 })"]);
    let msg = explained!(explain_message_errno_ioctl(libc::ENOTTY, f.as_raw_fd(), libc::TCFLSH as i32, libc::TCIOFLUSH as usize as *mut libc::c_void));
    assert_facts(&msg, &["request = TCFLSH, intptr_t data = TCIOFLUSH)"]);
}
