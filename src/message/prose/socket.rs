//! Sockets in words (issue 13): what a descriptor is instead of a socket, whether it
//! listens, its peer, its options and buffers, descriptors passed in SCM_RIGHTS.

use super::{fd, ids};
use crate::decode::sock::{any_name, options_of, SOCKOPT_LEVELS};
use crate::message::Message;
use crate::probe::sockets::Socket;

/// ENOTSOCK: what the descriptor refers to instead, with its path.
pub fn not_a_socket(m: &mut Message, arg: &str, fildes: i32) {
    let Ok(st) = crate::sys::stat_fd(fildes) else { return fd::bad_fd(m, arg, fildes, None) };
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" refers to a ");
    m.text(crate::probe::fd::type_name(st.st_mode));
    m.text(", not a socket");
}

/// `a SOCK_STREAM socket of family AF_INET`.
fn socket_words(m: &mut Message, s: &Socket) {
    m.text("a ");
    super::sockaddr::socket_type(m, s.kind);
    m.text(" socket of family ");
    super::sockaddr::family(m, s.domain);
}

/// EINVAL on accept: listen was never called.
pub fn not_listening(m: &mut Message, arg: &str, fildes: i32, s: &Socket) {
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" is ");
    socket_words(m, s);
    if s.kind != libc::SOCK_STREAM && s.kind != libc::SOCK_SEQPACKET {
        m.text(", a type that accepts no connections");
        return;
    }
    m.text(" that is not listening for connections: listen must be called on it (after bind) before accept");
}

/// EOPNOTSUPP on accept or listen: the type takes no connections.
pub fn connectionless(m: &mut Message, arg: &str, fildes: i32, s: &Socket) {
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" is ");
    socket_words(m, s);
    m.text("; only SOCK_STREAM and SOCK_SEQPACKET sockets take connections");
}

/// EPIPE, ECONNRESET: the other end is gone.
pub fn peer_closed(m: &mut Message, arg: &str, fildes: i32, peer: Option<(i32, u32)>, ended: bool, reset: bool) {
    m.because();
    m.text("the other end of the connection of ");
    fd::argument(m, arg, fildes);
    m.text(if reset { " reset it (closed it with data unread, or ended)" } else { " has been closed (or this end shut down for writing)" });
    if let Some((pid, uid)) = peer {
        m.text("; the peer was process ");
        ids::process(m, pid);
        m.text(" of user ");
        ids::user(m, uid);
        if ended {
            m.text(", which has ended");
        }
    }
    if !reset {
        m.text("; the process also gets SIGPIPE unless MSG_NOSIGNAL is given or the signal is ignored");
    }
}

/// ENOTCONN: the socket is not connected.
pub fn not_connected(m: &mut Message, arg: &str, fildes: i32, s: &Socket) {
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" is ");
    socket_words(m, s);
    m.text(if s.listening { " that listens: it accepts connections and has no peer of its own" } else { " that is not connected (connect was not called, or failed)" });
}

/// ENOTCONN when the descriptor is no socket now: what it was at the call.
pub fn was_not_connected(m: &mut Message) {
    m.because();
    m.text("the socket had no peer when the call was made: connect had not succeeded on it, or the connection was never accepted");
}

/// EISCONN.
pub fn already_connected(m: &mut Message, arg: &str, fildes: i32) {
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" is already connected; a connected socket cannot connect again");
}

/// EINPROGRESS / EALREADY: a non-blocking connect.
pub fn connect_pending(m: &mut Message, arg: &str, fildes: i32, first: bool) {
    m.because();
    fd::argument(m, arg, fildes);
    if first {
        m.text(" is non-blocking and the connection cannot be made at once: it goes on in the background; wait for the socket to become writable (poll, select), then read SO_ERROR to learn how it ended");
    } else {
        m.text(" is non-blocking and an earlier connect on it is still in progress; wait for the socket to become writable, then read SO_ERROR");
    }
}

/// ENOPROTOOPT: the option is unknown at that level.
pub fn no_such_option(m: &mut Message, level: i32, name: i32, s: Option<&Socket>) {
    m.because();
    m.text("option ");
    match any_name(options_of(level), name as i64) {
        Some(n) => m.text(n),
        None => m.number(name as i64),
    }
    m.text(" is not known at level ");
    match any_name(SOCKOPT_LEVELS, level as i64) {
        Some(n) => m.text(n),
        None => m.number(level as i64),
    }
    if let Some(s) = s {
        m.text(" for ");
        socket_words(m, s);
    }
}

