//! The socket, name and terminal calls' deeper diagnoses on real failing states: routes
//! in a private network namespace (none at all, an
//! `unreachable` and a `prohibit` route, a gateway behind an interface with no carrier),
//! descriptors in flight past RLIMIT_NOFILE as nobody, unix(7)'s errors (SCM_CREDENTIALS
//! claims, another family, MSG_OOB, a peer process that ended), netlink port ids,
//! abstract names, getaddrinfo out of descriptors.
#[macro_use]
mod common;
use common::sockets::*;
use common::*;
use libc::{c_int, sockaddr, sockaddr_in, socklen_t};
use std::mem::{size_of, zeroed};

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
            let mut control = [0u64; 4];
            let h = passing(&mut iov, &mut control, &[0]);
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

fn abstract_unix(name: &str) -> (libc::sockaddr_un, socklen_t) {
    // SAFETY: sockaddr_un is plain data; all zeroes is valid.
    let mut a: libc::sockaddr_un = unsafe { zeroed() };
    a.sun_family = libc::AF_UNIX as u16;
    for (d, s) in a.sun_path[1..].iter_mut().zip(name.bytes()) {
        *d = s as libc::c_char;
    }
    (a, (2 + 1 + name.len()) as socklen_t)
}

#[test]
fn recv_econnreset_and_send_epipe_name_the_peer_process_and_that_it_ended() {
    let _serial = serial();
    let (a, alen) = abstract_unix(&format!("explain-peer-{}", std::process::id()));
    let listener = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    let mut go = [0; 2];
    // SAFETY: plain system calls; the child connects, waits for the word to leave, then
    // exits without reading what it was sent.
    let child = unsafe {
        assert_eq!(libc::bind(listener, &a as *const _ as *const sockaddr, alen), 0);
        assert_eq!(libc::listen(listener, 1), 0);
        assert_eq!(libc::pipe(go.as_mut_ptr()), 0);
        let pid = libc::fork();
        if pid == 0 {
            let c = libc::socket(libc::AF_UNIX, libc::SOCK_STREAM, 0);
            libc::connect(c, &a as *const _ as *const sockaddr, alen);
            let mut b = [0u8; 1];
            libc::read(go[0], b.as_mut_ptr() as *mut _, 1);
            libc::_exit(0);
        }
        pid
    };
    // SAFETY: plain system calls on descriptors this test owns.
    let (r, e_reset, e_pipe) = unsafe {
        let conn = libc::accept(listener, std::ptr::null_mut(), std::ptr::null_mut());
        assert!(conn >= 0);
        assert_eq!(libc::send(conn, b"x".as_ptr() as *const _, 1, 0), 1);
        libc::write(go[1], b"g".as_ptr() as *const _, 1);
        libc::waitpid(child, std::ptr::null_mut(), 0);
        let mut b = [0u8; 8];
        let n = libc::recv(conn, b.as_mut_ptr() as *mut _, b.len(), 0);
        let e_reset = errno();
        assert_eq!((n, e_reset), (-1, libc::ECONNRESET));
        let n = libc::send(conn, b"y".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL);
        let e_pipe = errno();
        assert_eq!((n, e_pipe), (-1, libc::EPIPE));
        (conn, e_reset, e_pipe)
    };
    let mut b = [0u8; 8];
    let reset = explained!(explain_message_errno_recv(e_reset, r, b.as_mut_ptr() as *mut _, 8, 0));
    let pipe = explained!(explain_message_errno_send(e_pipe, r, b"y".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL));
    [r, listener, go[0], go[1]].into_iter().for_each(close);
    assert_facts(&reset, &["ECONNRESET", "reset it", &format!("the peer was process {child} of user 0 \"root\", which has ended")]);
    assert_facts(&pipe, &["EPIPE", "has been closed", &format!("the peer was process {child} of user 0 \"root\", which has ended")]);
}

