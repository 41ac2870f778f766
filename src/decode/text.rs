//! A C string argument, copied out of the caller's memory without trusting the pointer.

use crate::sys;
use core::mem::MaybeUninit;

/// Longer than PATH_MAX, so a too-long path is still seen whole enough to report.
const CAP: usize = 4096 + 64;
/// Beyond this a string's length is reported as "at least".
const MEASURE_LIMIT: usize = 1 << 20;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextState {
    Null,
    /// The pointer does not point at readable memory (EFAULT).
    Unreadable,
    Ok,
}

pub struct Text {
    /// `bytes[..copied]` are written; the rest stays uninitialised (never zeroed: a
    /// Text is built for every string argument of every explanation).
    bytes: MaybeUninit<[u8; CAP]>,
    /// Bytes copied into `bytes`.
    copied: usize,
    /// The string's full length (up to MEASURE_LIMIT).
    pub len: usize,
    pub addr: usize,
    pub state: TextState,
}

impl Text {
    /// Copies the NUL-terminated string at `addr`, page by page, asking the kernel
    /// first whether each page may be read: an invalid pointer yields `Unreadable`,
    /// never a fault.
    pub fn copy(addr: usize) -> Text {
        let mut slot = MaybeUninit::uninit();
        Text::copy_into(&mut slot, addr);
        // SAFETY: copy_into initialised it.
        unsafe { slot.assume_init() }
    }

    /// `copy`, built in a slot the caller holds: returning the 4 KiB Text by value
    /// costs a memcpy of all of it, and the generated C functions copy a string on
    /// every explanation.
    pub fn copy_into(slot: &mut MaybeUninit<Text>, addr: usize) -> &Text {
        let t = Text::init(slot, 0, addr, TextState::Null);
        if addr == 0 {
            return t;
        }
        let seen = sys::read_c_string(addr, MEASURE_LIMIT, |piece| {
            let n = piece.len().min(CAP - t.copied);
            t.append(&piece[..n]);
        });
        match seen {
            Some(len) => {
                t.len = len;
                t.state = TextState::Ok;
            }
            None => t.state = TextState::Unreadable,
        }
        t
    }

    /// A Text with nothing copied yet, in `slot`. Written field by field: a struct
    /// literal with an uninitialised array lets LLVM turn it into a zeroing memset (see
    /// sys::CPath::new).
    fn init(slot: &mut MaybeUninit<Text>, len: usize, addr: usize, state: TextState) -> &mut Text {
        let p = slot.as_mut_ptr();
        // SAFETY: every field but `bytes` (which may stay uninitialised) is written.
        unsafe {
            core::ptr::addr_of_mut!((*p).copied).write(0);
            core::ptr::addr_of_mut!((*p).len).write(len);
            core::ptr::addr_of_mut!((*p).addr).write(addr);
            core::ptr::addr_of_mut!((*p).state).write(state);
            slot.assume_init_mut()
        }
    }

    /// A Text from bytes the library already holds (tests, the explain command).
    pub fn from_bytes(b: &[u8]) -> Text {
        let mut slot = MaybeUninit::uninit();
        Text::init(&mut slot, b.len(), 1, TextState::Ok).append(&b[..b.len().min(CAP)]);
        // SAFETY: init initialised it.
        unsafe { slot.assume_init() }
    }

    /// The bytes that were copied (all of them unless the string is longer than CAP).
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: the first `copied` bytes were written by `append`.
        unsafe { core::slice::from_raw_parts(self.bytes.as_ptr() as *const u8, self.copied) }
    }

    /// Appends bytes that the caller made sure fit.
    fn append(&mut self, b: &[u8]) {
        assert!(self.copied + b.len() <= CAP);
        // SAFETY: checked to fit.
        unsafe { core::ptr::copy_nonoverlapping(b.as_ptr(), (self.bytes.as_mut_ptr() as *mut u8).add(self.copied), b.len()) };
        self.copied += b.len();
    }

    /// Whether all of the string was copied.
    pub fn complete(&self) -> bool {
        self.copied == self.len
    }

    pub fn is_ok(&self) -> bool {
        self.state == TextState::Ok
    }
}