/// EINVAL for an option: the size given against the size the option takes.
pub fn option_size(m: &mut Message, arg: &str, given: i64, wanted: usize) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} is {given}, and the option's value takes {wanted} bytes"));
}

/// EBADF in SCM_RIGHTS: which descriptor of the message is not open.
pub fn bad_passed_fd(m: &mut Message, index: usize, fildes: i32) {
    m.because();
    let _ = core::fmt::write(
        m,
        format_args!("descriptor {fildes}, number {} of those passed in the SCM_RIGHTS control message, is not an open file descriptor", index + 1),
    );
}

/// ETOOMANYREFS: the real user's descriptors in flight past RLIMIT_NOFILE (`passed`:
/// how many this message passes, when it could be read). The kernel does not publish
/// the count, so it is not given.
pub fn too_many_refs(m: &mut Message, passed: Option<usize>, f: &crate::probe::inflight::InFlight) {
    m.because();
    if let Some(n) = passed {
        let _ = core::fmt::write(m, format_args!("the message passes {n} descriptor{} in SCM_RIGHTS, and ", if n == 1 { "" } else { "s" }));
    }
    m.text("the descriptors in flight of real user ");
    ids::user(m, f.user);
    m.text(" (sent over AF_UNIX sockets by any of that user's processes and not yet received) already exceed this process's open file limit (RLIMIT_NOFILE");
    if let Some(l) = f.limit {
        let _ = core::fmt::write(m, format_args!(", {l}"));
    }
    m.text(")");
    match (f.resource, f.admin) {
        (false, false) => m.text("; the process has neither CAP_SYS_RESOURCE nor CAP_SYS_ADMIN, either of which lifts that limit"),
        _ => m.text("; the process has CAP_SYS_RESOURCE or CAP_SYS_ADMIN now, which lift that limit only when held in the initial user namespace (not a container's), or it held neither at the call"),
    }
    m.text("; the kernel shows no count of them: the receivers must read (recvmsg) the messages already sent, or close their sockets, before more descriptors can be passed");
}

/// EMSGSIZE: the message is bigger than the socket takes at once.
pub fn message_too_big(m: &mut Message, len: u64, limit: Option<u64>, what: &str) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the message of {len} bytes must be sent at once, and "));
    match limit {
        Some(l) => {
            let _ = core::fmt::write(m, format_args!("the socket takes at most {l} bytes ({what})"));
        }
        None => m.text("the socket's type takes no message that large"),
    }
}

/// EAGAIN or ENOBUFS on send: the send buffer is full.
pub fn send_buffer_full(m: &mut Message, arg: &str, fildes: i32, sndbuf: Option<u64>, nonblocking: bool) {
    m.because();
    m.text("the send buffer of ");
    fd::argument(m, arg, fildes);
    m.text(" is full");
    if let Some(b) = sndbuf {
        let _ = core::fmt::write(m, format_args!(" (SO_SNDBUF is {b} bytes)"));
    }
    if nonblocking {
        m.text(", and the socket is non-blocking (or MSG_DONTWAIT was given), so the call would have had to wait");
    } else {
        m.text("; the receiver is not reading fast enough");
    }
}

/// EAGAIN on recv: nothing to read and non-blocking, or a timeout.
pub fn nothing_to_read(m: &mut Message, arg: &str, fildes: i32, timeout_us: u64) {
    m.because();
    fd::argument(m, arg, fildes);
    if timeout_us > 0 {
        let _ = core::fmt::write(m, format_args!(" had no data within its receive timeout (SO_RCVTIMEO, {} ms)", timeout_us / 1000));
    } else {
        m.text(" had no data to read, and the socket is non-blocking (or MSG_DONTWAIT was given)");
    }
}

/// EBADF and ENOTSOCK, shared by every socket call: explains them and returns true when
/// `errnum` is one of them.
pub fn descriptor_error(m: &mut Message, errnum: i32, arg: &str, fildes: i32) -> bool {
    match errnum {
        libc::EBADF => fd::bad_fd(m, arg, fildes, None),
        libc::ENOTSOCK => not_a_socket(m, arg, fildes),
        _ => return false,
    }
    true
}

