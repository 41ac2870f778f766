//! The character sets iconv_open(3) knows: glibc's built-in ones (charsets_builtin.in)
//! and those its gconv-modules files declare (`alias NAME// TARGET//`, `module FROM//
//! TO// FILE COST`) in the gconv directory. Names are compared as glibc compares them:
//! the part before any `/` (`UTF-8//TRANSLIT` is UTF-8), upper case, keeping only
//! letters, digits and `_-.,:`. Read line by line without the heap.

use super::lines::for_each_line;
use super::suggest::distance;
use crate::sys::{self, CPath};

static BUILTIN: &str = include_str!("charsets_builtin.in");

/// Where glibc looks for its modules, the first that exists (Debian's multiarch
/// directory first).
const GCONV_DIRS: &[&[u8]] = &[b"/usr/lib/x86_64-linux-gnu/gconv", b"/usr/lib/aarch64-linux-gnu/gconv", b"/usr/lib64/gconv", b"/usr/lib/gconv"];

/// A character set name as glibc compares it, in a fixed buffer.
#[derive(Clone, Copy)]
pub struct Name {
    bytes: [u8; 64],
    len: usize,
}

impl Name {
    /// `raw` normalised: None when it is longer than any character set name.
    pub fn new(raw: &[u8]) -> Option<Name> {
        let mut n = Name { bytes: [0; 64], len: 0 };
        for &c in raw.iter().take_while(|&&c| c != b'/') {
            if c.is_ascii_alphanumeric() || b"_-.,:".contains(&c) {
                *n.bytes.get_mut(n.len)? = c.to_ascii_uppercase();
                n.len += 1;
            }
        }
        Some(n)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// What is known of one name given to iconv_open.
pub struct Lookup {
    /// glibc knows the name (or it is empty: the locale's character set).
    pub known: bool,
    /// The nearest known name, when the name is not known and one is close.
    pub nearest: Option<Name>,
    /// The gconv directory read, when one was found.
    pub dir: Option<&'static [u8]>,
}

/// Looks `raw` up among the known character sets.
pub fn lookup(raw: &[u8]) -> Lookup {
    let dir = gconv_dir();
    let Some(want) = Name::new(raw) else {
        return Lookup { known: false, nearest: None, dir };
    };
    if want.len == 0 {
        return Lookup { known: true, nearest: None, dir };
    }
    let lower = {
        let mut l = want;
        l.bytes[..l.len].make_ascii_lowercase();
        l
    };
    let mut best: Option<(usize, Name)> = None;
    let mut known = false;
    each_name(dir, |name| {
        if name == want.as_bytes() {
            known = true;
            return false;
        }
        let bound = best.as_ref().map_or(usize::MAX, |b| b.0);
        let d = distance(lower.as_bytes(), name, bound);
        let longer = want.len.max(name.len());
        if d < bound && d > 0 && d <= 3 && d <= (longer + 1) / 2 {
            best = Name::new(name).map(|n| (d, n));
        }
        true
    });
    Lookup { known, nearest: if known { None } else { best.map(|b| b.1) }, dir }
}

fn gconv_dir() -> Option<&'static [u8]> {
    GCONV_DIRS.iter().copied().find(|d| CPath::from_bytes(d).is_some_and(|p| sys::stat_at(libc::AT_FDCWD, &p, true).is_ok()))
}

/// Calls `f` with every known name (normalised) until it returns false.
fn each_name(dir: Option<&[u8]>, mut f: impl FnMut(&[u8]) -> bool) {
    for line in BUILTIN.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if !f(line.as_bytes()) {
            return;
        }
    }
    let Some(dir) = dir else { return };
    let mut go = true;
    let mut from_file = |path: &CPath| {
        let _ = for_each_line(path.as_bytes(), |line| {
            let mut words = line.split(|c| *c == b' ' || *c == b'\t').filter(|w| !w.is_empty());
            let (kind, first, second) = (words.next(), words.next(), words.next());
            let names: [Option<&[u8]>; 2] = match kind {
                Some(b"alias") => [first, None],
                Some(b"module") => [first, second],
                _ => [None, None],
            };
            // Only names ending in "//" are for users; INTERNAL and ISO-10646/UCS4/
            // are glibc's own.
            for n in names.into_iter().flatten().filter(|n| n.ends_with(b"//")) {
                if let Some(n) = Name::new(n) {
                    if !f(n.as_bytes()) {
                        go = false;
                        return false;
                    }
                }
            }
            true
        });
        go
    };
    let mut path = CPath::new();
    if path.push(dir).is_none() || path.push(b"/gconv-modules").is_none() || !from_file(&path) {
        return;
    }
    // gconv-modules.d/*.conf, as glibc 2.34 and later read them.
    let mut sub = CPath::new();
    if sub.push(dir).is_none() || sub.push(b"/gconv-modules.d").is_none() {
        return;
    }
    let Ok(fd) = sys::open_at(libc::AT_FDCWD, &sub, libc::O_RDONLY | libc::O_DIRECTORY) else { return };
    let _ = sys::for_each_entry_fd(fd.raw(), |entry, _| {
        if !entry.ends_with(b".conf") {
            return true;
        }
        let mut p = CPath::new();
        if p.push(sub.as_bytes()).is_none() || p.push(b"/").is_none() || p.push(entry).is_none() {
            return true;
        }
        from_file(&p)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_compared_as_glibc_compares_them() {
        assert_eq!(Name::new(b"utf-8//TRANSLIT").unwrap().as_bytes(), b"UTF-8");
        assert_eq!(Name::new(b"ISO 8859-1").unwrap().as_bytes(), b"ISO8859-1");
    }

    #[test]
    fn builtin_names_are_known_and_typos_find_them() {
        assert!(lookup(b"utf8").known);
        assert!(lookup(b"").known);
        let l = lookup(b"UTF-9");
        assert!(!l.known);
        assert_eq!(l.nearest.unwrap().as_bytes(), b"UTF-8");
    }
}