#[test]
fn sendmsg_emsgsize_on_a_unix_datagram_gives_the_send_buffer_less_32() {
    let sv = pair(libc::SOCK_DGRAM);
    let small: c_int = 4096;
    let mut sndbuf: c_int = 0;
    let mut l = 4 as socklen_t;
    // SAFETY: live ints of the sizes given.
    unsafe {
        libc::setsockopt(sv[0], libc::SOL_SOCKET, libc::SO_SNDBUF, &small as *const c_int as *const _, 4);
        libc::getsockopt(sv[0], libc::SOL_SOCKET, libc::SO_SNDBUF, &mut sndbuf as *mut c_int as *mut _, &mut l);
    }
    let big = vec![0u8; sndbuf as usize];
    // SAFETY: big is live for its length.
    assert_eq!(unsafe { libc::send(sv[0], big.as_ptr() as *const _, big.len(), 0) }, -1);
    let e = errno();
    assert_eq!(e, libc::EMSGSIZE);
    let msg = explained!(explain_message_errno_send(e, sv[0], big.as_ptr() as *const _, big.len(), 0));
    sv.into_iter().for_each(close);
    assert_facts(&msg, &[&format!("the message of {sndbuf} bytes must be sent at once, and the socket takes at most {} bytes (its send buffer, SO_SNDBUF, less 32 bytes)", sndbuf - 32)]);
}

#[test]
fn send_eagain_on_a_full_unix_stream_gives_the_send_buffer_size() {
    let sv = pair(libc::SOCK_STREAM | libc::SOCK_NONBLOCK);
    let chunk = vec![0u8; 65536];
    let e = loop {
        // SAFETY: chunk is live for its length.
        if unsafe { libc::send(sv[0], chunk.as_ptr() as *const _, chunk.len(), 0) } < 0 {
            break errno();
        }
    };
    assert_eq!(e, libc::EAGAIN);
    let mut sndbuf: c_int = 0;
    let mut l = 4 as socklen_t;
    // SAFETY: a live int of the size given.
    unsafe { libc::getsockopt(sv[0], libc::SOL_SOCKET, libc::SO_SNDBUF, &mut sndbuf as *mut c_int as *mut _, &mut l) };
    let msg = explained!(explain_message_errno_send(e, sv[0], chunk.as_ptr() as *const _, chunk.len(), 0));
    sv.into_iter().for_each(close);
    assert_facts(&msg, &[&format!("the send buffer of sockfd {}", sv[0]), &format!("is full (SO_SNDBUF is {sndbuf} bytes), and the socket is non-blocking")]);
}

#[test]
fn send_eopnotsupp_with_msg_oob_on_a_datagram_socket_says_it_has_no_out_of_band_data() {
    let sv = pair(libc::SOCK_DGRAM);
    // SAFETY: one byte from a live static.
    assert_eq!(unsafe { libc::send(sv[0], b"x".as_ptr() as *const _, 1, libc::MSG_OOB) }, -1);
    let e = errno();
    assert_eq!(e, libc::EOPNOTSUPP);
    let msg = explained!(explain_message_errno_send(e, sv[0], b"x".as_ptr() as *const _, 1, libc::MSG_OOB));
    sv.into_iter().for_each(close);
    assert_facts(&msg, &["flags has MSG_OOB, and sockfd", "is a SOCK_DGRAM socket of family AF_UNIX, which has no out-of-band data"]);
}

#[test]
fn sendto_eisconn_with_an_address_on_a_connected_unix_stream_says_to_give_none() {
    let sv = pair(libc::SOCK_STREAM);
    let (a, alen) = abstract_unix("explain-nowhere");
    // SAFETY: a is a live sockaddr_un of the length given.
    assert_eq!(unsafe { libc::sendto(sv[0], b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const sockaddr, alen) }, -1);
    let e = errno();
    assert_eq!(e, libc::EISCONN);
    let msg = explained!(explain_message_errno_sendto(e, sv[0], b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const _, alen));
    sv.into_iter().for_each(close);
    assert_facts(&msg, &["EISCONN", "is connected, and a destination address was given with the message"]);
}

