//! The socket calls' deeper diagnoses on real failing states (issue 13, sockdepth
//! branch): routes in a private network namespace (none at all, an `unreachable` and a
//! `prohibit` route, a gateway behind an interface with no carrier), descriptors in
//! flight past RLIMIT_NOFILE as an unprivileged user.
#[macro_use]
mod common;
use common::*;
use libc::{c_int, sockaddr, sockaddr_in, socklen_t};
use std::mem::{size_of, zeroed};

fn inet(ip: [u8; 4], port: u16) -> sockaddr_in {
    // SAFETY: sockaddr_in is plain data; all zeroes is valid.
    let mut a: sockaddr_in = unsafe { zeroed() };
    a.sin_family = libc::AF_INET as u16;
    a.sin_port = port.to_be();
    a.sin_addr.s_addr = u32::from_ne_bytes(ip);
    a
}

fn sock(domain: c_int, kind: c_int) -> c_int {
    // SAFETY: a plain system call.
    let fd = unsafe { libc::socket(domain, kind | libc::SOCK_CLOEXEC, 0) };
    assert!(fd >= 0);
    fd
}

/// Writes `text` as the child's whole report (a setup step that failed).
fn report(buf: &mut [u8], text: &str) {
    let n = text.len().min(buf.len() - 1);
    buf[..n].copy_from_slice(&text.as_bytes()[..n]);
    buf[n] = 0;
}

/// In the child: a network namespace of its own (only `lo`, down), then each `ip`
/// command; false (with the report written) when a step fails.
fn private_network(buf: &mut [u8], ip_commands: &[&str]) -> bool {
    // SAFETY: a plain system call in the forked child.
    if unsafe { libc::unshare(libc::CLONE_NEWNET) } != 0 {
        report(buf, &format!("unshare(CLONE_NEWNET) failed: {}", std::io::Error::last_os_error()));
        return false;
    }
    for c in ip_commands {
        let st = std::process::Command::new("ip").args(c.split(' ')).status();
        if !st.as_ref().is_ok_and(|s| s.success()) {
            report(buf, &format!("ip {c}: {st:?} (is iproute2 installed?)"));
            return false;
        }
    }
    true
}

/// connect to `a` on a new TCP socket: the errno of a failure (0 on success).
fn connect_errno(fd: c_int, a: &sockaddr_in) -> c_int {
    // SAFETY: a is a live sockaddr_in of the size given.
    if unsafe { libc::connect(fd, a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t) } == 0 {
        return 0;
    }
    errno()
}

fn explain_connect(buf: &mut [u8], e: c_int, fd: c_int, a: &sockaddr_in) {
    // SAFETY: buf is writable for its length; a is a live sockaddr_in.
    unsafe {
        explain::abi::boundary::explain_message_errno_connect(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, fd, a as *const _ as *const _, size_of::<sockaddr_in>() as c_int)
    };
}

#[test]
fn connect_enetunreach_with_no_route_says_the_table_has_none_and_no_default() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, &[]) {
            return;
        }
        let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
        let a = inet([10, 0, 0, 1], 80);
        let e = connect_errno(fd, &a);
        explain_connect(buf, e, fd, &a);
    });
    assert_facts(&msg, &["failed, Network is unreachable (101, ENETUNREACH)", "the main routing table (/proc/net/route) has no route to 10.0.0.1 port 80, and no default route"]);
}

#[test]
fn connect_ehostunreach_and_eacces_name_the_reject_route_and_its_type() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, &["link set lo up", "route add unreachable 10.0.0.0/8", "route add prohibit 10.1.0.0/16"]) {
            return;
        }
        let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
        let a = inet([10, 0, 0, 1], 80);
        let e = connect_errno(fd, &a);
        explain_connect(buf, e, fd, &a);
        let first = text(buf);
        let b = inet([10, 1, 2, 3], 80);
        let e = connect_errno(fd, &b);
        explain_connect(buf, e, fd, &b);
        let both = format!("{first}\n{}", text(buf));
        report(buf, &both);
    });
    assert_facts(&msg, &[
        "(113, EHOSTUNREACH)",
        "because the route to 10.0.0.0/8, which covers 10.0.0.1 port 80, is of type UNREACHABLE",
        "(13, EACCES)",
        "because the route to 10.1.0.0/16, which covers 10.1.2.3 port 80, is of type PROHIBIT",
    ]);
}

/// A gateway behind `v0`, a veth whose peer is down (no carrier); one datagram sent
/// towards the route leaves an incomplete ARP entry for the gateway.
const DEAD_GATEWAY: &[&str] = &[
    "link add v0 type veth peer name v1",
    "address add 192.168.77.1/24 dev v0",
    "link set v0 up",
    "route add 10.0.0.0/8 via 192.168.77.2",
];

