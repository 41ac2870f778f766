//! The echo of a socket descriptor: libexplain writes the socket's own address (and,
//! after ` => `, its peer's when connected) where other descriptors get their path. Each
//! kind of socket is made for real and explained by our library and by Debian's (loaded
//! with dlopen: the differential test's command has no sockets to give), and the echoes
//! must be the same bytes.
#[macro_use]
mod common;
use common::sockets::sock;
use libc::{c_char, c_int, sockaddr, sockaddr_in, sockaddr_in6, sockaddr_un, socklen_t};
use std::ffi::CString;
use std::mem::{size_of, zeroed};

const DEBIAN_LIBRARY: &str = "/usr/lib/x86_64-linux-gnu/libexplain.so.51";

type CloseFn = unsafe extern "C" fn(*mut c_char, c_int, c_int, c_int);

/// Debian's explain_message_errno_close, when its library is installed.
fn debian_close() -> Option<CloseFn> {
    let lib = CString::new(DEBIAN_LIBRARY).unwrap();
    // SAFETY: loading a shared library by path; RTLD_DEEPBIND keeps its calls within it.
    let h = unsafe { libc::dlopen(lib.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL | libc::RTLD_DEEPBIND) };
    if h.is_null() {
        return None;
    }
    let sym = CString::new("explain_message_errno_close").unwrap();
    // SAFETY: the symbol is a function of this type in libexplain 1.4.
    let f = unsafe { libc::dlsym(h, sym.as_ptr()) };
    (!f.is_null()).then(|| unsafe { std::mem::transmute::<*mut libc::c_void, CloseFn>(f) })
}

/// The echo: the text before ` failed,`.
fn echo(msg: &str) -> String {
    msg.split(" failed,").next().unwrap().to_string()
}

fn ours(fd: c_int) -> String {
    echo(&explained!(explain_message_errno_close(libc::EIO, fd)))
}

fn theirs(f: CloseFn, fd: c_int) -> String {
    let mut out = [0u8; 4096];
    // SAFETY: out is writable for its length.
    unsafe { f(out.as_mut_ptr() as *mut c_char, out.len() as c_int, libc::EIO, fd) };
    echo(&common::text(&out))
}

fn ok(r: c_int) {
    assert_eq!(r, 0, "{}", std::io::Error::last_os_error());
}

fn unix_addr(name: &[u8]) -> (sockaddr_un, socklen_t) {
    // SAFETY: plain data; all zeroes is valid.
    let mut a: sockaddr_un = unsafe { zeroed() };
    a.sun_family = libc::AF_UNIX as u16;
    for (d, s) in a.sun_path.iter_mut().zip(name) {
        *d = *s as c_char;
    }
    (a, (2 + name.len()) as socklen_t)
}

