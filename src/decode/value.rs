//! The echo of one argument in the first part of a message. Which echo a kind uses is
//! data (src/decode/kinds.table); the functions here have one signature so the
//! generated boundary can name them.

use super::{write_mode, write_open_flags, Text, TextState};
use crate::message::Message;
use crate::probe;

pub struct Arg<'a> {
    pub name: &'static str,
    pub value: Value<'a>,
}

pub enum Value<'a> {
    /// A C string, copied safely: quoted and escaped, NULL, or its address if unreadable.
    Text(&'a Text),
    /// A path that libexplain echoes by its address when the errno is EFAULT (open,
    /// chown, unlink…), as a Text otherwise.
    AddressIfEfault(&'a Text),
    /// A number with the function that prints it as strace would.
    Number {
        value: i64,
        echo: fn(&mut Message, i64),
        role: Role,
    },
    /// The variadic arguments of a printf-style call, decoded by its format: echoed
    /// unnamed, each after a comma (crate::decode::format).
    Items(&'a super::format::Items),
    /// A number whose echo reads the call's other arguments, found by name (a socket
    /// address and its length, a socket option's value and its level, name and size:
    /// kinds whose ECHO ends in `&`).
    Related { value: i64, echo: fn(&mut Message, i64, &[Arg]) },
}

/// How an argument's echo depends on the others.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Plain,
    /// Printed only when the call's open flags create a file (the mode of open).
    OnlyIfCreating,
    /// The open flags that decide whether a mode is printed.
    CreationFlags,
    /// fcntl's third argument: printed as its command says, or not at all.
    FcntlArg,
    /// fcntl's command, which decides that.
    FcntlCommand,
    /// An array of struct iovec (readv, writev), echoed element by element…
    IovArray,
    /// …as many as this count says.
    IovCount,
    /// mmap's descriptor: its path is left out when the mapping is anonymous…
    MapFd,
    /// …as mmap's flags say.
    MapFlags,
    /// creds (issue 12): a name given with its length (sethostname's name), echoed as
    /// the bytes the call takes…
    SizedName,
    /// …this many.
    NameSize,
    // --- ioctl: the third argument, named and typed as the
    // request says (crate::decode::term::write_ioctl_data)…
    IoctlData,
    /// …by this request.
    IoctlRequest,
    // Time, events and waiting:
    /// poll's array of struct pollfd, echoed element by element…
    PollArray,
    /// …as many as its data_size says.
    PollCount,
    /// One of select's fd_sets, echoed as the descriptors in it…
    FdSet,
    /// …below its nfds.
    FdSetCount,
    // --- processes ---
    /// getpriority's which, which decides…
    PriorityWhich,
    /// …whether who is echoed as a user or as a process.
    PriorityWho,
    /// Arguments libexplain's echo leaves out when all of them are 0 (`getpgrp()`,
    /// `setpgrp()`: the System V forms, which take none).
    HiddenWhenZero,
}

/// The value of the numeric argument called `name`, if the call has one (for the echo of
/// a `Value::Related`).
pub fn related(all: &[Arg], name: &str) -> Option<i64> {
    all.iter().find_map(|a| match a.value {
        Value::Number { value, .. } | Value::Related { value, .. } if a.name == name => Some(value),
        _ => None,
    })
}

/// The value of the argument that plays `role`, if any.
fn find_role(all: &[Arg], role: Role) -> Option<i64> {
    all.iter().find_map(|a| match a.value {
        Value::Number { value, role: r, .. } if r == role => Some(value),
        _ => None,
    })
}

impl Value<'_> {
    /// Whether strace would print this argument at all.
    pub fn shown(&self, all: &[Arg]) -> bool {
        match *self {
            Value::Number { role: Role::OnlyIfCreating, .. } => all.iter().any(|a| match a.value {
                Value::Number { value, role: Role::CreationFlags, .. } => {
                    let f = value as i32;
                    f & libc::O_CREAT != 0 || f & libc::O_TMPFILE == libc::O_TMPFILE
                }
                _ => false,
            }),
            Value::Number { role: Role::FcntlArg, .. } => {
                find_role(all, Role::FcntlCommand).is_none_or(|cmd| super::fcntl_takes_arg(cmd as i32))
            }
            Value::Number { role: Role::HiddenWhenZero, .. } => all.iter().any(|a| {
                matches!(a.value, Value::Number { value, role: Role::HiddenWhenZero, .. } if value != 0)
            }),
            _ => true,
        }
    }

    pub fn echo(&self, m: &mut Message, all: &[Arg]) {
        match *self {
            Value::Text(t) => write_text(m, t),
            Value::AddressIfEfault(t) if m.errnum() == libc::EFAULT => write_pointer(m, t.addr as i64),
            Value::AddressIfEfault(t) => write_text(m, t),
            Value::Number { value, role: Role::FcntlArg, echo } => match find_role(all, Role::FcntlCommand) {
                Some(cmd) => super::write_fcntl_arg(m, cmd as i32, value),
                None => echo(m, value),
            },
            Value::Number { value, role: Role::IovArray, echo } => match find_role(all, Role::IovCount) {
                Some(count) => super::write_iovec(m, value as usize, count),
                None => echo(m, value),
            },
            Value::Number { value, role: Role::MapFd, echo } => match find_role(all, Role::MapFlags) {
                Some(flags) if flags as i32 & libc::MAP_ANONYMOUS != 0 => m.number(value),
                _ => echo(m, value),
            },
            Value::Number { value, role: Role::SizedName, echo } => match find_role(all, Role::NameSize) {
                Some(size) => super::creds::write_sized_name(m, value, size as u64),
                None => echo(m, value),
            },
            // ioctl.
            Value::Number { value, role: Role::IoctlData, echo } => match find_role(all, Role::IoctlRequest) {
                Some(request) => super::term::write_ioctl_data(m, request, value),
                None => echo(m, value),
            },
            Value::Number { value, role: Role::IoctlRequest, .. } => {
                let fildes = all.iter().find(|a| a.name == "fildes").and_then(|a| match a.value {
                    Value::Number { value, .. } => Some(value),
                    _ => None,
                });
                super::term::write_ioctl_request_on(m, value, fildes.unwrap_or(-1))
            }
            Value::Number { value, role: Role::PollArray, echo } => match find_role(all, Role::PollCount) {
                Some(count) => super::clock::write_pollfds(m, value as usize, count),
                None => echo(m, value),
            },
            Value::Number { value, role: Role::FdSet, echo } => match find_role(all, Role::FdSetCount) {
                Some(nfds) => super::clock::write_fd_set(m, value as usize, nfds),
                None => echo(m, value),
            },
            Value::Number { value, role: Role::PriorityWho, echo } => match find_role(all, Role::PriorityWhich) {
                Some(which) => super::process::write_priority_who(m, which, value),
                None => echo(m, value),
            },
            Value::Number { value, echo, .. } => echo(m, value),
            Value::Items(items) => items.echo(m),
            Value::Related { value, echo } => echo(m, value, all),
        }
    }
}

