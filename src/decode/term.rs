//! Terminal and ioctl arguments (issue 13): tcsetattr's options, tcflow's action,
//! tcflush's selector, and ioctl's request and the third argument it decides.

use super::fdio::named;
use super::{write_pointer, Entry};
use crate::message::Message;

/// tcsetattr(3) options: when the change takes effect (generated from tcsetattr_options.in).
pub static TCSETATTR_OPTIONS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/tcsetattr_options.rs"));
/// tcflow(3) actions (generated from tcflow_actions.in).
pub static TCFLOW_ACTIONS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/tcflow_actions.rs"));
/// tcflush(3) selectors (generated from tcflush_selectors.in).
pub static TCFLUSH_SELECTORS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/tcflush_selectors.rs"));
/// ioctl(2) requests, each with what its third argument is (generated from
/// ioctl_requests.in).
pub static IOCTL_REQUESTS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ioctl_requests.rs"));


pub fn write_tcsetattr_options(m: &mut Message, v: i64) {
    named(m, TCSETATTR_OPTIONS, v as i32 as i64);
}

pub fn write_tcflow_action(m: &mut Message, v: i64) {
    named(m, TCFLOW_ACTIONS, v as i32 as i64);
}

pub fn write_tcflush_selector(m: &mut Message, v: i64) {
    named(m, TCFLUSH_SELECTORS, v as i32 as i64);
}

/// An ioctl request as an unsigned 32-bit number (the C `int request` of libexplain's
/// prototype carries the kernel's unsigned encoding).
fn request_bits(request: i64) -> u32 {
    request as i32 as u32
}

/// The table's row for a request.
pub fn ioctl_request(request: i64) -> Option<&'static Entry> {
    let r = request_bits(request) as i64;
    IOCTL_REQUESTS.iter().find(|e| e.value == r)
}

/// The four fields of a request number (<asm-generic/ioctl.h>): direction, type, number
/// and argument size.
pub struct IoctlFields {
    pub dir: u32,
    pub ty: u32,
    pub nr: u32,
    pub size: u32,
}

pub fn ioctl_fields(request: i64) -> IoctlFields {
    let r = request_bits(request);
    IoctlFields { dir: r >> 30, ty: (r >> 8) & 0xff, nr: r & 0xff, size: (r >> 16) & 0x3fff }
}

/// The request by name; an unknown one decoded as the kernel's macros build it:
/// `_IOW('T', 50, int)`, `_IO(0xAB, 1)`, `_IOC(_IOC_NONE, '#', 69, char[1])`.
pub fn write_ioctl_request(m: &mut Message, request: i64) {
    write_ioctl_request_on(m, request, -1);
}

/// The request as it applies to `fildes`: FIONREAD is TIOCINQ on a character device
/// (a terminal's input queue), as libexplain names it.
pub fn write_ioctl_request_on(m: &mut Message, request: i64, fildes: i64) {
    if request_bits(request) == libc::FIONREAD as u32
        && crate::sys::stat_fd(fildes as i32).is_ok_and(|st| st.st_mode & libc::S_IFMT == libc::S_IFCHR)
    {
        return m.text("TIOCINQ");
    }
    if let Some(e) = ioctl_request(request) {
        return m.text(e.name);
    }
    let f = ioctl_fields(request);
    let bits = request_bits(request);
    if bits == 0 {
        return m.text("0");
    }
    if f.size == 0 && f.dir != 0 {
        // A direction without a size is no _IOx(): the number as it is.
        let _ = core::fmt::write(m, format_args!("0x{bits:X}"));
        return;
    }
    let macro_name = match f.dir {
        0 if f.size == 0 => "_IO(",
        0 => "_IOC(_IOC_NONE, ",
        1 => "_IOW(",
        2 => "_IOR(",
        _ => "_IORW(",
    };
    m.text(macro_name);
    write_ioctl_type(m, f.ty);
    let _ = core::fmt::write(m, format_args!(", {}", f.nr));
    if f.size != 0 {
        m.text(", ");
        write_size_type(m, f.size);
    }
    m.text(")");
}

/// The type letter of a request: `'T'` when printable, else `0xAB`.
fn write_ioctl_type(m: &mut Message, ty: u32) {
    if (0x21..0x7f).contains(&ty) && ty != b'\'' as u32 && ty != b'\\' as u32 {
        let _ = core::fmt::write(m, format_args!("'{}'", ty as u8 as char));
    } else {
        let _ = core::fmt::write(m, format_args!("0x{ty:02X}"));
    }
}

