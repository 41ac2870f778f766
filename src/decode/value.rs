//! The echo of one argument, by kind, in the first part of a message.

use super::{write_mode, write_open_flags, Text, TextState};
use crate::message::Message;
use crate::probe;

pub struct Arg<'a> {
    pub name: &'static str,
    pub value: Value<'a>,
}

pub enum Value<'a> {
    Path(&'a Text),
    Str(&'a Text),
    Fd(i32),
    /// A directory descriptor of the *at calls; AT_FDCWD by name.
    DirFd(i32),
    OpenFlags(i32),
    Mode(u32),
    /// A mode that only matters when the flags create a file (O_CREAT, O_TMPFILE).
    CreateMode(u32),
    Ptr(usize),
    Size(usize),
    Int(i64),
}

impl Value<'_> {
    /// Whether strace would print this argument at all.
    pub fn shown(&self, all: &[Arg]) -> bool {
        match self {
            Value::CreateMode(_) => all.iter().any(|a| match a.value {
                Value::OpenFlags(f) => f & libc::O_CREAT != 0 || f & libc::O_TMPFILE == libc::O_TMPFILE,
                _ => false,
            }),
            _ => true,
        }
    }

    pub fn echo(&self, m: &mut Message, _all: &[Arg]) {
        match *self {
            Value::Path(t) | Value::Str(t) => match t.state {
                TextState::Null => m.text("NULL"),
                TextState::Unreadable => {
                    let _ = core::fmt::write(m, format_args!("{:#x}", t.addr));
                }
                TextState::Ok => m.quoted_text(t),
            },
            Value::Fd(fd) => write_fd(m, fd),
            Value::DirFd(fd) if fd == libc::AT_FDCWD => m.text("AT_FDCWD"),
            Value::DirFd(fd) => write_fd(m, fd),
            Value::OpenFlags(f) => write_open_flags(m, f),
            Value::Mode(mode) | Value::CreateMode(mode) => write_mode(m, mode),
            Value::Ptr(0) => m.text("NULL"),
            Value::Ptr(p) => {
                let _ = core::fmt::write(m, format_args!("{:#x}", p));
            }
            Value::Size(n) => m.number(n as i64),
            Value::Int(n) => m.number(n),
        }
    }
}

/// A descriptor with the path it refers to, when it is open: `3 "/etc/passwd"`.
pub fn write_fd(m: &mut Message, fd: i32) {
    m.number(fd as i64);
    let mut path = crate::sys::CPath::new();
    if probe::fd::path_of(fd, &mut path) {
        m.text(" ");
        m.quoted(path.as_bytes());
    }
}