fn write_text(m: &mut Message, t: &Text) {
    match t.state {
        TextState::Null => m.text("NULL"),
        TextState::Unreadable => write_pointer(m, t.addr as i64),
        TextState::Ok => m.quoted_text(t),
    }
}

/// A descriptor with the path it refers to, when it is open: `3 "/etc/passwd"`; a
/// socket with its addresses, as libexplain echoes one (`3 { sa_family = PF_UNIX }`).
pub fn write_fd(m: &mut Message, fd: i64) {
    m.number(fd);
    let fd = fd as i32;
    // fstat answers both "is it open" and "is it a socket" (F_GETFD only the first).
    let st = if fd < 0 { Err(libc::EBADF) } else { crate::sys::stat_fd(fd) };
    if matches!(st, Err(libc::EBADF)) {
        // The explanation that follows need not ask again.
        m.found_closed(fd);
        return;
    }
    if st.as_ref().is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFSOCK) && super::sock::write_socket_ends(m, fd) {
        return;
    }
    let mut path = crate::sys::CPath::new();
    if probe::fd::path_of_open(fd, &mut path) {
        m.text(" ");
        m.quoted(fd_name(path.as_bytes()));
    }
}

/// What the echo calls an open descriptor, from its /proc/self/fd link: the path, or for
/// an object without one, its kind as libexplain names it (`pipe` for `pipe:[123]`,
/// `[eventpoll]` for `anon_inode:[eventpoll]`).
pub fn fd_name(link: &[u8]) -> &[u8] {
    if link.starts_with(b"pipe:[") {
        b"pipe"
    } else if let Some(rest) = link.strip_prefix(b"anon_inode:".as_slice()) {
        rest
    } else {
        link
    }
}

