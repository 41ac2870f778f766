//! The echo of the descriptor and I/O arguments: fcntl commands and their argument (a
//! `struct flock` printed as strace does), flock operations, lseek's whence, pipe2 flags.

use super::{write_open_flags, write_pointer, Entry};
use crate::message::Message;
use crate::probe::locks::{read_lock, Lock};

/// fcntl(2) commands (generated from fcntl_commands.in).
pub static FCNTL_COMMANDS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/fcntl_commands.rs"));
/// flock(2) operations (flock_ops.in).
pub static FLOCK_OPS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/flock_ops.rs"));
/// lseek(2) whence (whence.in).
pub static WHENCE: &[Entry] = include!(concat!(env!("OUT_DIR"), "/whence.rs"));
/// pipe2(2) flags (pipe_flags.in).
pub static PIPE_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/pipe_flags.rs"));
/// memfd seals (seals.in).
pub static SEALS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/seals.rs"));
use super::stream::SIGNALS;

/// The name of `value` in `table`, if it has one.
pub fn name_of(table: &[Entry], value: i64) -> Option<&'static str> {
    table.iter().find(|e| e.value == value).map(|e| e.name)
}

/// A value printed by name, or as a number when it has none.
pub(super) fn named(m: &mut Message, table: &[Entry], value: i64) {
    write_name_or_number(m, name_of(table, value), value);
}

/// `name` when the value has one (found however the caller's table wants), else `value`.
pub(super) fn write_name_or_number(m: &mut Message, name: Option<&str>, value: i64) {
    match name {
        Some(n) => m.text(n),
        None => m.number(value),
    }
}

/// Bits printed as names joined by ` | `, leftover bits in hex, `0` when none is set.
pub fn write_bits(m: &mut Message, table: &[Entry], value: i64) {
    let mut rest = value;
    let mut first = true;
    for e in table {
        if e.value != 0 && rest & e.value == e.value {
            m.text(if first { "" } else { " | " });
            m.text(e.name);
            rest &= !e.value;
            first = false;
        }
    }
    match (rest, first) {
        (0, true) => m.text("0"),
        (0, false) => {}
        (_, true) => {
            let _ = core::fmt::write(m, format_args!("{rest:#x}"));
        }
        (_, false) => {
            let _ = core::fmt::write(m, format_args!(" | {rest:#x}"));
        }
    }
}

pub fn write_fcntl_cmd(m: &mut Message, cmd: i64) {
    named(m, FCNTL_COMMANDS, cmd);
}

pub fn write_whence(m: &mut Message, whence: i64) {
    named(m, WHENCE, whence);
}

/// pipe2's flags, written as open flags (`O_RDONLY | O_CLOEXEC`), as libexplain does.
pub fn write_pipe_flags(m: &mut Message, flags: i64) {
    write_open_flags(m, flags as i32);
}

/// `LOCK_EX|LOCK_NB`: the operation by name (LOCK_SH, LOCK_EX and LOCK_UN are values,
/// not bits, but each is a single bit), then LOCK_NB.
pub fn write_flock_op(m: &mut Message, op: i64) {
    write_bits(m, FLOCK_OPS, op as i32 as i64);
}

/// The commands that take a `struct flock *`.
pub fn is_lock_command(cmd: i32) -> bool {
    matches!(
        cmd,
        libc::F_GETLK | libc::F_SETLK | libc::F_SETLKW | libc::F_OFD_GETLK | libc::F_OFD_SETLK | libc::F_OFD_SETLKW
    )
}

/// Whether fcntl reads its third argument for `cmd` (strace leaves it out otherwise).
pub fn fcntl_takes_arg(cmd: i32) -> bool {
    !matches!(
        cmd,
        libc::F_GETFD | libc::F_GETFL | libc::F_GETOWN | 11 /* F_GETSIG */ | libc::F_GETLEASE | libc::F_GETPIPE_SZ | libc::F_GET_SEALS
    )
}

/// A lock type by name: F_RDLCK, F_WRLCK, F_UNLCK.
pub fn lock_type_name(t: i32) -> Option<&'static str> {
    match t {
        libc::F_RDLCK => Some("F_RDLCK"),
        libc::F_WRLCK => Some("F_WRLCK"),
        libc::F_UNLCK => Some("F_UNLCK"),
        _ => None,
    }
}

/// `{ l_type = F_WRLCK, l_whence = SEEK_SET, l_start = 0, l_len = 0, l_pid = 0 }`, field
/// by field as libexplain writes it, read from the caller's memory without trusting the
/// pointer; the bare address when it cannot be read.
pub fn write_flock(m: &mut Message, addr: i64) {
    let Some(l) = read_lock(addr as usize) else { return write_pointer(m, addr) };
    write_lock(m, &l);
}

