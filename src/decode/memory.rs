//! Memory arguments: sizes with human units, mmap(2)'s protection and flags, shmat(2)'s
//! flags and shmctl(2)'s commands, each by name from its generated table.

use super::symbols::write_flags;
use super::Entry;
use crate::message::Message;

/// mmap(2) protection bits (generated from mmap_prot.in).
pub static MMAP_PROT: &[Entry] = include!(concat!(env!("OUT_DIR"), "/mmap_prot.rs"));
/// mmap(2) mapping types, the MAP_TYPE bits of flags (generated from mmap_types.in).
pub static MMAP_TYPES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/mmap_types.rs"));
/// mmap(2) flags after the type (generated from mmap_flags.in).
pub static MMAP_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/mmap_flags.rs"));
/// shmat(2) flags (generated from shmat_flags.in).
pub static SHMAT_FLAGS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/shmat_flags.rs"));
/// shmctl(2) commands (generated from shmctl_cmds.in).
pub static SHMCTL_COMMANDS: &[Entry] = include!(concat!(env!("OUT_DIR"), "/shmctl_cmds.rs"));

/// The bits of mmap's flags that hold the mapping type.
pub const MAP_TYPE: i64 = 0x0f;

/// ` (1.5 GiB)`: a byte count in the largest binary unit under which it is at least 1,
/// with one decimal; nothing under 1 KiB. Written digit by digit: no heap.
pub fn write_human_size(m: &mut Message, bytes: u64) {
    const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    if bytes < 1024 {
        return;
    }
    let mut unit = 0;
    let mut whole = bytes >> 10;
    let mut scale = 10u32;
    while whole >= 1024 && unit + 1 < UNITS.len() {
        unit += 1;
        whole >>= 10;
        scale += 10;
    }
    // Tenths, rounded down, from the bits below the unit.
    let rest = bytes as u128 & ((1u128 << scale) - 1);
    let tenth = (rest * 10 >> scale) as u64;
    m.text(" (");
    m.unsigned(whole);
    if tenth != 0 {
        m.text(".");
        m.unsigned(tenth);
    }
    m.text(" ");
    m.text(UNITS[unit]);
    m.text(")");
}

/// A size in bytes, with its human units when at least 1 KiB: `3221225472 (3 GiB)`.
/// A size in bytes as libexplain echoes it: the number alone (the explanation may give
/// it in KiB, MiB…).
pub fn write_mem_size(m: &mut Message, n: i64) {
    m.unsigned(n as u64);
}

/// `PROT_READ | PROT_WRITE`; `0` for none (PROT_NONE), as libexplain writes it.
pub fn write_prot(m: &mut Message, prot: i64) {
    write_flags(m, prot as i32 as i64, MMAP_PROT, "0");
}

/// The name of mmap's mapping type in `flags`, if it has one.
pub fn map_type_name(flags: i64) -> Option<&'static str> {
    MMAP_TYPES.iter().find(|e| e.value == flags & MAP_TYPE).map(|e| e.name)
}

/// `MAP_SHARED|MAP_FIXED`: the mapping type first, then the other flags.
pub fn write_map_flags(m: &mut Message, flags: i64) {
    let flags = flags as i32 as i64;
    let rest = flags & !MAP_TYPE;
    match map_type_name(flags) {
        Some(t) => m.text(t),
        None => {
            m.hex((flags & MAP_TYPE) as u64);
        }
    }
    if rest != 0 {
        m.text(" | ");
        write_flags(m, rest, MMAP_FLAGS, "0");
    }
}

/// `SHM_RDONLY | SHM_RND`; `0000` for none, as libexplain writes it.
pub fn write_shmat_flags(m: &mut Message, flags: i64) {
    write_flags(m, flags as i32 as i64, SHMAT_FLAGS, "0000");
}

/// The name of a shmctl(2) command, if it has one.
pub fn shmctl_command_name(cmd: i64) -> Option<&'static str> {
    super::name_of(SHMCTL_COMMANDS, cmd)
}

/// `IPC_STAT`; the number when it names nothing.
pub fn write_shmctl_cmd(m: &mut Message, cmd: i64) {
    super::fdio::named(m, SHMCTL_COMMANDS, cmd as i32 as i64);
}