#[test]
fn connect_and_bind_einval_on_a_unix_socket_given_an_inet_address_name_the_family() {
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    let a = inet([127, 0, 0, 1], 80);
    let e = connect_errno(fd, &a);
    assert_eq!(e, libc::EINVAL);
    let mut buf = [0u8; 4096];
    explain_connect(&mut buf, e, fd, &a);
    let msg = text(&buf);
    // SAFETY: a is a live sockaddr_in.
    assert_eq!(unsafe { libc::bind(fd, &a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t) }, -1);
    let e = errno();
    let bound = explained!(explain_message_errno_bind(e, fd, &a as *const _ as *const _, size_of::<sockaddr_in>() as c_int));
    close(fd);
    assert_facts(&msg, &["EINVAL", "serv_addr has sa_family AF_INET, and an AF_UNIX socket takes only AF_UNIX addresses"]);
    assert_facts(&bound, &["EINVAL", "sock_addr has sa_family AF_INET, and an AF_UNIX socket takes only AF_UNIX addresses"]);
}

/// A message of one byte with SCM_CREDENTIALS claiming `creds`; `control` holds it.
fn claiming(iov: &mut libc::iovec, control: &mut [u64; 4], creds: libc::ucred) -> libc::msghdr {
    // SAFETY: msghdr is plain data.
    let mut h: libc::msghdr = unsafe { zeroed() };
    h.msg_iov = iov;
    h.msg_iovlen = 1;
    h.msg_control = control.as_mut_ptr() as *mut _;
    h.msg_controllen = 32;
    // SAFETY: the cmsghdr and its ucred lie in control (CMSG_SPACE(12) is 32).
    unsafe {
        let c = libc::CMSG_FIRSTHDR(&h);
        (*c).cmsg_level = libc::SOL_SOCKET;
        (*c).cmsg_type = libc::SCM_CREDENTIALS;
        (*c).cmsg_len = libc::CMSG_LEN(12) as usize;
        *(libc::CMSG_DATA(c) as *mut libc::ucred) = creds;
    }
    h
}

#[test]
fn sendmsg_eperm_as_nobody_claiming_root_names_the_uid_and_the_capability() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: plain system calls in the forked child.
        unsafe {
            if libc::setgroups(0, std::ptr::null()) != 0 || libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                return report(buf, "could not become nobody");
            }
            let sv = pair(libc::SOCK_DGRAM);
            let mut data = *b"x";
            let mut iov = libc::iovec { iov_base: data.as_mut_ptr() as *mut _, iov_len: 1 };
            let mut control = [0u64; 4];
            let h = claiming(&mut iov, &mut control, libc::ucred { pid: libc::getpid(), uid: 0, gid: 65534 });
            if libc::sendmsg(sv[0], &h, 0) >= 0 {
                return report(buf, "sendmsg claiming uid 0 succeeded");
            }
            explain::abi::boundary::explain_message_errno_sendmsg(buf.as_mut_ptr() as *mut _, buf.len() as c_int, errno(), sv[0], &h as *const _ as *const _, 0);
        }
    });
    assert_facts(&msg, &["(1, EPERM)", "the SCM_CREDENTIALS message claims pid", "uid 0, gid 65534: uid 0 is none of the process's user ids (real 65534, effective 65534, saved 65534), and it lacks CAP_SETUID"]);
}

#[test]
fn sendmsg_esrch_claiming_a_pid_no_process_has_names_it() {
    // A pid no process has: the highest one below pid_max that kill says is free.
    let max: i32 = std::fs::read_to_string("/proc/sys/kernel/pid_max").unwrap().trim().parse().unwrap();
    let free = (1..1000).map(|i| max - i).find(|&p| unsafe { libc::kill(p, 0) } == -1 && errno() == libc::ESRCH).unwrap();
    let sv = pair(libc::SOCK_DGRAM);
    let mut data = *b"x";
    let mut iov = libc::iovec { iov_base: data.as_mut_ptr() as *mut _, iov_len: 1 };
    let mut control = [0u64; 4];
    // SAFETY: plain system calls.
    let h = claiming(&mut iov, &mut control, libc::ucred { pid: free, uid: unsafe { libc::getuid() }, gid: unsafe { libc::getgid() } });
    assert_eq!(unsafe { libc::sendmsg(sv[0], &h, 0) }, -1);
    let e = errno();
    assert_eq!(e, libc::ESRCH, "as root, claiming another pid passes the capability check");
    let msg = explained!(explain_message_errno_sendmsg(e, sv[0], &h as *const _ as *const _, 0));
    sv.into_iter().for_each(close);
    assert_facts(&msg, &["ESRCH", &format!("the SCM_CREDENTIALS message claims pid {free}, and no process has that id")]);
}

