//! Terminals and ioctl (issue 13): what a descriptor is when it is not the device a
//! request is for, and which of a call's choices was not one of them.

use super::io::{is_a, kind_phrase};
use crate::decode::Entry;
use crate::message::Message;
use crate::probe::fd::Kind;

/// `fildes 3 "/tmp/x" is a regular file`, with the driver of a character or block
/// device (from /proc/devices).
pub fn what_it_is(m: &mut Message, arg: &str, fd: i32, kind: Option<Kind>) {
    match kind {
        Some(k) => {
            is_a(m, arg, fd, k);
            device_driver(m, fd, k);
        }
        None => {
            super::fd::argument(m, arg, fd);
            m.text(" is not an open file descriptor now");
        }
    }
}

fn device_driver(m: &mut Message, fd: i32, k: Kind) {
    if !matches!(k, Kind::CharDevice | Kind::BlockDevice | Kind::Terminal) {
        return;
    }
    let Some(st) = crate::probe::fd::facts(fd).and_then(|f| f.stat) else { return };
    let major = libc::major(st.st_rdev);
    if let Some(d) = crate::probe::devices::driver(major, k == Kind::BlockDevice) {
        let _ = core::fmt::write(m, format_args!(" (major {major}, minor {}, driver ", libc::minor(st.st_rdev)));
        m.quoted(d.as_bytes());
        m.text(")");
    }
}

/// ENOTTY from a terminal call: what the descriptor is instead.
pub fn not_a_terminal(m: &mut Message, arg: &str, fd: i32, kind: Option<Kind>) {
    m.because();
    what_it_is(m, arg, fd, kind);
    m.text(", not a terminal; the terminal calls work only on a terminal or pseudo-terminal device");
    if kind == Some(Kind::Terminal) {
        m.note();
        m.text("it is a terminal, so it was another file when the call was made");
    }
}

/// EINVAL for an argument that must be one of a table's names: `action is 9, which is
/// none of TCOOFF, TCOON, TCIOFF, TCION`.
pub fn not_one_of(m: &mut Message, arg: &str, value: i32, table: &[Entry]) {
    m.because();
    let _ = core::fmt::write(m, format_args!("{arg} is {value}, which is none of "));
    for (i, e) in table.iter().enumerate() {
        m.text(if i == 0 { "" } else if i + 1 == table.len() { " or " } else { ", " });
        m.text(e.name);
    }
}

/// EINVAL from tcsetattr with a valid action: the termios speeds that were asked for.
pub fn bad_termios(m: &mut Message, speeds: Option<(u32, u32)>) {
    m.because();
    m.text("a field of data (the struct termios) has a value the terminal's driver does not accept");
    if let Some((ispeed, ospeed)) = speeds {
        let _ = core::fmt::write(m, format_args!(": it asks for an input speed code of {ispeed:#o} and an output speed code of {ospeed:#o}; "));
        m.text("a speed the device cannot do (or a baud code outside B0..B4000000) is the usual cause");
    }
}

/// ENOTTY from ioctl: the request is for another kind of device than the descriptor's
/// (`by_type`: a number without a name, whose kind comes from its type letter).
pub fn request_does_not_apply(m: &mut Message, request: &dyn Fn(&mut Message), meant_for: Option<&str>, by_type: bool, fd: i32, kind: Option<Kind>) {
    m.because();
    m.text("the request ");
    request(m);
    match meant_for {
        Some(class) => {
            m.text(if by_type { " has the type letter of the requests for " } else { " is for " });
            m.text(class);
            m.text(", and ");
        }
        None => m.text(" is not one the driver of the file knows, and "),
    }
    what_it_is(m, "fildes", fd, kind);
    if let Some(k) = kind {
        if meant_for.is_some() && !matches!(k, Kind::CharDevice | Kind::BlockDevice) {
            m.text("; ");
            m.text(kind_phrase(k));
            m.text(" does not take it");
        }
    }
}

/// EINVAL from ioctl: the driver knows the request but refuses it or its argument.
pub fn request_refused(m: &mut Message, request: &dyn Fn(&mut Message), fd: i32, kind: Option<Kind>) {
    m.because();
    m.text("the request ");
    request(m);
    m.text(" or its argument is not valid for ");
    what_it_is(m, "fildes", fd, kind);
}

/// EIO from a terminal call: a background process group (the terminal's foreground
/// group against ours), or a device error.
pub fn io_error(m: &mut Message, arg: &str, fd: i32, why: &crate::probe::term::TerminalIo) {
    match why {
        crate::probe::term::TerminalIo::Background(b) => super::io::background(m, arg, fd, b, true),
        crate::probe::term::TerminalIo::Device(st) => super::io::device_error(m, arg, fd, st.as_ref()),
    }
}
