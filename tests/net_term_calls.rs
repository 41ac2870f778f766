//! Name resolution, terminals and ioctl (issue 13) explained on real failing states:
//! getaddrinfo refusing a misspelt service and a name where AI_NUMERICHOST wants a
//! number, the files and name servers the explanation reads (the test reads them too),
//! terminal calls on a regular file and a pipe, bad actions on a real pseudo-terminal,
//! a background process group of a real pseudo-terminal session, and ioctl's
//! TIOCGWINSZ on a regular file.
#[macro_use]
mod common;
use common::*;
use std::ffi::CString;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::ptr::{null, null_mut};

fn hints(flags: i32, socktype: i32) -> libc::addrinfo {
    // SAFETY: a plain C struct, all zero is its "no hints" value.
    let mut h: libc::addrinfo = unsafe { std::mem::zeroed() };
    h.ai_flags = flags;
    h.ai_socktype = socktype;
    h
}

/// getaddrinfo(node, service, hints) for real: its code (0 on success).
fn resolve(node: Option<&CString>, service: Option<&CString>, h: &libc::addrinfo) -> i32 {
    let mut res: *mut libc::addrinfo = null_mut();
    // SAFETY: NUL-terminated strings or NULL, a valid hints struct, an out pointer.
    let rc = unsafe { libc::getaddrinfo(node.map_or(null(), |n| n.as_ptr()), service.map_or(null(), |s| s.as_ptr()), h, &mut res) };
    if rc == 0 {
        // SAFETY: the list getaddrinfo just returned.
        unsafe { libc::freeaddrinfo(res) };
    }
    rc
}

fn explain_gai(code: i32, node: Option<&CString>, service: Option<&CString>, h: &libc::addrinfo) -> String {
    explained!(explain_message_errcode_getaddrinfo(
        code,
        node.map_or(null(), |n| n.as_ptr()),
        service.map_or(null(), |s| s.as_ptr()),
        h as *const libc::addrinfo as *const _,
        null_mut()
    ))
}

/// The words of the lines of a system file, `#` comments removed.
fn file_words(path: &str) -> Option<Vec<Vec<String>>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(text.lines().map(|l| l.split('#').next().unwrap().split_whitespace().map(String::from).collect()).filter(|w: &Vec<String>| !w.is_empty()).collect())
}

#[test]
fn getaddrinfo_eai_service_suggests_the_nearest_service_name() {
    let service = CString::new("htp").unwrap();
    let h = hints(0, libc::SOCK_STREAM);
    let code = resolve(None, Some(&service), &h);
    assert_eq!(code, libc::EAI_SERVICE, "getaddrinfo(NULL, \"htp\") should refuse the service");
    let t = explain_gai(code, None, Some(&service), &h);
    assert_facts(&t, &["getaddrinfo(node = NULL, service = \"htp\"", "ai_socktype = SOCK_STREAM", "(-8, EAI_SERVICE)", "\"htp\""]);
    match file_words("/etc/services") {
        Some(lines) if lines.iter().any(|w| w[0] == "http") => assert_facts(&t, &["not listed in /etc/services", "did you mean \"http\"?"]),
        Some(_) => assert_facts(&t, &["not listed in /etc/services"]),
        None => assert_facts(&t, &["/etc/services", "could not be read"]),
    }
}

#[test]
fn getaddrinfo_eai_noname_with_numeric_host_names_the_flag() {
    let node = CString::new("localhost").unwrap();
    let h = hints(libc::AI_NUMERICHOST | libc::AI_PASSIVE, 0);
    let code = resolve(Some(&node), None, &h);
    assert_eq!(code, libc::EAI_NONAME);
    let t = explain_gai(code, Some(&node), None, &h);
    assert_facts(&t, &["ai_flags = AI_PASSIVE | AI_NUMERICHOST", "(-2, EAI_NONAME)", "AI_NUMERICHOST, which allows only a number for node", "\"localhost\" is a name"]);
}