#[test]
fn connect_einprogress_then_ealready_on_a_non_blocking_socket() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, DEAD_GATEWAY) {
            return;
        }
        let fd = sock(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_NONBLOCK);
        let a = inet([10, 2, 3, 4], 443);
        let first = connect_errno(fd, &a);
        explain_connect(buf, first, fd, &a);
        let one = text(buf);
        let second = connect_errno(fd, &a);
        explain_connect(buf, second, fd, &a);
        let both = format!("{one}\n{}", text(buf));
        report(buf, &both);
    });
    assert_facts(&msg, &[
        "(115, EINPROGRESS)",
        "is non-blocking and the connection cannot be made at once",
        "(114, EALREADY)",
        "is non-blocking and an earlier connect on it is still in progress",
    ]);
}

#[test]
fn socket_on_af_unix_with_a_reliable_datagram_type_or_a_protocol_names_what_the_family_lacks() {
    // SAFETY: plain system calls that fail.
    assert_eq!(unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_RDM, 0) }, -1);
    let e = errno();
    assert_eq!(e, libc::ESOCKTNOSUPPORT);
    let raw = explained!(explain_message_errno_socket(e, libc::AF_UNIX, libc::SOCK_RDM, 0));
    assert_eq!(unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM, 6) }, -1);
    let e = errno();
    assert_eq!(e, libc::EPROTONOSUPPORT);
    let proto = explained!(explain_message_errno_socket(e, libc::AF_UNIX, libc::SOCK_STREAM, 6));
    assert_facts(&raw, &["ESOCKTNOSUPPORT", "family AF_UNIX has no SOCK_RDM sockets"]);
    assert_facts(&proto, &["EPROTONOSUPPORT", "family AF_UNIX has no SOCK_STREAM sockets of protocol", "0 picks the family's usual protocol"]);
}

#[test]
fn bind_eaddrnotavail_lists_the_addresses_the_interfaces_have() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, &["link set lo up", DEAD_GATEWAY[0], DEAD_GATEWAY[1], DEAD_GATEWAY[2]]) {
            return;
        }
        let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
        let a = inet([10, 9, 8, 7], 0);
        // SAFETY: a is a live sockaddr_in.
        let e = if unsafe { libc::bind(fd, &a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t) } == 0 { 0 } else { errno() };
        // SAFETY: buf is writable for its length; a is a live sockaddr_in.
        unsafe { explain::abi::boundary::explain_message_errno_bind(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, fd, &a as *const _ as *const _, 16) };
    });
    assert_facts(&msg, &[
        "(99, EADDRNOTAVAIL)",
        "no network interface of this host has the address 10.9.8.7 port 0",
        "the addresses of this host's interfaces are \"lo\" 127.0.0.1, \"v0\" 192.168.77.1",
    ]);
}

fn netlink_bound_to(port: u32) -> (c_int, c_int) {
    // SAFETY: sockaddr_nl is plain data; a plain socket and bind.
    unsafe {
        let fd = libc::socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC, libc::NETLINK_ROUTE);
        assert!(fd >= 0);
        let mut a: libc::sockaddr_nl = zeroed();
        a.nl_family = libc::AF_NETLINK as u16;
        a.nl_pid = port;
        let r = libc::bind(fd, &a as *const _ as *const sockaddr, size_of::<libc::sockaddr_nl>() as socklen_t);
        (fd, if r == 0 { 0 } else { errno() })
    }
}