/// Sockets of every kind libexplain echoes, each with what its echo must show.
fn sockets(dir: &std::path::Path) -> Vec<(&'static str, c_int, String)> {
    let mut v = Vec::new();
    // SAFETY (all blocks): system calls on sockets this test made, with addresses that
    // are live locals of the sizes given.
    unsafe {
        v.push(("unbound inet", sock(libc::AF_INET, libc::SOCK_STREAM), "sin_addr = 0.0.0.0 INADDR_ANY }".into()));
        let l = sock(libc::AF_INET, libc::SOCK_STREAM);
        let mut a: sockaddr_in = zeroed();
        a.sin_family = libc::AF_INET as u16;
        a.sin_addr.s_addr = u32::from_ne_bytes([127, 0, 0, 1]);
        ok(libc::bind(l, &a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t));
        ok(libc::listen(l, 1));
        let mut len = size_of::<sockaddr_in>() as socklen_t;
        ok(libc::getsockname(l, &mut a as *mut _ as *mut sockaddr, &mut len));
        let port = u16::from_be(a.sin_port);
        v.push(("inet listener", l, format!("{{ sa_family = PF_INET, sin_port = {port}, sin_addr = 127.0.0.1 }})")));
        let c = sock(libc::AF_INET, libc::SOCK_STREAM);
        ok(libc::connect(c, &a as *const _ as *const sockaddr, len));
        v.push(("inet connected", c, format!(" => {{ sa_family = PF_INET, sin_port = {port}, sin_addr = 127.0.0.1 }})")));
        let s6 = sock(libc::AF_INET6, libc::SOCK_DGRAM);
        let mut a6: sockaddr_in6 = zeroed();
        a6.sin6_family = libc::AF_INET6 as u16;
        a6.sin6_addr.s6_addr[15] = 1;
        if libc::bind(s6, &a6 as *const _ as *const sockaddr, size_of::<sockaddr_in6>() as socklen_t) == 0 {
            v.push(("inet6 bound to ::1", s6, "sin6_addr = ::1 }".into()));
        }
        v.push(("unbound unix", sock(libc::AF_UNIX, libc::SOCK_STREAM), "{ sa_family = PF_UNIX })".into()));
        let path = dir.join("echo.sock");
        let (ua, ulen) = unix_addr(path.to_str().unwrap().as_bytes());
        let ul = sock(libc::AF_UNIX, libc::SOCK_STREAM);
        ok(libc::bind(ul, &ua as *const _ as *const sockaddr, ulen));
        ok(libc::listen(ul, 1));
        v.push(("bound unix", ul, format!("sun_path = {:?} }})", path.to_str().unwrap())));
        let uc = sock(libc::AF_UNIX, libc::SOCK_STREAM);
        ok(libc::connect(uc, &ua as *const _ as *const sockaddr, ulen));
        v.push(("unix connected", uc, format!("{{ sa_family = PF_UNIX }} => {{ sa_family = PF_UNIX, sun_path = {:?} }}", path.to_str().unwrap())));
        let (aa, alen) = unix_addr(format!("\0explain-echo-{}", std::process::id()).as_bytes());
        let ab = sock(libc::AF_UNIX, libc::SOCK_DGRAM);
        ok(libc::bind(ab, &aa as *const _ as *const sockaddr, alen));
        v.push(("abstract unix", ab, "sun_path = \"\" }".into()));
        let mut pair = [0; 2];
        ok(libc::socketpair(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0, pair.as_mut_ptr()));
        v.push(("socketpair", pair[0], "{ sa_family = PF_UNIX } => { sa_family = PF_UNIX })".into()));
        v.push(("netlink", sock(libc::AF_NETLINK, libc::SOCK_RAW), "{ sa_family = PF_NETLINK,".into()));
    }
    v
}

#[test]
fn a_socket_descriptor_is_echoed_with_its_addresses_as_libexplain_echoes_it() {
    let scratch = common::Scratch::new("sock_echo");
    let debian = debian_close();
    for (what, fd, shows) in sockets(&scratch.join("")) {
        let mine = ours(fd);
        assert!(mine.contains(&shows), "{what}: {mine:?} lacks {shows:?}");
        assert!(!mine.contains("socket:["), "{what}: {mine}");
        if let Some(f) = debian {
            assert_eq!(mine, theirs(f, fd), "{what}: ours, then Debian's");
        }
    }
}

#[test]
fn bind_echoes_the_wildcard_and_broadcast_addresses_by_name() {
    for (ip, name) in [([0, 0, 0, 0], "0.0.0.0 INADDR_ANY"), ([255, 255, 255, 255], "255.255.255.255 INADDR_BROADCAST")] {
        // SAFETY: plain data; all zeroes is valid.
        let mut a: sockaddr_in = unsafe { zeroed() };
        a.sin_family = libc::AF_INET as u16;
        a.sin_addr.s_addr = u32::from_ne_bytes(ip);
        let msg = explained!(explain_message_errno_bind(libc::EBADF, 1000, &a as *const _ as *const _, 16));
        common::assert_facts(&msg, &[&format!("sin_addr = {name} }}")]);
    }
}