/// The argument size as a C type of that size: `short`, `int`, `int[4]`, `char[7]`.
fn write_size_type(m: &mut Message, size: u32) {
    let _ = match size {
        2 => core::fmt::write(m, format_args!("short")),
        4 => core::fmt::write(m, format_args!("int")),
        s if s % 4 == 0 => core::fmt::write(m, format_args!("int[{}]", s / 4)),
        s => core::fmt::write(m, format_args!("char[{s}]")),
    };
}

/// What a request's third argument is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IoctlData {
    /// A pointer to this C type (`int *`): the argument is memory the call reads or fills.
    Pointer(&'static str),
    /// A number passed by value (TCSBRK's duration, LOOP_SET_FD's descriptor).
    Value,
    /// Not used by the request (TIOCEXCL, FIOCLEX).
    Ignored,
    /// An array of two uint64_t (BLKDISCARD's range).
    Pair,
    /// An unknown request: an address, of nothing known.
    Unknown,
}

pub fn ioctl_data(request: i64) -> IoctlData {
    match ioctl_request(request).map(|e| e.text) {
        Some("intptr_t") => IoctlData::Value,
        Some("ignored") => IoctlData::Ignored,
        Some("uint64_t[2]") => IoctlData::Pair,
        Some(t) => IoctlData::Pointer(t),
        None => IoctlData::Unknown,
    }
}

/// The third argument, named with its type as the request says (its name included: the
/// call echo prints it bare): `struct winsize *data = 0x00001000`, `intptr_t data =
/// 4096`, `intptr_t data = 0x00001000 ignored`; a NULL pointer as `data = NULL`.
pub fn write_ioctl_data(m: &mut Message, request: i64, data: i64) {
    let kind = ioctl_data(request);
    if data == 0 {
        m.text("data = ");
        return m.text(if kind == IoctlData::Value { "0" } else { "NULL" });
    }
    match kind {
        IoctlData::Pointer(t) => {
            m.text(t);
            m.text("data = ");
            write_pointer(m, data);
        }
        IoctlData::Value => {
            m.text("intptr_t data = ");
            m.number(data);
        }
        IoctlData::Ignored => {
            m.text("intptr_t data = ");
            write_pointer(m, data);
            m.text(" ignored");
        }
        IoctlData::Pair => {
            m.text("uint64_t data[2] = ");
            write_pointer(m, data);
        }
        IoctlData::Unknown => {
            m.text("void *data = ");
            write_pointer(m, data);
        }
    }
}

/// The third argument's echo without its request (never used by the generated boundary,
/// which always has the request): as an unknown request's.
pub fn write_ioctl_data_alone(m: &mut Message, data: i64) {
    write_ioctl_data(m, -1, data);
}

/// The kind of file a known request is for, from its name's family: `TIOC*` and `TC*`
/// terminals, `BLK*` block devices, `LOOP_*` loop devices, `SIOC*` sockets, `TUN*`
/// tun/tap devices, `FS_IOC_*`/`FI*` files of some file systems; None for `FIO*`, which
/// many kinds of file take, and for unknown requests.
pub fn ioctl_class(request: i64) -> Option<&'static str> {
    let name = ioctl_request(request)?.name;
    const CLASSES: &[(&str, &str)] = &[
        ("TIOC", "terminals"),
        ("TC", "terminals"),
        ("BLK", "block devices"),
        ("LOOP_CTL", "the loop control device (/dev/loop-control)"),
        ("LOOP_", "loop devices"),
        ("SIOC", "sockets"),
        ("TUN", "tun/tap devices (/dev/net/tun)"),
        ("FS_IOC", "files of file systems that keep inode flags (ext4, xfs, btrfs…)"),
        ("FICLONE", "files of file systems that share extents (btrfs, xfs)"),
        ("FITRIM", "mounted file systems that support discard"),
        ("FIFREEZE", "mounted file systems that can be frozen"),
        ("FITHAW", "mounted file systems that can be frozen"),
        ("FIBMAP", "regular files of block-based file systems"),
        ("FIGETBSZ", "files of block-based file systems"),
    ];
    CLASSES.iter().find(|(prefix, _)| name.starts_with(prefix)).map(|(_, class)| *class)
}

/// The size of the memory a request's argument points at: from the number's size field,
/// else the known type's.
pub fn ioctl_data_size(request: i64) -> usize {
    let f = ioctl_fields(request);
    if f.size != 0 {
        return f.size as usize;
    }
    match ioctl_data(request) {
        IoctlData::Pointer(t) if t.contains("termios") => core::mem::size_of::<libc::termios>(),
        IoctlData::Pointer(t) if t.contains("winsize") => core::mem::size_of::<libc::winsize>(),
        IoctlData::Pointer(t) if t.contains("ifreq") => 40,
        IoctlData::Pointer(t) if t.contains("long") || t.contains("64") => 8,
        IoctlData::Pair => 16,
        _ => 4,
    }
}