// --- Sockets in depth: unix(7)'s remaining errors.

/// EISCONN on a send: a destination address given to a connected socket.
pub fn address_on_connected(m: &mut Message, arg: &str, fildes: i32) {
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" is connected, and a destination address was given with the message; a connected socket sends only to its peer (give no address, or use an unconnected socket)");
}

/// EINVAL: an AF_UNIX socket given an address of another family.
pub fn not_unix_family(m: &mut Message, arg: &str, family: i32) {
    m.because();
    m.text(arg);
    m.text(" has sa_family ");
    super::sockaddr::family(m, family);
    m.text(", and an AF_UNIX socket takes only AF_UNIX addresses");
}

/// EOPNOTSUPP: MSG_OOB on a socket that has no out-of-band data.
pub fn no_out_of_band(m: &mut Message, arg: &str, fildes: i32, s: &Socket) {
    m.because();
    m.text("flags has MSG_OOB, and ");
    fd::argument(m, arg, fildes);
    m.text(" is ");
    socket_words(m, s);
    m.text(", which has no out-of-band data (only stream sockets have it)");
}

/// EPERM: SCM_CREDENTIALS claims ids the process may not claim. `mine`: the process's
/// pid, (real, effective, saved) uids and gids; `caps`: whether it has CAP_SYS_ADMIN,
/// CAP_SETUID, CAP_SETGID.
pub fn bad_credentials(m: &mut Message, claimed: (i32, u32, u32), pid: i32, uids: (u32, u32, u32), gids: (u32, u32, u32), caps: (bool, bool, bool)) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the SCM_CREDENTIALS message claims pid {}, uid {}, gid {}", claimed.0, claimed.1, claimed.2));
    let mut faults = 0;
    let mut sep = |m: &mut Message| {
        m.text(if faults == 0 { ": " } else { "; " });
        faults += 1;
    };
    if claimed.0 != pid && !caps.0 {
        sep(m);
        let _ = core::fmt::write(m, format_args!("pid {} is not this process's ({pid}), and only CAP_SYS_ADMIN lets a process claim another", claimed.0));
    }
    if ![uids.0, uids.1, uids.2].contains(&claimed.1) && !caps.1 {
        sep(m);
        let _ = core::fmt::write(m, format_args!("uid {} is none of the process's user ids (real {}, effective {}, saved {}), and it lacks CAP_SETUID", claimed.1, uids.0, uids.1, uids.2));
    }
    if ![gids.0, gids.1, gids.2].contains(&claimed.2) && !caps.2 {
        sep(m);
        let _ = core::fmt::write(m, format_args!("gid {} is none of the process's group ids (real {}, effective {}, saved {}), and it lacks CAP_SETGID", claimed.2, gids.0, gids.1, gids.2));
    }
    if faults == 0 {
        m.text(", which the process may claim now (its ids or capabilities have changed since)");
    }
}

/// ESRCH: SCM_CREDENTIALS names a process that does not exist.
pub fn no_such_sender(m: &mut Message, pid: i32) {
    m.because();
    let _ = core::fmt::write(m, format_args!("the SCM_CREDENTIALS message claims pid {pid}, and no process has that id"));
}

/// EAGAIN of an AF_UNIX datagram sent to a named socket: the receiver's queue is full.
pub fn receiver_queue_full(m: &mut Message, receiver: Option<&crate::decode::sock::SockAddr>, qlen: Option<u64>) {
    m.because();
    m.text("the receive queue of ");
    match receiver {
        Some(sa) => super::sockaddr::address(m, sa, sa.len),
        None => m.text("the receiving socket"),
    }
    m.text(" is full");
    if let Some(q) = qlen {
        let _ = core::fmt::write(m, format_args!(": it holds net.unix.max_dgram_qlen ({q}) datagrams not yet read"));
    }
    m.text(", and the socket is non-blocking (or MSG_DONTWAIT was given); the receiver is not reading fast enough");
}

/// EOPNOTSUPP: a destination address given to an unconnected AF_UNIX stream socket.
pub fn stream_takes_no_address(m: &mut Message, arg: &str, fildes: i32) {
    m.because();
    fd::argument(m, arg, fildes);
    m.text(" is an AF_UNIX SOCK_STREAM socket that is not connected, and a stream socket sends only to the peer it is connected to, never to an address given with the message: connect it first");
}
