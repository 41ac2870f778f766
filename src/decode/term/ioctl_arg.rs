//! The memory ioctl's third argument points at, echoed where the kernel reads it (a
//! request that only fills it is echoed by its address): as libexplain 1.4 echoes it for
//! the requests it decodes (`struct termios *data = { c_iflag = ICRNL | IXON, … }`,
//! `struct ifreq *data = { ifr_name = "eth0", ifr_flags = IFF_UP }`, `int *data = { 1 }`),
//! and in the same style for those it does not know (loop devices, tun/tap, inode flags).

use super::super::fdio::name_of;
use super::super::sock::write_sockaddr;
use super::super::{write_fd, write_pid, Entry};
use super::{ioctl_fields, TCFLOW_ACTIONS, TCFLUSH_SELECTORS};
use crate::message::Message;

static TERMIOS_IFLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/termios_iflags.rs"));
static TERMIOS_OFLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/termios_oflags.rs"));
static TERMIOS_CFLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/termios_cflags.rs"));
static TERMIOS_SPEEDS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/termios_speeds.rs"));
static TERMIOS_LFLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/termios_lflags.rs"));
static TIOCM_BITS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/tiocm_bits.rs"));
static IFREQ_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/ifreq_flags.rs"));
static TUN_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/tun_flags.rs"));
static FS_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/fs_flags.rs"));
static LOOP_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/loop_flags.rs"));

/// The names of the kernel's struct termios c_cc slots, by index (NCCS is 19 there).
const CC_NAMES: [&str; 17] = [
    "VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC", "VSTART", "VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
];

/// The line disciplines by number, as linux/tty.h names them (TIOCSETD, c_line).
const LINE_DISCIPLINES: [&str; 31] = [
    "N_TTY", "N_SLIP", "N_MOUSE", "N_PPP", "N_STRIP", "N_AX25",
    "N_X25", "N_6PACK", "N_MASC", "N_R3964", "N_PROFIBUS_FDL", "N_IRDA",
    "N_SMSBLOCK", "N_HDLC", "N_SYNC_PPP", "N_HCI", "N_GIGASET_M101", "N_SLCAN",
    "N_PPS", "N_V253", "N_CAIF", "N_GSM0710", "N_TI_WL", "N_TRACESINK",
    "N_TRACEROUTER", "N_NCI", "N_SPEAKUP", "N_NULL", "N_MCTP", "N_DEVELOPMENT",
    "N_CAN327",
];

fn line_discipline(m: &mut Message, n: u32) {
    match LINE_DISCIPLINES.get(n as usize) {
        Some(name) => m.text(name),
        None => m.number(n as i64),
    }
}

/// `N` bytes of the caller's memory at `addr`, when all of them can be read.
fn read<const N: usize>(addr: i64) -> Option<[u8; N]> {
    let mut b = [0u8; N];
    (crate::sys::read_memory(addr as usize, &mut b) == N).then_some(b)
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_ne_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_ne_bytes(a)
}

fn out(m: &mut Message, args: core::fmt::Arguments) {
    let _ = core::fmt::write(m, args);
}

/// Bits by name joined by ` | `, the bits left over in hex (`0xFFFF8000`), `0` for none.
fn bits(m: &mut Message, table: &[Entry], value: u64) -> bool {
    let mut rest = value;
    let mut first = true;
    for e in table {
        let v = e.value as u64;
        if v != 0 && rest & v == v {
            m.text(if first { "" } else { " | " });
            m.text(e.name);
            rest &= !v;
            first = false;
        }
    }
    if rest != 0 {
        m.text(if first { "" } else { " | " });
        out(m, format_args!("0x{rest:X}"));
    } else if first {
        m.text("0");
    }
    true
}

