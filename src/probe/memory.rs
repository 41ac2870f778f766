//! Whether the caller's memory can take what a call writes into it (EFAULT for an
//! output buffer), from /proc/self/maps: nothing is read or written at the address.

use super::lines::for_each_line;

/// How `len` bytes at `addr` are mapped.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mapping {
    /// Every byte is in a writable mapping.
    Writable,
    /// Every byte is mapped, but some of it is read-only (string constants, code).
    ReadOnly,
    /// Some byte is in no mapping at all (NULL, small integers, freed memory).
    Unmapped,
    /// /proc/self/maps could not be read (no descriptor left, /proc not mounted).
    Unknown,
}

fn hex(b: &[u8]) -> Option<u64> {
    u64::from_str_radix(core::str::from_utf8(b).ok()?, 16).ok()
}

/// How the range `addr .. addr + len` (at least one byte) is mapped.
pub fn mapping(addr: usize, len: usize) -> Mapping {
    if addr == 0 {
        return Mapping::Unmapped;
    }
    let start = addr as u64;
    let end = start.saturating_add(len.max(1) as u64);
    // The mappings are listed in address order: advance `covered` through them.
    let mut covered = start;
    let mut read_only = false;
    let read = for_each_line(b"/proc/self/maps", |line| {
        let mut f = line.split(|&c| c == b' ');
        let (Some(range), Some(perms)) = (f.next(), f.next()) else { return true };
        let mut r = range.split(|&c| c == b'-');
        let (Some(lo), Some(hi)) = (r.next().and_then(hex), r.next().and_then(hex)) else { return true };
        if hi <= covered {
            return true;
        }
        if lo > covered {
            return false; // a hole before the rest of the range
        }
        if perms.get(1) != Some(&b'w') {
            read_only = true;
        }
        covered = hi;
        covered < end
    });
    match read {
        Err(_) => Mapping::Unknown,
        Ok(()) if covered < end => Mapping::Unmapped,
        Ok(()) if read_only => Mapping::ReadOnly,
        Ok(()) => Mapping::Writable,
    }
}