/// The first host name /etc/hosts lists, with its address.
fn a_listed_host() -> Option<(String, String)> {
    file_words("/etc/hosts")?.into_iter().find(|w| w.len() > 1 && w[1].len() > 3).map(|w| (w[1].clone(), w[0].clone()))
}

#[test]
fn getaddrinfo_eai_noname_says_whether_etc_hosts_lists_the_name() {
    let Some((name, addr)) = a_listed_host() else {
        let t = explain_gai(libc::EAI_NONAME, Some(&CString::new("nowhere.invalid").unwrap()), None, &hints(0, 0));
        return assert_facts(&t, &["no host named \"nowhere.invalid\""]);
    };
    let listed = CString::new(name.clone()).unwrap();
    let t = explain_gai(libc::EAI_NONAME, Some(&listed), None, &hints(0, 0));
    assert_facts(&t, &[&format!("no host named \"{name}\" is known"), &format!("although /etc/hosts lists it with the address \"{addr}\""), "/etc/nsswitch.conf"]);
    // One letter dropped: not listed, and the listed name is suggested.
    let typo = format!("{}{}", &name[..1], &name[2..]);
    let unlisted = CString::new(typo.clone()).unwrap();
    let t = explain_gai(libc::EAI_NONAME, Some(&unlisted), None, &hints(0, 0));
    assert_facts(&t, &[&format!("no host named \"{typo}\""), "/etc/hosts does not list it", &format!("did you mean \"{name}\"")]);
}

#[test]
fn getaddrinfo_eai_again_names_the_name_servers() {
    let node = CString::new("example.invalid").unwrap();
    let t = explain_gai(libc::EAI_AGAIN, Some(&node), None, &hints(0, 0));
    assert_facts(&t, &["(-3, EAI_AGAIN)", "the name servers could not give an answer now"]);
    let servers: Vec<String> = file_words("/etc/resolv.conf")
        .unwrap_or_default()
        .into_iter()
        .filter(|w| w[0] == "nameserver" && w.len() > 1)
        .map(|w| w[1].clone())
        .take(3)
        .collect();
    match (std::path::Path::new("/etc/resolv.conf").exists(), servers.first()) {
        (true, Some(first)) => {
            assert_facts(&t, &[&format!("/etc/resolv.conf names nameserver \"{first}\"")]);
            // Each is asked, and the answer said: answered, refused, silent or unreachable.
            assert!(["answers on port 53", "nothing listens", "did not answer", "cannot be reached"].iter().any(|s| t.contains(s)), "{t}");
        }
        (true, None) => assert_facts(&t, &["names no name server"]),
        (false, _) => assert_facts(&t, &["/etc/resolv.conf could not be read"]),
    }
}

#[test]
fn getaddrinfo_eai_badflags_decodes_the_flags() {
    let node = CString::new("localhost").unwrap();
    let h = hints(0x8000 | libc::AI_CANONNAME, 0);
    let code = resolve(Some(&node), None, &h);
    assert_eq!(code, libc::EAI_BADFLAGS);
    let t = explain_gai(code, Some(&node), None, &h);
    assert_facts(&t, &["(-1, EAI_BADFLAGS)", "hints.ai_flags (AI_CANONNAME | 0x8000) has bits no AI_ flag defines (0x8000)"]);
}

#[test]
fn getaddrinfo_eai_family_names_the_family() {
    let node = CString::new("localhost").unwrap();
    let mut h = hints(0, 0);
    h.ai_family = libc::AF_PACKET;
    let code = resolve(Some(&node), None, &h);
    assert_eq!(code, libc::EAI_FAMILY);
    let t = explain_gai(code, Some(&node), None, &h);
    assert_facts(&t, &["ai_family = PF_PACKET", "(-6, EAI_FAMILY)", "hints.ai_family is PF_PACKET"]);
}