/// The contents of the argument of `request` (named `name`, its type `t` as the table
/// says), written after `data = `; false when there is nothing to show (memory the
/// kernel only fills, memory that cannot be read, a type no printer knows): the caller
/// writes the address.
pub fn write_contents(m: &mut Message, request: i64, name: &str, t: &str, data: i64) -> bool {
    let t = t.strip_prefix("const ").unwrap_or(t);
    let f = ioctl_fields(request);
    // _IOW and _IOWR: the kernel reads; an old number: the requests that set something.
    let reads = if f.size != 0 { f.dir & 1 != 0 } else { legacy_reads(name) };
    if !reads && t != "struct ifreq *" {
        return false;
    }
    match t {
        "struct termios *" => termios(m, data),
        "struct termio *" => termio(m, data),
        "struct termios2 *" => termios2(m, data),
        "struct winsize *" => winsize(m, data),
        "struct ifreq *" => ifreq(m, name, f.dir, data),
        "struct loop_info64 *" => read::<232>(data).is_some_and(|b| {
            loop_info64(m, &b);
            true
        }),
        "struct loop_config *" => loop_config(m, data),
        "long *" | "int *" | "unsigned int *" if name.contains("SETFLAGS") => scalar(m, data, if t == "long *" { 8 } else { 4 }, Some(FS_FLAGS)),
        "int *" if name.starts_with("TIOCM") => scalar(m, data, 4, Some(TIOCM_BITS)),
        "int *" if name == "TIOCSPGRP" => read::<4>(data).is_some_and(|b| {
            m.text("{ ");
            write_pid(m, u32_at(&b, 0) as i32 as i64);
            m.text(" }");
            true
        }),
        "int *" if name == "TIOCSETD" => read::<4>(data).is_some_and(|b| {
            m.text("{ ");
            line_discipline(m, u32_at(&b, 0));
            m.text(" }");
            true
        }),
        "char *" if name == "CDROMSETSPINDOWN" => scalar(m, data, 1, None),
        "char *" if name == "TIOCSTI" => read::<1>(data).is_some_and(|b| {
            out(m, format_args!("{{ {} }}", b[0] as i8));
            true
        }),
        _ => match scalar_size(t) {
            Some(size) => scalar(m, data, size, None),
            None => false,
        },
    }
}

/// Whether an old request number (no direction and size in it) gives the kernel memory
/// to read: those that set something.
fn legacy_reads(name: &str) -> bool {
    name.starts_with("TCSETS")
        || name.starts_with("TCSETA")
        || name == "TIOCSWINSZ"
        || name == "TIOCSPGRP"
        || name == "TIOCSTI"
        || matches!(name, "TIOCMSET" | "TIOCMBIS" | "TIOCMBIC" | "TIOCSETD" | "TIOCPKT" | "TIOCCONS")
        || matches!(name, "FIBMAP" | "BLKSECTSET" | "CDROMSETSPINDOWN" | "SIOCSIFENCAP" | "TIOCSERSWILD" | "TIOCSSOFTCAR")
        || matches!(name, "FIONBIO" | "FIOASYNC" | "FIOSETOWN" | "SIOCSPGRP" | "BLKROSET" | "BLKRASET" | "BLKFRASET")
}

/// The size of a scalar pointee type, for `{ N }`.
fn scalar_size(t: &str) -> Option<usize> {
    match t {
        "int *" | "unsigned int *" | "__u32 *" | "__s32 *" | "uint32_t *" | "int32_t *" | "unsigned *" => Some(4),
        "long *" | "unsigned long *" | "__u64 *" | "__s64 *" | "uint64_t *" | "int64_t *" | "size_t *" | "loff_t *" => Some(8),
        "__u16 *" | "__s16 *" | "short *" | "unsigned short *" => Some(2),
        "__u8 *" | "unsigned char *" => Some(1),
        _ => None,
    }
}

