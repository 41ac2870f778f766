//! The vector of readv(2) and writev(2): each `struct iovec` copied from the caller's
//! memory without trusting the pointer, then each buffer checked like read's.

use super::io::{buffer, Memory};
use crate::sys;

/// The most elements one call takes (IOV_MAX, UIO_MAXIOV in the kernel).
pub const IOV_MAX: i32 = 1024;

/// What is wrong with the vector, in the order the kernel checks it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Iov {
    /// Every element can be read and every buffer reached; `total` is the sum of the lengths.
    Fine { total: u128 },
    /// The array itself: element `index` (at `at`) cannot be read.
    ArrayUnreadable { index: usize, at: usize },
    /// Element `index` has a length above SSIZE_MAX; `total` is the sum up to it.
    TooLong { index: usize, len: u64, total: u128 },
    /// Element `index`'s buffer is not accessible at address `at`.
    BadBuffer { index: usize, base: usize, len: usize, at: usize },
}

/// Reads element `i` of the vector at `addr`: (iov_base, iov_len).
pub fn element(addr: usize, i: usize) -> Option<(usize, u64)> {
    let mut b = [0u8; 16];
    let at = addr.checked_add(i * 16)?;
    if sys::read_memory(at, &mut b) != 16 {
        return None;
    }
    let base = u64::from_ne_bytes(b[..8].try_into().ok()?) as usize;
    let len = u64::from_ne_bytes(b[8..].try_into().ok()?);
    Some((base, len))
}

/// Checks the `count` elements at `addr`; `store` when the call writes into the buffers
/// (readv), else it reads from them (writev). `count` must be within 0..=IOV_MAX.
pub fn check(addr: usize, count: i32, store: bool) -> Iov {
    let n = count.clamp(0, IOV_MAX) as usize;
    let mut total: u128 = 0;
    // The kernel copies the whole array first, then checks the lengths.
    for i in 0..n {
        if element(addr, i).is_none() {
            return Iov::ArrayUnreadable { index: i, at: addr.wrapping_add(i * 16) };
        }
    }
    for i in 0..n {
        let Some((_, len)) = element(addr, i) else { continue };
        total += len as u128;
        if len > isize::MAX as u64 {
            return Iov::TooLong { index: i, len, total };
        }
    }
    for i in 0..n {
        let Some((base, len)) = element(addr, i) else { continue };
        if len == 0 {
            continue;
        }
        if let Memory::BadAt(at) = buffer(base, len as usize, store) {
            return Iov::BadBuffer { index: i, base, len: len as usize, at };
        }
    }
    Iov::Fine { total }
}

/// The first element with a non-empty buffer, as (base, total length), for the
/// diagnoses shared with read(2) and write(2).
pub fn first_buffer(addr: usize, count: i32) -> (usize, usize) {
    let n = count.clamp(0, IOV_MAX) as usize;
    let mut first = None;
    let mut total: usize = 0;
    for i in 0..n {
        let Some((base, len)) = element(addr, i) else { break };
        if len > 0 && first.is_none() {
            first = Some(base);
        }
        total = total.saturating_add(len as usize);
    }
    (first.unwrap_or(0), total)
}