#[test]
fn bind_eaddrinuse_on_a_netlink_port_id_names_the_process_that_has_it() {
    let _serial = serial();
    let port = 0x7e00_0000 + std::process::id();
    let mut go = [0; 2];
    let mut ready = [0; 2];
    // SAFETY: plain system calls; the child binds the port id, says so, and waits.
    let child = unsafe {
        assert_eq!(libc::pipe(go.as_mut_ptr()), 0);
        assert_eq!(libc::pipe(ready.as_mut_ptr()), 0);
        let pid = libc::fork();
        if pid == 0 {
            let (_fd, e) = netlink_bound_to(port);
            libc::write(ready[1], [e as u8].as_ptr() as *const _, 1);
            let mut b = [0u8; 1];
            libc::read(go[0], b.as_mut_ptr() as *mut _, 1);
            libc::_exit(0);
        }
        let mut b = [9u8; 1];
        libc::read(ready[0], b.as_mut_ptr() as *mut _, 1);
        assert_eq!(b[0], 0, "the child could not bind the port id");
        pid
    };
    let (fd, e) = netlink_bound_to(port);
    assert_eq!(e, libc::EADDRINUSE);
    // SAFETY: sockaddr_nl is plain data.
    let mut a: libc::sockaddr_nl = unsafe { zeroed() };
    a.nl_family = libc::AF_NETLINK as u16;
    a.nl_pid = port;
    let msg = explained!(explain_message_errno_bind(e, fd, &a as *const _ as *const _, size_of::<libc::sockaddr_nl>() as c_int));
    // SAFETY: releasing and reaping our child.
    unsafe {
        libc::write(go[1], b"g".as_ptr() as *const _, 1);
        libc::waitpid(child, std::ptr::null_mut(), 0);
    }
    [fd, go[0], go[1], ready[0], ready[1]].into_iter().for_each(close);
    assert_facts(&msg, &[
        "EADDRINUSE",
        &format!("the netlink address of port id {port} (groups 0x0) is taken by another socket of the same netlink protocol, held by process {child}"),
    ]);
}

#[test]
fn abstract_names_are_shown_with_their_at_sign_when_refused_or_in_use() {
    // Serial: a child forked by another test meanwhile would hold the socket too.
    let _serial = serial();
    let name = format!("explain-abstract-{}", std::process::id());
    let (a, alen) = abstract_unix(&name);
    let client = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    // SAFETY: a is a live sockaddr_un of the length given.
    assert_eq!(unsafe { libc::connect(client, &a as *const _ as *const sockaddr, alen) }, -1);
    let e = errno();
    assert_eq!(e, libc::ECONNREFUSED);
    let refused = explained!(explain_message_errno_connect(e, client, &a as *const _ as *const _, alen as c_int));
    let holder = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    let other = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    // SAFETY: a is a live sockaddr_un of the length given.
    unsafe {
        assert_eq!(libc::bind(holder, &a as *const _ as *const sockaddr, alen), 0);
        assert_eq!(libc::bind(other, &a as *const _ as *const sockaddr, alen), -1);
    }
    let e = errno();
    assert_eq!(e, libc::EADDRINUSE);
    let in_use = explained!(explain_message_errno_bind(e, other, &a as *const _ as *const _, alen as c_int));
    [client, holder, other].into_iter().for_each(close);
    assert_facts(&refused, &["ECONNREFUSED", &format!("the abstract socket name \"@{name}\"")]);
    assert_facts(&in_use, &["EADDRINUSE", &format!("the abstract socket name \"@{name}\" is bound to a socket held by this very process")]);
}

#[test]
fn tcgetattr_enotty_on_a_socket_says_socket() {
    let sv = pair(libc::SOCK_STREAM);
    // SAFETY: t is a live termios.
    let mut t: libc::termios = unsafe { zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(sv[0], &mut t) }, -1);
    let e = errno();
    assert_eq!(e, libc::ENOTTY);
    let msg = explained!(explain_message_errno_tcgetattr(e, sv[0], &mut t as *mut _ as *mut _));
    sv.into_iter().for_each(close);
    assert_facts(&msg, &["ENOTTY", "socket", "not a terminal"]);
}