/// One number read from the caller: `{ 42 }`, or its bits by name.
fn scalar(m: &mut Message, data: i64, size: usize, names: Option<&[Entry]>) -> bool {
    let Some(b) = read::<8>(data).or_else(|| read::<4>(data).map(|b| [b[0], b[1], b[2], b[3], 0, 0, 0, 0])) else { return false };
    let (v, signed) = match size {
        1 => (b[0] as u64, b[0] as i8 as i64),
        2 => (u16_at(&b, 0) as u64, u16_at(&b, 0) as i16 as i64),
        4 => (u32_at(&b, 0) as u64, u32_at(&b, 0) as i32 as i64),
        _ => (u64_at(&b, 0), u64_at(&b, 0) as i64),
    };
    if size == 8 && read::<8>(data).is_none() {
        return false;
    }
    m.text("{ ");
    match names {
        Some(table) => {
            bits(m, table, v);
        }
        None => m.number(signed),
    }
    m.text(" }");
    true
}

/// A character of c_cc as C writes it: `'\003'`, `'\v'`, `'x'`.
fn cc_char(m: &mut Message, c: u8) {
    let esc = match c {
        7 => "\\a",
        8 => "\\b",
        9 => "\\t",
        10 => "\\n",
        11 => "\\v",
        12 => "\\f",
        13 => "\\r",
        b'\'' => "\\'",
        b'\\' => "\\\\",
        _ => "",
    };
    if !esc.is_empty() {
        out(m, format_args!("'{esc}'"));
    } else if (0x20..0x7f).contains(&c) {
        out(m, format_args!("'{}'", c as char));
    } else {
        out(m, format_args!("'\\{c:03o}'"));
    }
}

/// The kernel's struct termios (TCSETS): four 32-bit flag words, the line discipline
/// and the control characters that are set (19 slots).
fn termios(m: &mut Message, data: i64) -> bool {
    let Some(b) = read::<36>(data) else { return false };
    let flags = [0, 4, 8, 12].map(|at| u32_at(&b, at));
    settings(m, flags, b[16], &b[17..36], None);
    true
}

/// struct termios2 (TCSETS2): struct termios with the input and output speeds as
/// numbers after it.
fn termios2(m: &mut Message, data: i64) -> bool {
    let Some(b) = read::<44>(data) else { return false };
    let flags = [0, 4, 8, 12].map(|at| u32_at(&b, at));
    settings(m, flags, b[16], &b[17..36], Some((u32_at(&b, 36), u32_at(&b, 40))));
    true
}

/// The older struct termio (TCSETA): the same, in 16-bit flag words with 8 slots.
fn termio(m: &mut Message, data: i64) -> bool {
    let Some(b) = read::<17>(data) else { return false };
    let flags = [0, 2, 4, 6].map(|at| u16_at(&b, at) as u32);
    settings(m, flags, b[8], &b[9..17], None);
    true
}

/// `{ c_iflag = …, c_oflag = …, c_cflag = …, c_lflag = …, c_line = …, c_cc = {…} }`,
/// with termios2's `c_ispeed` and `c_ospeed` last when given.
fn settings(m: &mut Message, [iflag, oflag, cflag_word, lflag]: [u32; 4], line: u8, cc: &[u8], speeds: Option<(u32, u32)>) {
    m.text("{ c_iflag = ");
    bits(m, TERMIOS_IFLAGS, iflag as u64);
    m.text(", c_oflag = ");
    bits(m, TERMIOS_OFLAGS, oflag as u64);
    m.text(", c_cflag = ");
    cflag(m, cflag_word);
    m.text(", c_lflag = ");
    bits(m, TERMIOS_LFLAGS, lflag as u64);
    m.text(", c_line = ");
    line_discipline(m, line as u32);
    m.text(", c_cc = {");
    let mut first = true;
    for (i, &c) in cc.iter().enumerate() {
        if c == 0 {
            continue;
        }
        m.text(if first { "" } else { ", " });
        first = false;
        match CC_NAMES.get(i) {
            Some(n) => m.text(n),
            None => m.number(i as i64),
        }
        m.text(" = ");
        cc_char(m, c);
    }
    m.text("}");
    if let Some((input, output)) = speeds {
        out(m, format_args!(", c_ispeed = {input}, c_ospeed = {output}"));
    }
    m.text(" }");
}