#[test]
fn gethostbyname_host_not_found_suggests_a_listed_name() {
    let Some((name, _)) = a_listed_host() else { return };
    let typo = CString::new(format!("{}{}", &name[..1], &name[2..])).unwrap();
    let t = explained!(explain_message_errno_gethostbyname(1, typo.as_ptr()));
    assert_facts(&t, &["(1, HOST_NOT_FOUND)", "/etc/hosts does not list it", &format!("did you mean \"{name}\"")]);
}

fn pipe() -> (OwnedFd, OwnedFd) {
    let mut fds = [0; 2];
    // SAFETY: fds has room for the two descriptors.
    assert_eq!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    // SAFETY: both were just opened and are owned here only.
    unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) }
}

/// A pseudo-terminal pair (master, slave).
fn pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    // SAFETY: out pointers for the two descriptors; no name, termios or winsize.
    assert_eq!(unsafe { libc::openpty(&mut master, &mut slave, null_mut(), null(), null()) }, 0);
    // SAFETY: just opened, owned here only.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

fn termios_of(fd: i32) -> libc::termios {
    // SAFETY: a plain C struct filled by tcgetattr.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t
}

#[test]
fn tcgetattr_enotty_on_a_regular_file_names_the_file() {
    let d = Scratch::new("tcgetattr");
    let p = d.join("plain");
    std::fs::write(&p, b"x").unwrap();
    let f = std::fs::File::open(&p).unwrap();
    // SAFETY: a plain C struct, filled only on success.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(f.as_raw_fd(), &mut t) }, -1);
    let e = errno();
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_tcgetattr(e, f.as_raw_fd(), &mut t));
    assert_facts(&msg, &[&format!("fildes {} \"{}\" is a regular file, not a terminal", f.as_raw_fd(), p.display())]);
}

#[test]
fn tcgetattr_enotty_on_a_pipe_says_pipe() {
    let (r, _w) = pipe();
    // SAFETY: as above.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(r.as_raw_fd(), &mut t) }, -1);
    let e = errno();
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_tcgetattr(e, r.as_raw_fd(), &mut t));
    assert_facts(&msg, &[&format!("fildes {} \"pipe\" is a pipe, not a terminal", r.as_raw_fd())]);
}

#[test]
fn tcsetattr_einval_names_the_bad_options() {
    let (_m, s) = pty();
    let t = termios_of(s.as_raw_fd());
    assert_eq!(unsafe { libc::tcsetattr(s.as_raw_fd(), 7, &t) }, -1);
    let e = errno();
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_tcsetattr(e, s.as_raw_fd(), 7, &t));
    assert_facts(&msg, &["options = 7", "options is 7, which is none of TCSANOW, TCSADRAIN or TCSAFLUSH"]);
}

#[test]
fn tcflow_einval_names_the_bad_action() {
    let (_m, s) = pty();
    assert_eq!(unsafe { libc::tcflow(s.as_raw_fd(), 9) }, -1);
    let e = errno();
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_tcflow(e, s.as_raw_fd(), 9));
    assert_facts(&msg, &["action = 9", "action is 9, which is none of TCOOFF, TCOON, TCIOFF or TCION"]);
    let msg = explained!(explain_message_errno_tcflush(e, s.as_raw_fd(), libc::TCIOFLUSH));
    assert_facts(&msg, &["selector = TCIOFLUSH"]);
}

