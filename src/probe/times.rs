//! The time arguments of utime(2), utimes(2) and utimensat(2), read from the caller's
//! memory without faulting (crate::sys::read_memory), and the kernel's rules about them.

use crate::sys;

/// How a call's time argument is laid out in memory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    /// `struct utimbuf { time_t actime, modtime; }`: whole seconds.
    Utimbuf,
    /// `struct timeval[2]`: seconds and microseconds.
    Timeval,
    /// `struct timespec[2]`: seconds and nanoseconds, or UTIME_NOW / UTIME_OMIT.
    Timespec,
}

impl Layout {
    /// Bytes the call reads at the address.
    pub fn size(self) -> usize {
        match self {
            Layout::Utimbuf => 16,
            Layout::Timeval | Layout::Timespec => 32,
        }
    }

    /// The stamp asks for the current time (UTIME_NOW, in a timespec only).
    pub fn is_now(self, s: &Stamp) -> bool {
        self == Layout::Timespec && s.frac == libc::UTIME_NOW
    }

    /// The stamp leaves its time as it is (UTIME_OMIT, in a timespec only).
    pub fn is_omit(self, s: &Stamp) -> bool {
        self == Layout::Timespec && s.frac == libc::UTIME_OMIT
    }

    /// The largest valid fraction of a second, in the layout's unit.
    pub fn max_fraction(self) -> i64 {
        match self {
            Layout::Utimbuf => 0,
            Layout::Timeval => 999_999,
            Layout::Timespec => 999_999_999,
        }
    }
}

/// One of the two times: access (0) or modification (1); its fraction is in
/// microseconds (Timeval), nanoseconds (Timespec) or 0 (Utimbuf).
pub use super::clock::Stamp;

/// The times argument as the call saw it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Times {
    /// NULL: set both times to the current time.
    Null,
    /// Not readable: the call fails with EFAULT.
    Unreadable { addr: usize, len: usize },
    Given { addr: usize, layout: Layout, stamps: [Stamp; 2] },
}

/// The names of the two times, as the man pages call them.
pub const WHICH: [&str; 2] = ["access time", "modification time"];

impl Times {
    /// Reads the argument at `addr` laid out as `layout`.
    pub fn read(addr: usize, layout: Layout) -> Times {
        if addr == 0 {
            return Times::Null;
        }
        let mut buf = [0u8; 32];
        let len = layout.size();
        if sys::read_memory(addr, &mut buf[..len]) != len {
            return Times::Unreadable { addr, len };
        }
        let word = |i: usize| i64::from_ne_bytes(buf[i * 8..i * 8 + 8].try_into().unwrap_or([0; 8]));
        let stamps = match layout {
            Layout::Utimbuf => [Stamp { sec: word(0), frac: 0 }, Stamp { sec: word(1), frac: 0 }],
            _ => [Stamp { sec: word(0), frac: word(1) }, Stamp { sec: word(2), frac: word(3) }],
        };
        Times::Given { addr, layout, stamps }
    }

    /// Both times become the current time (times NULL, or both UTIME_NOW): the kernel
    /// then allows the owner, or anyone with write permission.
    pub fn is_touch(&self) -> bool {
        match self {
            Times::Null => true,
            Times::Given { layout, stamps, .. } => stamps.iter().all(|s| layout.is_now(s)),
            Times::Unreadable { .. } => false,
        }
    }

    /// The first time whose fraction of a second is out of range, with its index.
    pub fn invalid(&self) -> Option<(usize, Stamp)> {
        let Times::Given { layout, stamps, .. } = self else { return None };
        stamps.iter().enumerate().find_map(|(i, s)| {
            let bad = (s.frac < 0 || s.frac > layout.max_fraction()) && !layout.is_now(s) && !layout.is_omit(s);
            bad.then_some((i, *s))
        })
    }
}