/// c_cflag: the output speed, the input speed when it differs (`(B9600 << IBSHIFT)`),
/// the character size, then the bits.
fn cflag(m: &mut Message, v: u32) {
    const CBAUD: u32 = 0x100F;
    const CSIZE: u32 = 0x30;
    let mut parts = 0;
    let mut sep = |m: &mut Message| {
        if parts > 0 {
            m.text(" | ");
        }
        parts += 1;
    };
    let speed = |m: &mut Message, s: u32| match name_of(TERMIOS_SPEEDS, s as i64) {
        Some(n) => m.text(n),
        None => out(m, format_args!("0x{s:X}")),
    };
    if v & CBAUD != 0 {
        sep(m);
        speed(m, v & CBAUD);
    }
    let input = (v >> 16) & CBAUD;
    if input != 0 {
        sep(m);
        m.text("(");
        speed(m, input);
        m.text(" << IBSHIFT)");
    }
    sep(m);
    out(m, format_args!("CS{}", 5 + ((v & CSIZE) >> 4)));
    let rest = (v & !(CBAUD | CSIZE | (CBAUD << 16))) as u64;
    if rest != 0 {
        m.text(" | ");
        bits(m, TERMIOS_CFLAGS, rest);
    }
}

/// struct winsize (TIOCSWINSZ): the pixel sizes only when set.
fn winsize(m: &mut Message, data: i64) -> bool {
    let Some(b) = read::<8>(data) else { return false };
    out(m, format_args!("{{ ws_row = {}, ws_col = {}", u16_at(&b, 0), u16_at(&b, 2)));
    let (x, y) = (u16_at(&b, 4), u16_at(&b, 6));
    if x != 0 || y != 0 {
        out(m, format_args!(", ws_xpixel = {x}, ws_ypixel = {y}"));
    }
    m.text(" }");
    true
}

/// struct ifreq (netdevice(7), TUNSETIFF): the interface name, then the member of the
/// union the request sets: flags by name, an address, the MTU, the hardware address.
fn ifreq(m: &mut Message, name: &str, dir: u32, data: i64) -> bool {
    let Some(b) = read::<40>(data) else { return false };
    // A request that only fills the struct (TUNGETIFF) shows nothing of it.
    if dir == 2 {
        return false;
    }
    // As libexplain echoes them: the interface index alone (the bridge's port), the
    // timestamping configuration's address alone, and SIOCSIFMTU and SIOCSIFMAP by the
    // struct's address.
    match name {
        "SIOCGIFNAME" | "SIOCBRADDIF" | "SIOCBRDELIF" => {
            out(m, format_args!("{{ ifr_ifindex = {} }}", u32_at(&b, 16) as i32));
            return true;
        }
        "SIOCSHWTSTAMP" => {
            m.text("{ ifr_data = ");
            super::super::write_pointer(m, u64_at(&b, 16) as i64);
            m.text(" }");
            return true;
        }
        "SIOCSIFMTU" | "SIOCSIFMAP" => return false,
        _ => {}
    }
    m.text("{ ifr_name = ");
    interface_name(m, &b[..16]);
    let addr = |m: &mut Message, member: &str| {
        out(m, format_args!(", {member} = "));
        write_sockaddr(m, data + 16, &[]);
    };
    match name {
        "SIOCSIFFLAGS" => {
            m.text(", ifr_flags = ");
            bits(m, IFREQ_FLAGS, u16_at(&b, 16) as u64);
        }
        "TUNSETIFF" => {
            m.text(", ifr_flags = ");
            bits(m, TUN_FLAGS, u16_at(&b, 16) as u64);
        }
        "SIOCSIFADDR" => addr(m, "ifr_addr"),
        "SIOCSIFDSTADDR" => addr(m, "ifr_dstaddr"),
        "SIOCSIFBRDADDR" => addr(m, "ifr_broadaddr"),
        "SIOCSIFNETMASK" => addr(m, "ifr_netmask"),
        "SIOCSIFHWADDR" | "SIOCSIFHWBROADCAST" | "SIOCADDMULTI" | "SIOCDELMULTI" => addr(m, "ifr_hwaddr"),
        "SIOCBONDENSLAVE" | "SIOCBONDRELEASE" | "SIOCBONDSETHWADDR" | "SIOCBONDCHANGEACTIVE" | "SIOCBONDSLAVEINFOQUERY" | "SIOCSIFSLAVE" => {
            m.text(", ifr_slave = ");
            interface_name(m, &b[16..32]);
        }
        "SIOCBONDINFOQUERY" | "SIOCETHTOOL" => {
            m.text(", ifr_data = ");
            super::super::write_pointer(m, u64_at(&b, 16) as i64);
        }
        "SIOCSIFPFLAGS" => {
            m.text(", ifr_flags = ");
            bits(m, IFREQ_FLAGS, u16_at(&b, 16) as u64);
        }
        "SIOCSIFTXQLEN" => out(m, format_args!(", ifr_qlen = {}", u32_at(&b, 16) as i32)),
        "SIOCSIFMETRIC" | "SIOCSIFMEM" => out(m, format_args!(", ifr_metric = {}", u32_at(&b, 16) as i32)),
        "SIOCSIFNAME" => {
            m.text(", ifr_newname = ");
            interface_name(m, &b[16..32]);
        }
        _ => {}
    }
    m.text(" }");
    true
}