/// A background process group of a real session: the child makes a session with the
/// pseudo-terminal as its controlling terminal (so it is the foreground group), and a
/// grandchild in a group of its own explains EIO from tcsetattr there.
#[test]
fn tcsetattr_eio_from_a_background_group_names_the_foreground_group() {
    let _serial = serial();
    let (m, s) = pty();
    let (slave, master) = (s.as_raw_fd(), m.as_raw_fd());
    let msg = in_child(|buf| unsafe {
        libc::setsid();
        libc::ioctl(slave, libc::TIOCSCTTY, 0);
        let leader = libc::getpid();
        let mut fds = [0; 2];
        libc::pipe(fds.as_mut_ptr());
        let pid = libc::fork();
        if pid == 0 {
            libc::setpgid(0, 0);
            let t = termios_of(slave);
            let mut out = [0u8; 4096];
            explain::abi::boundary::explain_message_errno_tcsetattr(out.as_mut_ptr() as *mut libc::c_char, 4096, libc::EIO, slave, libc::TCSANOW, &t);
            let n = out.iter().position(|&c| c == 0).unwrap();
            let head = format!("leader={leader} ours={} |", libc::getpid());
            libc::write(fds[1], head.as_ptr() as *const libc::c_void, head.len());
            libc::write(fds[1], out.as_ptr() as *const libc::c_void, n);
            libc::_exit(0);
        }
        libc::close(fds[1]);
        // The grandchild writes twice: read until it has closed its end.
        let mut have = 0;
        loop {
            let n = libc::read(fds[0], buf[have..].as_mut_ptr() as *mut libc::c_void, buf.len() - 1 - have);
            if n <= 0 {
                break;
            }
            have += n as usize;
        }
        buf[have] = 0;
        libc::waitpid(pid, null_mut(), 0);
    });
    drop(m);
    let _ = master;
    let (head, text) = msg.split_once('|').expect(&msg);
    let leader = head.split_whitespace().find_map(|w| w.strip_prefix("leader=")).unwrap();
    let ours = head.split_whitespace().find_map(|w| w.strip_prefix("ours=")).unwrap();
    assert_facts(text, &["(5, EIO)", "is a terminal", &format!("background process group ({ours} "), &format!("foreground group is {leader} "), "SIGTTOU"]);
}

#[test]
fn ioctl_tiocgwinsz_on_a_regular_file_says_it_is_for_terminals() {
    let d = Scratch::new("ioctl");
    let p = d.join("plain");
    std::fs::write(&p, b"x").unwrap();
    let f = std::fs::File::open(&p).unwrap();
    let mut ws = libc::winsize { ws_row: 0, ws_col: 0, ws_xpixel: 0, ws_ypixel: 0 };
    assert_eq!(unsafe { libc::ioctl(f.as_raw_fd(), libc::TIOCGWINSZ, &mut ws) }, -1);
    let e = errno();
    assert_eq!(e, libc::ENOTTY);
    let data = &mut ws as *mut libc::winsize as *mut libc::c_void;
    let msg = explained!(explain_message_errno_ioctl(e, f.as_raw_fd(), libc::TIOCGWINSZ as i32, data));
    assert_facts(&msg, &[
        "request = TIOCGWINSZ, struct winsize *data = 0x",
        "the request TIOCGWINSZ is for terminals",
        &format!("fildes {} \"{}\" is a regular file", f.as_raw_fd(), p.display()),
    ]);
}

#[test]
fn ioctl_unknown_request_is_decoded_as_ioc() {
    let (r, _w) = pipe();
    let request = 0x4004_5432u32 as i32;
    assert_eq!(unsafe { libc::ioctl(r.as_raw_fd(), request as libc::Ioctl, 0x1000usize) }, -1);
    let e = errno();
    let msg = explained!(explain_message_errno_ioctl(e, r.as_raw_fd(), request, 0x1000 as *mut libc::c_void));
    assert_facts(&msg, &["request = _IOW('T', 50, int), void *data = 0x00001000", "has the type letter of the requests for terminals", "is a pipe"]);
}

#[test]
fn the_command_takes_eai_codes_and_ioctl_requests_by_name() {
    let t = explain(&["-e", "EAI_SERVICE", "getaddrinfo", "example.org", "htp"]);
    assert_facts(&t, &["getaddrinfo(node = \"example.org\", service = \"htp\", hints = NULL, res = NULL) failed", "(-8, EAI_SERVICE)", "\"htp\""]);
    let t = explain(&["-e", "TRY_AGAIN", "gethostbyname", "example.org"]);
    assert_facts(&t, &["gethostbyname(name = \"example.org\") failed", "(2, TRY_AGAIN)"]);
    let t = explain(&["-e", "ENOTTY", "ioctl", "99", "BLKGETSIZE64", "0x1000"]);
    assert_facts(&t, &["ioctl(fildes = 99, request = BLKGETSIZE64, uint64_t *data = 0x00001000) failed"]);
}

