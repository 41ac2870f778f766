//! The locale's part in a failure: which wide character of a printf argument has no
//! multibyte form in the thread's LC_CTYPE (EILSEQ), the locale names and character
//! set, and where a string stops being valid in that character set (strcoll's EINVAL).

use crate::decode::format::{Items, Shown};
use crate::sys::locale;

/// The locale a category uses, as facts: its name and the LC_CTYPE character set.
pub struct Locale {
    pub name: &'static [u8],
    pub codeset: &'static [u8],
}

pub fn of(category: i32) -> Locale {
    Locale { name: locale::name(category), codeset: locale::codeset() }
}

/// A wide character of the arguments that cannot be converted.
pub struct Unconvertible {
    pub wc: u32,
    /// The argument's place among the variadic arguments, from 1.
    pub position: usize,
    /// The conversion: `c` for %lc and %C, `s` for %ls and %S.
    pub conv: u8,
    /// For a string, the index of the character in it.
    pub index: Option<usize>,
}

/// Wide strings are looked at up to this many characters.
const WIDE_LIMIT: usize = 4096;

/// The first wide character among `items` (%lc, %ls) that the thread's LC_CTYPE cannot
/// represent.
pub fn unconvertible(items: &Items) -> Option<Unconvertible> {
    for it in items.as_slice().iter().filter(|i| i.wide) {
        match it.shown {
            Shown::Wide(wc) if !locale::representable(wc) => {
                return Some(Unconvertible { wc, position: it.position, conv: b'c', index: None })
            }
            Shown::Pointer(addr) if addr != 0 => {
                if let Some((index, wc)) = first_unrepresentable(addr) {
                    return Some(Unconvertible { wc, position: it.position, conv: b's', index: Some(index) });
                }
            }
            _ => {}
        }
    }
    None
}

/// The first character of the wide string at `addr` without a multibyte form.
fn first_unrepresentable(addr: usize) -> Option<(usize, u32)> {
    let mut chunk = [0u8; 256];
    let mut index = 0;
    while index < WIDE_LIMIT {
        let at = addr.checked_add(index * 4)?;
        let got = crate::sys::read_memory(at, &mut chunk) / 4;
        if got == 0 {
            return None;
        }
        for c in chunk[..got * 4].chunks_exact(4) {
            let wc = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
            if wc == 0 {
                return None;
            }
            if !locale::representable(wc) {
                return Some((index, wc));
            }
            index += 1;
        }
    }
    None
}

/// Where `b` stops being valid text in a character set: the offset of the first byte
/// that is not, for UTF-8 (a broken sequence) and for the 7-bit ASCII of the "C"
/// locale (a byte of 0x80 or more). None for other character sets, or valid text.
pub fn invalid_at(b: &[u8], codeset: &[u8]) -> Option<usize> {
    if codeset.eq_ignore_ascii_case(b"UTF-8") {
        return core::str::from_utf8(b).err().map(|e| e.valid_up_to());
    }
    if codeset == b"ANSI_X3.4-1968" {
        return b.iter().position(|&c| c >= 0x80);
    }
    None
}