/// getaddrinfo(node, service, hints) for real, then its explanation at once (errno as
/// the call left it): (code, message).
fn getaddrinfo_explained(buf: &mut [u8], node: &str, service: &str, h: &libc::addrinfo) -> i32 {
    let (n, s) = (std::ffi::CString::new(node).unwrap(), std::ffi::CString::new(service).unwrap());
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: NUL-terminated strings, a valid hints struct, an out pointer; the buffer is
    // writable for its length.
    unsafe {
        let code = libc::getaddrinfo(n.as_ptr(), s.as_ptr(), h, &mut res);
        if code == 0 {
            libc::freeaddrinfo(res);
            return 0;
        }
        explain::abi::boundary::explain_message_errcode_getaddrinfo(buf.as_mut_ptr() as *mut _, buf.len() as c_int, code, n.as_ptr(), s.as_ptr(), h as *const _ as *const _, std::ptr::null_mut());
        code
    }
}

#[test]
fn getaddrinfo_eai_socktype_names_the_type_it_does_not_know() {
    // SAFETY: all zero is addrinfo's "no hints".
    let mut h: libc::addrinfo = unsafe { zeroed() };
    h.ai_socktype = 99;
    let mut buf = [0u8; 4096];
    assert_eq!(getaddrinfo_explained(&mut buf, "localhost", "http", &h), libc::EAI_SOCKTYPE);
    assert_facts(&text(&buf), &["EAI_SOCKTYPE", "hints.ai_socktype is 99, and getaddrinfo knows only SOCK_STREAM, SOCK_DGRAM and SOCK_RAW"]);
}

#[test]
fn getaddrinfo_eai_system_with_every_descriptor_in_use_explains_emfile_with_the_limit() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: all zero is addrinfo's "no hints".
        let h: libc::addrinfo = unsafe { zeroed() };
        // Once with descriptors free, so the C library has read nsswitch.conf (without
        // it, it falls back to another order of sources and answers EAI_NONAME).
        getaddrinfo_explained(buf, "localhost", "80", &h);
        let lim = libc::rlimit { rlim_cur: 16, rlim_max: 16 };
        // SAFETY: plain system calls in the child: a low limit, then every descriptor
        // below it taken.
        unsafe {
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
            while libc::dup(0) >= 0 {}
        }
        let code = getaddrinfo_explained(buf, "localhost", "80", &h);
        if code != libc::EAI_SYSTEM {
            report(buf, &format!("getaddrinfo gave {code}, not EAI_SYSTEM"));
        }
    });
    assert_facts(&msg, &["EAI_SYSTEM", "a system call failed: Too many open files (24, EMFILE)", "every file descriptor the process may have, 0 to 15, is in use: its limit (RLIMIT_NOFILE) is 16"]);
}

#[test]
fn sendto_eagain_on_a_unix_datagram_receiver_with_a_full_queue_gives_max_dgram_qlen() {
    let _serial = serial();
    let (a, alen) = abstract_unix(&format!("explain-queue-{}", std::process::id()));
    let server = sock(libc::AF_UNIX, libc::SOCK_DGRAM);
    // SAFETY: a is a live sockaddr_un of the length given.
    assert_eq!(unsafe { libc::bind(server, &a as *const _ as *const sockaddr, alen) }, 0);
    let client = sock(libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_NONBLOCK);
    let mut sent = 0;
    let e = loop {
        // SAFETY: one byte from a live static to a live address.
        if unsafe { libc::sendto(client, b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const sockaddr, alen) } < 0 {
            break errno();
        }
        sent += 1;
        assert!(sent < 100_000, "the queue never filled");
    };
    assert_eq!(e, libc::EAGAIN);
    let qlen = std::fs::read_to_string("/proc/sys/net/unix/max_dgram_qlen").unwrap();
    let msg = explained!(explain_message_errno_sendto(e, client, b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const _, alen));
    // A second client connected to the server meets the same full queue through send.
    let connected = sock(libc::AF_UNIX, libc::SOCK_DGRAM | libc::SOCK_NONBLOCK);
    // SAFETY: a is a live address; one byte from a live static.
    unsafe {
        assert_eq!(libc::connect(connected, &a as *const _ as *const sockaddr, alen), 0);
        assert_eq!(libc::send(connected, b"x".as_ptr() as *const _, 1, 0), -1);
    }
    let e = errno();
    assert_eq!(e, libc::EAGAIN);
    let through_send = explained!(explain_message_errno_send(e, connected, b"x".as_ptr() as *const _, 1, 0));
    [client, server, connected].into_iter().for_each(close);
    for m in [&msg, &through_send] {
        assert_facts(m, &["EAGAIN", "because the receive queue of the abstract socket name \"@explain-queue-", &format!("is full: it holds net.unix.max_dgram_qlen ({}) datagrams not yet read", qlen.trim())]);
    }
}