/// An interface name of IFNAMSIZ bytes, NUL-terminated unless it fills them, quoted.
fn interface_name(m: &mut Message, field: &[u8]) {
    m.quoted(&field[..field.iter().position(|&c| c == 0).unwrap_or(field.len())]);
}

/// struct loop_info64 (LOOP_SET_STATUS64): where the device's data starts in the file,
/// how much of it, the flags by name and the file's name.
fn loop_info64(m: &mut Message, b: &[u8]) {
    out(m, format_args!("{{ lo_offset = {}, lo_sizelimit = {}, lo_flags = ", u64_at(b, 24), u64_at(b, 32)));
    bits(m, LOOP_FLAGS, u32_at(b, 52) as u64);
    m.text(", lo_file_name = ");
    let n = &b[56..120];
    m.quoted(&n[..n.iter().position(|&c| c == 0).unwrap_or(64)]);
    m.text(" }");
}

/// struct loop_config (LOOP_CONFIGURE): the backing file's descriptor with its path,
/// the block size and the loop_info64.
fn loop_config(m: &mut Message, data: i64) -> bool {
    let Some(b) = read::<240>(data) else { return false };
    m.text("{ fd = ");
    write_fd(m, u32_at(&b, 0) as i32 as i64);
    out(m, format_args!(", block_size = {}, info = ", u32_at(&b, 4)));
    loop_info64(m, &b[8..240]);
    m.text(" }");
    true
}

/// A number passed by value, as the request reads it: a descriptor with its path
/// (FICLONE, LOOP_SET_FD), tcflow's and tcflush's actions by name (TCXONC, TCFLSH).
pub fn write_value(m: &mut Message, name: &str, data: i64) {
    match name {
        "FICLONE" | "LOOP_SET_FD" | "LOOP_CHANGE_FD" => write_fd(m, data),
        "TCXONC" => named_or_number(m, TCFLOW_ACTIONS, data),
        "TCFLSH" => named_or_number(m, TCFLUSH_SELECTORS, data),
        _ => m.number(data),
    }
}

fn named_or_number(m: &mut Message, table: &[Entry], v: i64) {
    match name_of(table, v) {
        Some(n) => m.text(n),
        None => m.number(v),
    }
}
