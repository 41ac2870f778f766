//! The socket calls explained on real failing states: a port held by a child process,
//! a privileged port bound as nobody, an address no interface has, a closed port, a
//! stale AF_UNIX socket file, an AF_UNIX path that is a regular file, a listener of the
//! other socket type, accept on a socket that does not listen, SCM_RIGHTS passing a
//! closed descriptor, a socketpair whose peer is closed, an option no level knows.
#[macro_use]
mod common;
use common::sockets::*;
use common::*;
use libc::{c_int, sockaddr, sockaddr_in, sockaddr_un, socklen_t};
use std::mem::size_of;

#[test]
fn bind_eaddrinuse_names_the_process_that_listens_on_the_port() {
    let _serial = serial();
    let mut p = [0; 2];
    // SAFETY: plain system calls; the child only makes system calls and then waits.
    assert_eq!(unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC) }, 0);
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        unsafe {
            libc::prctl(libc::PR_SET_NAME, c"portholder".as_ptr());
            let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
            let a = inet([127, 0, 0, 1], 0);
            libc::bind(fd, &a as *const _ as *const sockaddr, size_of::<sockaddr_in>() as socklen_t);
            libc::listen(fd, 5);
            let port = port_of(fd);
            libc::write(p[1], &port as *const u16 as *const libc::c_void, 2);
            libc::pause();
            libc::_exit(0);
        }
    }
    close(p[1]);
    let mut port = 0u16;
    // SAFETY: reading two bytes into port.
    assert_eq!(unsafe { libc::read(p[0], &mut port as *mut u16 as *mut libc::c_void, 2) }, 2);
    close(p[0]);
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    let a = inet([127, 0, 0, 1], port);
    assert_eq!(bind_inet(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::EADDRINUSE);
    let msg = explained!(explain_message_errno_bind(e, fd, &a as *const _ as *const _, size_of::<sockaddr_in>() as c_int));
    // SAFETY: ending the child this test started.
    unsafe {
        libc::kill(pid, libc::SIGKILL);
        libc::waitpid(pid, std::ptr::null_mut(), 0);
    }
    close(fd);
    assert_facts(
        &msg,
        &[
            &format!("bind(fildes = {fd} {{ sa_family = PF_INET, sin_port = 0, sin_addr = 0.0.0.0 INADDR_ANY }}, "),
            &format!("sock_addr = {{ sa_family = PF_INET, sin_port = {port}"),
            "sin_addr = 127.0.0.1 }, sock_addr_size = 16) failed",
            "EADDRINUSE",
            &format!("127.0.0.1 port {port} is already taken by a listening socket by process {pid} \"portholder\""),
        ],
    );
}

#[test]
fn bind_eacces_below_the_unprivileged_port_start_names_the_sysctl_and_the_capability() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: plain system calls in the child.
        unsafe {
            libc::setgroups(0, std::ptr::null());
            libc::setresgid(65534, 65534, 65534);
            libc::setresuid(65534, 65534, 65534);
            let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0);
            let a = inet([127, 0, 0, 1], 80);
            if bind_inet(fd, &a) == 0 {
                return;
            }
            let e = errno();
            explain::abi::boundary::explain_message_errno_bind(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, fd, &a as *const _ as *const _, 16);
        }
    });
    let start = std::fs::read_to_string("/proc/sys/net/ipv4/ip_unprivileged_port_start").unwrap();
    assert_facts(
        &msg,
        &["EACCES", &format!("port 80 is below {}", start.trim()), "net.ipv4.ip_unprivileged_port_start", "CAP_NET_BIND_SERVICE"],
    );
}