fn poke_gateway() {
    let u = sock(libc::AF_INET, libc::SOCK_DGRAM);
    let a = inet([10, 9, 9, 9], 9);
    // SAFETY: a is a live sockaddr_in; the byte sent is a live static.
    unsafe { libc::sendto(u, b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t) };
}

#[test]
fn connect_ehostunreach_names_the_route_the_interface_without_carrier_and_the_silent_gateway() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, DEAD_GATEWAY) {
            return;
        }
        poke_gateway();
        let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
        explain_connect(buf, libc::EHOSTUNREACH, fd, &inet([10, 2, 3, 4], 443));
    });
    assert_facts(&msg, &[
        "because 10.2.3.4 port 443 could not be reached by the route to 10.0.0.0/8 through the gateway 192.168.77.2 on interface \"v0\"",
        "interface \"v0\" is up but has no carrier",
        "the next hop 192.168.77.2 did not answer the kernel's ARP request",
    ]);
}

#[test]
fn connect_etimedout_names_the_route_and_the_syn_retries() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, DEAD_GATEWAY) {
            return;
        }
        let retries = std::fs::read_to_string("/proc/sys/net/ipv4/tcp_syn_retries").unwrap_or_default();
        let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
        explain_connect(buf, libc::ETIMEDOUT, fd, &inet([10, 2, 3, 4], 443));
        let m = format!("retries={}\n{}", retries.trim(), text(buf));
        report(buf, &m);
    });
    let retries = msg.lines().next().and_then(|l| l.strip_prefix("retries=")).unwrap_or("?").to_string();
    assert_facts(&msg, &[
        "because nothing answered the connection to 10.2.3.4 port 443, which went by the route to 10.0.0.0/8 through the gateway 192.168.77.2 on interface \"v0\"",
        &format!("(net.ipv4.tcp_syn_retries is {retries},"),
    ]);
}

/// A message of one byte passing descriptor 0 in SCM_RIGHTS; `control` holds it.
fn passing_stdin(iov: &mut libc::iovec, control: &mut [u64; 3]) -> libc::msghdr {
    // SAFETY: msghdr is plain data.
    let mut h: libc::msghdr = unsafe { zeroed() };
    h.msg_iov = iov;
    h.msg_iovlen = 1;
    h.msg_control = control.as_mut_ptr() as *mut _;
    h.msg_controllen = 24;
    // SAFETY: the cmsghdr and its one int lie in control (CMSG_SPACE(4) is 24).
    unsafe {
        let c = libc::CMSG_FIRSTHDR(&h);
        (*c).cmsg_level = libc::SOL_SOCKET;
        (*c).cmsg_type = libc::SCM_RIGHTS;
        (*c).cmsg_len = libc::CMSG_LEN(4) as usize;
        *(libc::CMSG_DATA(c) as *mut c_int) = 0;
    }
    h
}

#[test]
fn sendmsg_etoomanyrefs_as_nobody_gives_the_limit_the_user_and_the_missing_capabilities() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: plain system calls in the forked child: a low descriptor limit, then
        // nobody's ids, which drop every capability (root would be exempt).
        unsafe {
            let lim = libc::rlimit { rlim_cur: 16, rlim_max: 16 };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &lim) != 0 || libc::setgroups(0, std::ptr::null()) != 0 || libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                return report(buf, "could not become nobody with RLIMIT_NOFILE 16");
            }
            let mut sv = [0; 2];
            libc::socketpair(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC, 0, sv.as_mut_ptr());
            let mut data = *b"x";
            let mut iov = libc::iovec { iov_base: data.as_mut_ptr() as *mut _, iov_len: 1 };
            let mut control = [0u64; 3];
            let h = passing_stdin(&mut iov, &mut control);
            let mut sent = 0;
            let e = loop {
                if libc::sendmsg(sv[0], &h, 0) < 0 {
                    break errno();
                }
                sent += 1;
                if sent > 1000 {
                    return report(buf, "1000 descriptors passed without ETOOMANYREFS");
                }
            };
            explain::abi::boundary::explain_message_errno_sendmsg(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, sv[0], &h as *const _ as *const _, 0);
        }
    });
    assert_facts(&msg, &[
        "(109, ETOOMANYREFS)",
        "the message passes 1 descriptor in SCM_RIGHTS",
        "the descriptors in flight of real user 65534 \"nobody\"",
        "exceed this process's open file limit (RLIMIT_NOFILE, 16)",
        "the process has neither CAP_SYS_RESOURCE nor CAP_SYS_ADMIN",
    ]);
}