#[test]
fn send_enotconn_and_sendto_eopnotsupp_on_an_unconnected_unix_stream() {
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    // SAFETY: one byte from a live static.
    assert_eq!(unsafe { libc::send(fd, b"x".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL) }, -1);
    let e = errno();
    assert_eq!(e, libc::ENOTCONN);
    let unconnected = explained!(explain_message_errno_send(e, fd, b"x".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL));
    let (a, alen) = abstract_unix("explain-nowhere");
    // SAFETY: one byte from a live static to a live address.
    assert_eq!(unsafe { libc::sendto(fd, b"x".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL, &a as *const _ as *const sockaddr, alen) }, -1);
    let e = errno();
    assert_eq!(e, libc::EOPNOTSUPP);
    let addressed = explained!(explain_message_errno_sendto(e, fd, b"x".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL, &a as *const _ as *const _, alen));
    close(fd);
    assert_facts(&unconnected, &["ENOTCONN", "is a SOCK_STREAM socket of family AF_UNIX that is not connected"]);
    assert_facts(&addressed, &["EOPNOTSUPP", "is an AF_UNIX SOCK_STREAM socket that is not connected, and a stream socket sends only to the peer it is connected to"]);
}

/// A real EIO from tcsetattr: a process in an orphaned background group of its
/// controlling terminal. The child makes a session on a pseudo-terminal (its group is
/// the foreground); its child starts a grandchild in a group of its own and exits, so
/// the grandchild's group has no parent left in the session, and tcsetattr answers EIO
/// there instead of stopping it with SIGTTOU.
#[test]
fn tcsetattr_eio_in_an_orphaned_background_group_says_it_is_orphaned_and_names_the_foreground() {
    let _serial = serial();
    let (mut master, mut slave) = (0, 0);
    // SAFETY: out pointers to live ints; no name, termios or window size asked.
    assert_eq!(unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) }, 0);
    let msg = in_child(|buf| unsafe {
        // SAFETY (the whole child): plain system calls, then _exit.
        libc::setsid();
        libc::ioctl(slave, libc::TIOCSCTTY, 0);
        let leader = libc::getpid();
        let mut fds = [0; 2];
        libc::pipe(fds.as_mut_ptr());
        let middle = libc::fork();
        if middle == 0 {
            // Inside the middle process `middle` is 0: the grandchild needs the real pid.
            let middle = libc::getpid();
            if libc::fork() == 0 {
                libc::setpgid(0, 0);
                // Wait to be reparented out of the session: the group is orphaned then
                // (before that, tcsetattr would stop us with SIGTTOU instead of failing).
                while libc::getppid() == middle {
                    libc::usleep(1000);
                }
                let mut t: libc::termios = zeroed();
                libc::tcgetattr(slave, &mut t);
                let r = libc::tcsetattr(slave, libc::TCSANOW, &t);
                let e = errno();
                let mut out = [0u8; 4096];
                explain::abi::boundary::explain_message_errno_tcsetattr(out.as_mut_ptr() as *mut _, 4096, e, slave, libc::TCSANOW, &t);
                let n = out.iter().position(|&c| c == 0).unwrap_or(0);
                let head = format!("r={r} leader={leader} ours={} |", libc::getpid());
                libc::write(fds[1], head.as_ptr() as *const _, head.len());
                libc::write(fds[1], out.as_ptr() as *const _, n);
                libc::_exit(0);
            }
            libc::_exit(0);
        }
        libc::close(fds[1]);
        libc::waitpid(middle, std::ptr::null_mut(), 0);
        let mut have = 0;
        loop {
            let n = libc::read(fds[0], buf[have..].as_mut_ptr() as *mut _, buf.len() - 1 - have);
            if n <= 0 {
                break;
            }
            have += n as usize;
        }
        buf[have] = 0;
    });
    close(master);
    close(slave);
    let (head, text) = msg.split_once('|').expect(&msg);
    let field = |k: &str| head.split_whitespace().find_map(|w| w.strip_prefix(k)).unwrap().to_string();
    assert_eq!(field("r="), "-1", "{msg}");
    let (leader, ours) = (field("leader="), field("ours="));
    assert_facts(text, &[
        "(5, EIO)",
        &format!("background process group ({ours} "),
        &format!("foreground group is {leader} "),
        "but its process group is orphaned (no member has a parent in another group of the session",
    ]);
}