#[test]
fn bind_eaddrnotavail_says_no_interface_has_the_address() {
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    let a = inet([192, 0, 2, 77], 0);
    assert_eq!(bind_inet(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::EADDRNOTAVAIL);
    let msg = explained!(explain_message_errno_bind(e, fd, &a as *const _ as *const _, 16));
    close(fd);
    assert_facts(&msg, &["EADDRNOTAVAIL", "no network interface of this host has the address 192.0.2.77 port 0"]);
}

#[test]
fn connect_econnrefused_on_a_closed_port_says_nothing_listens_there() {
    let probe = sock(libc::AF_INET, libc::SOCK_STREAM);
    assert_eq!(bind_inet(probe, &inet([127, 0, 0, 1], 0)), 0);
    let port = port_of(probe);
    close(probe);
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    let a = inet([127, 0, 0, 1], port);
    assert_eq!(connect_to(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::ECONNREFUSED);
    let msg = explained!(explain_message_errno_connect(e, fd, &a as *const _ as *const _, 16));
    close(fd);
    assert_facts(&msg, &["connect(fildes", "ECONNREFUSED", &format!("nothing was listening on 127.0.0.1 port {port}")]);
}

#[test]
fn connect_econnrefused_on_a_stale_unix_socket_file_says_to_remove_it() {
    let dir = Scratch::new("sock-stale");
    let path = dir.s("server.sock");
    let a = unix(&path);
    let server = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    assert_eq!(unsafe { libc::bind(server, &a as *const _ as *const sockaddr, size_of::<sockaddr_un>() as socklen_t) }, 0);
    close(server);
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    assert_eq!(connect_to(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::ECONNREFUSED);
    let msg = explained!(explain_message_errno_connect(e, fd, &a as *const _ as *const _, size_of::<sockaddr_un>() as c_int));
    close(fd);
    assert_facts(
        &msg,
        &[
            &format!("serv_addr = {{ sa_family = PF_UNIX, sun_path = \"{path}\" }}"),
            &format!("the socket file \"{path}\" is a stale socket file: no process has a socket bound to it"),
            "remove the file",
        ],
    );
}

#[test]
fn connect_econnrefused_on_a_regular_file_says_it_is_no_socket() {
    let dir = Scratch::new("sock-file");
    let path = dir.s("not-a-socket");
    std::fs::write(&path, "x").unwrap();
    let a = unix(&path);
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    assert_eq!(connect_to(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::ECONNREFUSED);
    let msg = explained!(explain_message_errno_connect(e, fd, &a as *const _ as *const _, size_of::<sockaddr_un>() as c_int));
    close(fd);
    assert_facts(&msg, &[&format!("the socket file \"{path}\" is a regular file, not a socket")]);
}

#[test]
fn connect_enoent_on_a_unix_path_runs_the_path_diagnosis() {
    let dir = Scratch::new("sock-enoent");
    let path = dir.s("missing-dir/app.sock");
    let a = unix(&path);
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    assert_eq!(connect_to(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::ENOENT);
    let msg = explained!(explain_message_errno_connect(e, fd, &a as *const _ as *const _, size_of::<sockaddr_un>() as c_int));
    close(fd);
    assert_facts(&msg, &["ENOENT", "\"missing-dir\"", &dir.s("")[..dir.s("").len() - 1]]);
}

#[test]
fn connect_eprototype_names_the_listener_type_and_ours() {
    let dir = Scratch::new("sock-type");
    let path = dir.s("dgram.sock");
    let a = unix(&path);
    let server = sock(libc::AF_UNIX, libc::SOCK_DGRAM);
    assert_eq!(unsafe { libc::bind(server, &a as *const _ as *const sockaddr, size_of::<sockaddr_un>() as socklen_t) }, 0);
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    assert_eq!(connect_to(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::EPROTOTYPE);
    let msg = explained!(explain_message_errno_connect(e, fd, &a as *const _ as *const _, size_of::<sockaddr_un>() as c_int));
    close(fd);
    close(server);
    assert_facts(&msg, &["is of type SOCK_DGRAM, and this socket is of type SOCK_STREAM"]);
}

#[test]
fn accept_einval_on_a_socket_that_does_not_listen_says_so() {
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    // SAFETY: plain system call with NULL address.
    assert_eq!(unsafe { libc::accept(fd, std::ptr::null_mut(), std::ptr::null_mut()) }, -1);
    let e = errno();
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_accept(e, fd, std::ptr::null_mut(), std::ptr::null_mut()));
    close(fd);
    assert_facts(
        &msg,
        &["accept(fildes", "sock_addr = NULL, sock_addr_size = NULL", "a SOCK_STREAM socket of family AF_INET that is not listening", "listen must be called"],
    );
}

#[test]
fn accept_enotsock_names_what_the_descriptor_is() {
    let f = std::fs::File::open("/etc/passwd").unwrap();
    let fd = std::os::fd::AsRawFd::as_raw_fd(&f);
    let msg = explained!(explain_message_errno_accept(libc::ENOTSOCK, fd, std::ptr::null_mut(), std::ptr::null_mut()));
    assert_facts(&msg, &["ENOTSOCK", &format!("fildes {fd} \"/etc/passwd\" refers to a regular file, not a socket")]);
}

#[test]
fn sendmsg_ebadf_names_the_closed_descriptor_passed_in_scm_rights() {
    let sv = pair(libc::SOCK_STREAM);
    let closed: c_int = 987;
    assert!(unsafe { libc::fcntl(closed, libc::F_GETFD) } == -1);
    let mut data = *b"x";
    let mut iov = libc::iovec { iov_base: data.as_mut_ptr() as *mut _, iov_len: 1 };
    let mut control = [0u64; 4];
    let h = passing(&mut iov, &mut control, &[0, closed]);
    assert_eq!(unsafe { libc::sendmsg(sv[0], &h, 0) }, -1);
    let e = errno();
    assert_eq!(e, libc::EBADF);
    let msg = explained!(explain_message_errno_sendmsg(e, sv[0], &h as *const _ as *const _, 0));
    close(sv[0]);
    close(sv[1]);
    assert_facts(&msg, &["EBADF", "descriptor 987, number 2 of those passed in the SCM_RIGHTS control message, is not an open file descriptor"]);
}

#[test]
fn send_epipe_on_a_socketpair_whose_peer_is_closed_names_the_peer() {
    let sv = pair(libc::SOCK_STREAM);
    close(sv[1]);
    // SAFETY: sending one byte from a live buffer.
    assert_eq!(unsafe { libc::send(sv[0], b"x".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL) }, -1);
    let e = errno();
    assert_eq!(e, libc::EPIPE);
    let msg = explained!(explain_message_errno_send(e, sv[0], b"x".as_ptr() as *const _, 1, libc::MSG_NOSIGNAL));
    close(sv[0]);
    assert_facts(
        &msg,
        &[
            "send(sockfd",
            "flags = MSG_NOSIGNAL",
            "EPIPE",
            "the other end of the connection of sockfd",
            "has been closed",
            &format!("the peer was process {}", std::process::id()),
        ],
    );
}

#[test]
fn setsockopt_enoprotoopt_names_the_level_and_the_option() {
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    let v: c_int = 1;
    // SAFETY: v is a live int.
    assert_eq!(unsafe { libc::setsockopt(fd, libc::SOL_SOCKET, 9999, &v as *const c_int as *const _, 4) }, -1);
    let e = errno();
    assert_eq!(e, libc::ENOPROTOOPT);
    let msg = explained!(explain_message_errno_setsockopt(e, fd, libc::SOL_SOCKET, 9999, &v as *const c_int as *mut _, 4));
    close(fd);
    assert_facts(
        &msg,
        &["level = SOL_SOCKET, name = 9999, data = { 1 }, data_size = 4", "option 9999 is not known at level SOL_SOCKET for a SOCK_STREAM socket of family AF_INET"],
    );
}

#[test]
fn the_command_takes_addresses_as_strace_prints_them() {
    let out = explain(&["-e", "ECONNREFUSED", "connect", "99", "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}", "16"]);
    assert_facts(&out, &["serv_addr = { sa_family = PF_INET, sin_port = 8080", "sin_addr = 127.0.0.1 }", "nothing was listening on 127.0.0.1 port 8080"]);
    let out = explain(&["-e", "EINVAL", "socket", "AF_INET6", "SOCK_RAW", "ipv6-icmp"]);
    assert_facts(&out, &["socket(family = PF_INET6, type = SOCK_RAW, protocol = IPPROTO_ICMPV6)"]);
}

#[test]
fn bind_eaddrinuse_on_a_port_in_time_wait_suggests_so_reuseaddr() {
    let listener = sock(libc::AF_INET, libc::SOCK_STREAM);
    assert_eq!(bind_inet(listener, &inet([127, 0, 0, 1], 0)), 0);
    let port = port_of(listener);
    // SAFETY: plain system calls on descriptors this test owns.
    unsafe {
        assert_eq!(libc::listen(listener, 1), 0);
        let client = sock(libc::AF_INET, libc::SOCK_STREAM);
        assert_eq!(connect_to(client, &inet([127, 0, 0, 1], port)), 0);
        let served = libc::accept(listener, std::ptr::null_mut(), std::ptr::null_mut());
        assert!(served >= 0);
        // The server's end closes first: its side of the connection stays in TIME_WAIT.
        close(served);
        let mut b = [0u8; 1];
        libc::read(client, b.as_mut_ptr() as *mut _, 1);
        close(client);
    }
    close(listener);
    // The server's end reaches TIME_WAIT when the client's FIN has been processed, a
    // moment after close: wait for it (/proc/net/tcp state 06) so the test is not a race.
    let local = format!("0100007F:{port:04X} ");
    for _ in 0..500 {
        let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
        if table.lines().any(|l| l.split_whitespace().nth(1).is_some_and(|a| local.trim_end() == a) && l.split_whitespace().nth(3) == Some("06")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    let a = inet([127, 0, 0, 1], port);
    assert_eq!(bind_inet(fd, &a), -1);
    let e = errno();
    assert_eq!(e, libc::EADDRINUSE);
    let msg = explained!(explain_message_errno_bind(e, fd, &a as *const _ as *const _, 16));
    close(fd);
    assert_facts(&msg, &[&format!("127.0.0.1 port {port} was used by a connection that closed recently"), "TIME_WAIT", "SO_REUSEADDR"]);
}

#[test]
fn bind_eaddrinuse_on_a_stale_unix_socket_file_says_to_remove_it() {
    let dir = Scratch::new("sock-bind-stale");
    let path = dir.s("old.sock");
    let a = unix(&path);
    let first = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    // SAFETY: a is a live sockaddr_un.
    assert_eq!(unsafe { libc::bind(first, &a as *const _ as *const sockaddr, size_of::<sockaddr_un>() as socklen_t) }, 0);
    close(first);
    let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    assert_eq!(unsafe { libc::bind(fd, &a as *const _ as *const sockaddr, size_of::<sockaddr_un>() as socklen_t) }, -1);
    let e = errno();
    assert_eq!(e, libc::EADDRINUSE);
    let msg = explained!(explain_message_errno_bind(e, fd, &a as *const _ as *const _, size_of::<sockaddr_un>() as c_int));
    close(fd);
    assert_facts(&msg, &[&format!("the socket file \"{path}\" already exists, and no socket is bound to it"), "stale socket file", "remove it"]);
}

#[test]
fn getsockopt_einval_compares_data_size_with_the_option_size() {
    let fd = sock(libc::AF_INET, libc::SOCK_STREAM);
    let l = libc::linger { l_onoff: 1, l_linger: 5 };
    // SAFETY: l is a live struct linger; the size given is too small on purpose.
    assert_eq!(unsafe { libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_LINGER, &l as *const _ as *const _, 4) }, -1);
    let e = errno();
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_setsockopt(e, fd, libc::SOL_SOCKET, libc::SO_LINGER, &l as *const _ as *mut _, 4));
    close(fd);
    assert_facts(&msg, &["name = SO_LINGER, data = { 1 }, data_size = 4", "data_size is 4, and the option's value takes 8 bytes"]);
}

#[test]
fn accept_emfile_names_the_descriptor_limit() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: plain system calls in the child.
        unsafe {
            let listener = sock(libc::AF_INET, libc::SOCK_STREAM);
            bind_inet(listener, &inet([127, 0, 0, 1], 0));
            libc::listen(listener, 1);
            let client = sock(libc::AF_INET, libc::SOCK_STREAM);
            connect_to(client, &inet([127, 0, 0, 1], port_of(listener)));
            let top = listener.max(client) as u64 + 1;
            let lim = libc::rlimit { rlim_cur: top, rlim_max: top };
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
            // Fill every descriptor below the limit.
            while libc::dup(0) >= 0 {}
            if libc::accept(listener, std::ptr::null_mut(), std::ptr::null_mut()) >= 0 {
                return;
            }
            let e = errno();
            explain::abi::boundary::explain_message_errno_accept(buf.as_mut_ptr() as *mut _, buf.len() as c_int, e, listener, std::ptr::null_mut(), std::ptr::null_mut());
        }
    });
    assert_facts(&msg, &["accept(fildes", "EMFILE", "RLIMIT_NOFILE"]);
}

#[test]
fn connect_eagain_on_a_full_unix_backlog_gives_the_backlog() {
    let dir = Scratch::new("sock-backlog");
    let path = dir.s("busy.sock");
    let a = unix(&path);
    let server = sock(libc::AF_UNIX, libc::SOCK_STREAM);
    // SAFETY: a is a live sockaddr_un.
    assert_eq!(unsafe { libc::bind(server, &a as *const _ as *const sockaddr, size_of::<sockaddr_un>() as socklen_t) }, 0);
    assert_eq!(unsafe { libc::listen(server, 1) }, 0);
    let mut clients = Vec::new();
    let e = loop {
        let fd = sock(libc::AF_UNIX, libc::SOCK_STREAM | libc::SOCK_NONBLOCK);
        clients.push(fd);
        if connect_to(fd, &a) == -1 {
            break errno();
        }
        assert!(clients.len() < 64, "the backlog never filled");
    };
    assert_eq!(e, libc::EAGAIN);
    let fd = *clients.last().unwrap();
    let msg = explained!(explain_message_errno_connect(e, fd, &a as *const _ as *const _, size_of::<sockaddr_un>() as c_int));
    let waiting = clients.len() - 1;
    clients.into_iter().for_each(close);
    close(server);
    assert_facts(&msg, &["EAGAIN", &format!("has its queue of connections waiting to be accepted full ({waiting} waiting, backlog 1)")]);
}