pub fn write_lock(m: &mut Message, l: &Lock) {
    m.text("{ l_type = ");
    write_name_or_number(m, lock_type_name(l.kind as i32), l.kind as i64);
    m.text(", l_whence = ");
    write_whence(m, l.whence as i64);
    let _ = core::fmt::write(m, format_args!(", l_start = {}, l_len = {}, l_pid = {} }}", l.start, l.len, l.pid));
}

/// fcntl's third argument, as its command gives it meaning, in libexplain's notation:
/// F_SETFD's 0, 1 and 2 by the access-mode names libexplain gives them (`O_WRONLY` for
/// FD_CLOEXEC), F_SETSIG's signal by name, F_SETOWN's process with its command name,
/// F_SETLEASE's lock type and F_NOTIFY's bits as numbers.
pub fn write_fcntl_arg(m: &mut Message, cmd: i32, arg: i64) {
    match cmd {
        c if is_lock_command(c) => write_flock(m, arg),
        libc::F_SETFD if (0..=2).contains(&arg) => m.text(super::access_mode_name(arg as i32)),
        libc::F_SETFL => write_open_flags(m, arg as i32),
        libc::F_ADD_SEALS => write_bits(m, SEALS, arg as i32 as i64),
        10 /* F_SETSIG */ => named(m, SIGNALS, arg),
        libc::F_SETOWN if arg > 0 && arg <= i32::MAX as i64 => crate::message::prose::ids::process(m, arg as i32),
        // Pointers to a struct f_owner_ex or a u64 write hint.
        15 | 16 | 1035..=1038 => write_pointer(m, arg),
        libc::F_NOTIFY => m.number(arg),
        _ => m.number(arg as i32 as i64),
    }
}

/// An iovec array as libexplain writes it, element by element without the data:
/// `{ 0x00001000, 2 }` for one, `{{ 0x00001000, 2 }, { 0x00002000, 3 }}` for more; read
/// from the caller's memory without trusting the pointer; the bare address when the
/// array cannot be read, or when `count` is out of range.
pub fn write_iovec(m: &mut Message, addr: usize, count: i64) {
    let n = count.clamp(0, crate::probe::iov::IOV_MAX as i64) as usize;
    if addr == 0 || n == 0 || count != n as i64 || (0..n).any(|i| crate::probe::iov::element(addr, i).is_none()) {
        return write_pointer(m, addr as i64);
    }
    if n > 1 {
        m.text("{");
    }
    for i in 0..n {
        let Some((base, len)) = crate::probe::iov::element(addr, i) else { break };
        m.text(if i == 0 { "{ " } else { ", { " });
        write_pointer(m, base as i64);
        let _ = core::fmt::write(m, format_args!(", {len} }}"));
    }
    if n > 1 {
        m.text("}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::message::written as echo;

    #[test]
    fn prints_commands_operations_and_flags_by_name() {
        assert_eq!(echo(|m| write_fcntl_cmd(m, libc::F_OFD_SETLKW as i64)), "F_OFD_SETLKW");
        assert_eq!(echo(|m| write_fcntl_cmd(m, 10)), "F_SETSIG");
        assert_eq!(echo(|m| write_fcntl_cmd(m, 9999)), "9999");
        assert_eq!(echo(|m| write_flock_op(m, (libc::LOCK_EX | libc::LOCK_NB) as i64)), "LOCK_EX | LOCK_NB");
        assert_eq!(echo(|m| write_flock_op(m, 0)), "0");
        assert_eq!(echo(|m| write_pipe_flags(m, (libc::O_NONBLOCK | 0x4) as i64)), "O_RDONLY | O_NONBLOCK | 04");
        assert_eq!(echo(|m| write_whence(m, libc::SEEK_HOLE as i64)), "SEEK_HOLE");
        assert_eq!(echo(|m| write_fcntl_arg(m, libc::F_SETFD, libc::FD_CLOEXEC as i64)), "O_WRONLY");
        assert_eq!(echo(|m| write_fcntl_arg(m, 10, libc::SIGHUP as i64)), "SIGHUP");
        assert_eq!(echo(|m| write_fcntl_arg(m, libc::F_ADD_SEALS, (libc::F_SEAL_GROW | libc::F_SEAL_SHRINK) as i64)), "F_SEAL_SHRINK | F_SEAL_GROW");
        assert_eq!(echo(|m| write_fcntl_arg(m, libc::F_SETLK, 0x10)), "0x00000010");
        let l = libc::flock { l_type: libc::F_RDLCK as i16, l_whence: libc::SEEK_CUR as i16, l_start: 4, l_len: 0, l_pid: 0 };
        assert_eq!(
            echo(|m| write_fcntl_arg(m, libc::F_SETLKW, &l as *const libc::flock as i64)),
            "{ l_type = F_RDLCK, l_whence = SEEK_CUR, l_start = 4, l_len = 0, l_pid = 0 }"
        );
        assert!(!fcntl_takes_arg(libc::F_GETFL) && fcntl_takes_arg(libc::F_SETFL));
    }
}