/// A private /etc/resolv.conf (bound over the real one in a mount namespace of a child)
/// names three servers: one that answers (a thread of this test), an address nothing
/// listens on (the test bound its port 53 and let it go), and TEST-NET-1's 192.0.2.1,
/// which never answers (the network refuses it, drops it, or has no route). EAI_AGAIN names each with what it did.
#[test]
fn getaddrinfo_eai_again_asks_each_name_server_of_a_private_resolv_conf() {
    let _serial = serial();
    let answering = std::net::UdpSocket::bind("127.0.0.3:53").expect("bind 127.0.0.3:53");
    let silent_port_free = std::net::UdpSocket::bind("127.0.0.2:53").is_ok();
    assert!(silent_port_free, "something listens on 127.0.0.2:53");
    let server = std::thread::spawn(move || {
        let mut buf = [0u8; 512];
        if let Ok((n, from)) = answering.recv_from(&mut buf) {
            buf[2] |= 0x80; // the QR bit: a reply
            let _ = answering.send_to(&buf[..n], from);
        }
    });
    let d = Scratch::new("resolv");
    let conf = d.join("resolv.conf");
    std::fs::write(&conf, "# private\nnameserver 127.0.0.3\nnameserver 127.0.0.2\nnameserver 192.0.2.1\n").unwrap();
    let conf = cstr(&conf);
    let node = CString::new("example.org").unwrap();
    let h = hints(0, 0);
    let msg = in_child(|buf| unsafe {
        let ok = libc::unshare(libc::CLONE_NEWNS) == 0
            && libc::mount(c"none".as_ptr(), c"/".as_ptr(), null(), libc::MS_REC | libc::MS_PRIVATE, null()) == 0
            && libc::mount(conf.as_ptr(), c"/etc/resolv.conf".as_ptr(), null(), libc::MS_BIND, null()) == 0;
        if !ok {
            let e = b"no mount namespace\0";
            buf[..e.len()].copy_from_slice(e);
            return;
        }
        explain::abi::boundary::explain_message_errcode_getaddrinfo(
            buf.as_mut_ptr() as *mut libc::c_char,
            buf.len() as i32,
            libc::EAI_AGAIN,
            node.as_ptr(),
            null(),
            &h as *const libc::addrinfo as *const _,
            null_mut(),
        );
    });
    server.join().unwrap();
    assert_facts(&msg, &[
        "(-3, EAI_AGAIN)",
        "nameserver \"127.0.0.3\" (it answers on port 53 now)",
        "nameserver \"127.0.0.2\" (nothing listens on its port 53: the query was refused)",
        "nameserver \"192.0.2.1\" (",
    ]);
    // What TEST-NET-1 does depends on the network: silence, a refusal, or no route; it
    // never answers.
    let after = msg.split("192.0.2.1\" (").nth(1).unwrap_or("");
    assert!(["it did not answer", "nothing listens", "it cannot be reached"].iter().any(|s| after.starts_with(s)), "{msg}");
}

#[test]
fn ioctl_efault_names_the_size_the_request_fills() {
    let (_m, s) = pty();
    let wild = 0x10usize as *mut libc::c_void;
    assert_eq!(unsafe { libc::ioctl(s.as_raw_fd(), libc::TIOCGWINSZ, wild) }, -1);
    let e = errno();
    assert_eq!(e, libc::EFAULT);
    let msg = explained!(explain_message_errno_ioctl(e, s.as_raw_fd(), libc::TIOCGWINSZ as i32, wild));
    assert_facts(&msg, &["struct winsize *data = 0x00000010", &format!("data (0x10, {} bytes) is not entirely within the process's accessible address space", std::mem::size_of::<libc::winsize>())]);
}
