//! A small, bounded cache of directory listings for the nearest-name search, so that a
//! daemon explaining the same missing path again and again (a log storm) does not read
//! the same directory every time.
//!
//! A listing is kept for one version of its directory (file_version: identity and
//! change times; an entry added, removed or renamed moves st_mtime), and only once the
//! directory has settled.
//!
//! Memory is fixed: `SLOTS` slots of `SLOT_BYTES` each, in static storage (no heap);
//! a larger directory is never cached. Each slot has its own lock, held only to search a
//! held listing (no I/O) or to copy a fresh one in; a contended insert is skipped.

use super::file_version::FileVersion;
use crate::sys::{self, Stat};
use std::sync::RwLock;

/// Directories held at once (chosen by a hash of dev and inode).
pub const SLOTS: usize = 8;
/// Bytes of packed names (length, d_type, name) a slot holds.
pub const SLOT_BYTES: usize = 32 * 1024;

/// The slot of a directory: a hash of its dev and inode.
fn slot(v: &FileVersion) -> usize {
    let h = (v.dev ^ v.ino.rotate_left(17)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 32) as usize % SLOTS
}

/// Names packed as [len, d_type, bytes…], in the order getdents returned them.
pub struct Packed {
    /// `buf[..len]` is written; the rest is never zeroed (32 KiB on every uncached
    /// search otherwise).
    buf: core::mem::MaybeUninit<[u8; SLOT_BYTES]>,
    len: usize,
    overflow: bool,
}

impl Packed {
    pub fn new() -> Packed {
        // Field by field: see sys::CPath::new for why not a struct literal.
        let mut p = core::mem::MaybeUninit::<Packed>::uninit();
        let q = p.as_mut_ptr();
        // SAFETY: `buf` may stay uninitialised; the other fields are written.
        unsafe {
            core::ptr::addr_of_mut!((*q).len).write(0);
            core::ptr::addr_of_mut!((*q).overflow).write(false);
            p.assume_init()
        }
    }

    /// The packed entries.
    fn bytes(&self) -> &[u8] {
        // SAFETY: the first `len` bytes were written by `push`.
        unsafe { core::slice::from_raw_parts(self.buf.as_ptr() as *const u8, self.len) }
    }

    /// Adds one entry; a listing that does not fit is marked and will not be cached.
    pub fn push(&mut self, name: &[u8], kind: u8) {
        if self.overflow || name.len() > 255 || self.len + 2 + name.len() > SLOT_BYTES {
            self.overflow = true;
            return;
        }
        // SAFETY: checked above to fit within SLOT_BYTES.
        unsafe {
            let at = (self.buf.as_mut_ptr() as *mut u8).add(self.len);
            *at = name.len() as u8;
            *at.add(1) = kind;
            core::ptr::copy_nonoverlapping(name.as_ptr(), at.add(2), name.len());
        }
        self.len += 2 + name.len();
    }

    pub fn fits(&self) -> bool {
        !self.overflow
    }
}

impl Default for Packed {
    fn default() -> Self {
        Packed::new()
    }
}

/// Calls `f(name, d_type)` for each packed entry until it returns false.
fn each(packed: &[u8], mut f: impl FnMut(&[u8], u8) -> bool) {
    let mut off = 0;
    while off + 2 <= packed.len() {
        let n = packed[off] as usize;
        let Some(name) = packed.get(off + 2..off + 2 + n) else { return };
        if !f(name, packed[off + 1]) {
            return;
        }
        off += 2 + n;
    }
}

struct Slot {
    valid: bool,
    key: FileVersion,
    len: usize,
    names: [u8; SLOT_BYTES],
}

#[allow(clippy::declare_interior_mutable_const)]
// All zero, so the slots live in .bss and cost the library no size.
const EMPTY: RwLock<Slot> =
    RwLock::new(Slot { valid: false, key: FileVersion::NONE, len: 0, names: [0; SLOT_BYTES] });
static CACHE: [RwLock<Slot>; SLOTS] = [EMPTY; SLOTS];

/// Runs `f(name, d_type)` over the held listing of the directory whose current status is
/// `st`; false when none is held for exactly that identity and those times.
pub fn each_cached(st: &Stat, f: impl FnMut(&[u8], u8) -> bool) -> bool {
    let key = FileVersion::of(st);
    let lock = &CACHE[slot(&key)];
    let Ok(slot) = lock.read() else { return false };
    let _shown = sys::valgrind::LockShown::taken(lock);
    if !slot.valid || slot.key != key {
        return false;
    }
    each(&slot.names[..slot.len], f);
    true
}

/// Keeps `packed`, the complete listing of the directory whose status was `st` before
/// it was read at `read_at` (from file_version::now_ns), if it fits and the directory had settled.
pub fn insert(st: &Stat, read_at: Option<i128>, packed: &Packed) {
    let key = FileVersion::of(st);
    if !packed.fits() || !key.settled_at(read_at) {
        return;
    }
    let lock = &CACHE[slot(&key)];
    let Ok(mut slot) = lock.try_write() else { return };
    let _shown = sys::valgrind::LockShown::taken(lock);
    slot.valid = false;
    slot.names[..packed.len].copy_from_slice(packed.bytes());
    slot.len = packed.len;
    slot.key = key;
    slot.valid = true;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_names_come_back_in_order() {
        let mut p = Packed::new();
        p.push(b"a", 8);
        p.push(b"bcd", 4);
        let mut seen = Vec::new();
        each(p.bytes(), |n, k| {
            seen.push((n.to_vec(), k));
            true
        });
        assert_eq!(seen, vec![(b"a".to_vec(), 8), (b"bcd".to_vec(), 4)]);
    }

    #[test]
    fn a_listing_too_large_does_not_fit() {
        let mut p = Packed::new();
        for _ in 0..SLOT_BYTES / 200 + 1 {
            p.push(&[b'x'; 198], 8);
        }
        assert!(!p.fits());
    }
}