#[test]
fn connect_and_bind_eacces_as_nobody_name_the_socket_file_and_the_directory_modes() {
    let _serial = serial();
    let dir = Scratch::new("sock-eacces");
    let path = dir.s("root.sock");
    let a = unix(&path);
    let server = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    // SAFETY: a is a live sockaddr_un.
    unsafe {
        assert_eq!(libc::bind(server, &a as *const _ as *const sockaddr, size_of::<libc::sockaddr_un>() as socklen_t), 0);
        assert_eq!(libc::listen(server, 1), 0);
    }
    chmod(std::path::Path::new(&path), 0o755);
    let fresh = unix(&dir.s("new.sock"));
    let msg = in_child(|buf| {
        // SAFETY: plain system calls in the forked child, as nobody.
        unsafe {
            if libc::setgroups(0, std::ptr::null()) != 0 || libc::setgid(65534) != 0 || libc::setuid(65534) != 0 {
                return report(buf, "could not become nobody");
            }
            let c = sock(libc::AF_UNIX, libc::SOCK_STREAM);
            let size = size_of::<libc::sockaddr_un>();
            let e = if libc::connect(c, &a as *const _ as *const sockaddr, size as socklen_t) == 0 { 0 } else { errno() };
            explain::abi::boundary::explain_message_errno_connect(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, c, &a as *const _ as *const _, size as c_int);
            let connected = text(buf);
            let b = sock(libc::AF_UNIX, libc::SOCK_STREAM);
            let e = if libc::bind(b, &fresh as *const _ as *const sockaddr, size as socklen_t) == 0 { 0 } else { errno() };
            explain::abi::boundary::explain_message_errno_bind(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, b, &fresh as *const _ as *const _, size as c_int);
            let both = format!("{connected}\n{}", text(buf));
            report(buf, &both);
        }
    });
    close(server);
    let (connected, bound) = msg.split_once('\n').expect(&msg);
    assert_facts(connected, &["(13, EACCES)", &format!("\"{path}\""), "mode 0755", "; connecting to an AF_UNIX socket needs write permission on its socket file"]);
    assert_facts(bound, &["(13, EACCES)", "mode 0755", "; bind creates the socket file in that directory"]);
}

#[test]
fn sendto_enetunreach_of_a_datagram_with_no_route_says_the_table_has_none() {
    let _serial = serial();
    let msg = in_child(|buf| {
        if !private_network(buf, &[]) {
            return;
        }
        let fd = sock(libc::AF_INET, libc::SOCK_DGRAM);
        let a = inet([10, 0, 0, 1], 53);
        // SAFETY: one byte from a live static to a live address; buf is writable.
        unsafe {
            let r = libc::sendto(fd, b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t);
            let e = if r < 0 { errno() } else { 0 };
            explain::abi::boundary::explain_message_errno_sendto(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, fd, b"x".as_ptr() as *const _, 1, 0, &a as *const _ as *const _, size_of::<sockaddr_in>() as socklen_t);
        }
    });
    assert_facts(&msg, &["(101, ENETUNREACH)", "the main routing table (/proc/net/route) has no route to 10.0.0.1 port 53, and no default route"]);
}