/// A directory descriptor of the *at calls: AT_FDCWD by name, followed (as any open
/// descriptor is) by the directory it stands for: `AT_FDCWD "/home/alice"`.
pub fn write_dirfd(m: &mut Message, fd: i64) {
    if fd as i32 != libc::AT_FDCWD {
        return write_fd(m, fd);
    }
    m.text("AT_FDCWD");
    if let Ok(cwd) = crate::sys::getcwd() {
        m.text(" ");
        m.quoted(cwd.as_bytes());
    }
}

/// A directory descriptor without the current directory's path for AT_FDCWD, as
/// libexplain echoes utimensat's.
pub fn write_dirfd_plain(m: &mut Message, fd: i64) {
    match fd as i32 {
        libc::AT_FDCWD => m.text("AT_FDCWD"),
        _ => write_fd(m, fd),
    }
}

pub fn write_open_flags_arg(m: &mut Message, flags: i64) {
    write_open_flags(m, flags as i32);
}

pub fn write_mode_arg(m: &mut Message, mode: i64) {
    write_mode(m, mode as u32);
}

/// An address as libexplain prints one: upper-case hex, at least eight digits
/// (`0x00001000`, `0x7FFF6FD66950`); NULL by name.
pub fn write_pointer(m: &mut Message, p: i64) {
    if p == 0 {
        m.text("NULL");
    } else {
        let _ = core::fmt::write(m, format_args!("0x{:08X}", p as u64));
    }
}

pub fn write_unsigned(m: &mut Message, n: i64) {
    m.unsigned(n as u64);
}

pub fn write_signed(m: &mut Message, n: i64) {
    m.number(n);
}

/// Bits in hexadecimal, not by name (`0x100`), as libexplain echoes utimensat's flags.
pub fn write_hex(m: &mut Message, n: i64) {
    if n == 0 {
        m.text("0");
    } else {
        let _ = core::fmt::write(m, format_args!("0x{:X}", n as u32));
    }
}

/// A directory stream (DIR *): its address, then the path of the directory it reads
/// when the stream is a live one (`0x55d0c8e0 "/tmp/x"`).
pub fn write_dir(m: &mut Message, dir: i64) {
    write_pointer(m, dir);
    if let probe::dirstream::Stream::Open { fd, .. } = probe::dirstream::examine(dir as usize) {
        let mut path = crate::sys::CPath::new();
        if probe::fd::path_of(fd, &mut path) {
            m.text(" ");
            m.quoted(fd_name(path.as_bytes()));
        }
    }
}

pub fn write_mount_flags(m: &mut Message, flags: i64) {
    super::write_flags(m, flags, super::MOUNT_FLAGS, "0");
}

/// An `acl_t`: its entries' short text, quoted (`"u::rw- g::r-- o::r--"`), as
/// libexplain echoes it; the address when it is not an ACL of libacl.
pub fn write_acl(m: &mut Message, acl: i64) {
    let mut text = [0u8; 1024];
    match crate::sys::acl::short_text(acl as usize, &mut text) {
        Some(n) => m.quoted(&text[..n]),
        None => write_pointer(m, acl),
    }
}

/// ACL_TYPE_ACCESS or ACL_TYPE_DEFAULT; any other value in hex.
pub fn write_acl_type(m: &mut Message, t: i64) {
    match super::ACL_TYPES.iter().find(|(_, v)| *v as i64 == t) {
        Some((name, _)) => m.text(name),
        None => {
            let _ = core::fmt::write(m, format_args!("{:#x}", t as u32));
        }
    }
}
