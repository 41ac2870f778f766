//! The character sets iconv_open(3) knows: glibc's built-in ones (charsets_builtin.in)
//! and those its gconv-modules files declare (`alias NAME// TARGET//`, `module FROM//
//! TO// FILE COST`), in the directories of GCONV_PATH and then the system's gconv
//! directory. Names are compared as glibc compares them: the part before any `/`
//! (`UTF-8//TRANSLIT` is UTF-8), upper case, keeping only letters, digits and `_-.,:`.
//! Read line by line without the heap.

use super::charset_cache;
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

/// The file of the module that converts a character set, as a gconv-modules file
/// names it (relative to that file's directory unless absolute), and whether it exists.
pub struct Module {
    pub path: CPath,
    pub exists: bool,
}

/// What is known of one name given to iconv_open.
pub struct Lookup {
    /// glibc knows the name (or it is empty: the locale's character set).
    pub known: bool,
    /// The nearest known name, when the name is not known and one is close.
    pub nearest: Option<Name>,
    /// The system's gconv directory, when one was found.
    pub dir: Option<&'static [u8]>,
    /// GCONV_PATH, when set (and not ignored: set-user-ID programs).
    pub gconv_path: Option<&'static [u8]>,
}

/// Looks `raw` up among the known character sets.
pub fn lookup(raw: &[u8]) -> Lookup {
    lookup_in(&mut Sources::now(), raw)
}

/// Looks up both names of an iconv_open: the files' versions are asked once.
pub fn lookup_both(to: &[u8], from: &[u8]) -> (Lookup, Lookup) {
    let mut sources = Sources::now();
    (lookup_in(&mut sources, to), lookup_in(&mut sources, from))
}

/// Where the names come from, and the versions of those files (asked when first needed).
struct Sources {
    dir: Option<&'static [u8]>,
    gconv_path: Option<&'static [u8]>,
    files: Option<Option<charset_cache::Files>>,
}

impl Sources {
    fn now() -> Sources {
        Sources { dir: gconv_dir(), gconv_path: gconv_path(), files: None }
    }

    /// The files' versions; None under GCONV_PATH, whose directories they do not cover.
    fn files(&mut self) -> Option<charset_cache::Files> {
        let (dir, gconv_path) = (self.dir, self.gconv_path);
        *self.files.get_or_insert_with(|| if gconv_path.is_none() { dir.and_then(charset_cache::files) } else { None })
    }
}

fn lookup_in(sources: &mut Sources, raw: &[u8]) -> Lookup {
    let (dir, gconv_path) = (sources.dir, sources.gconv_path);
    let mut l = Lookup { known: false, nearest: None, dir, gconv_path };
    let Some(want) = Name::new(raw) else { return l };
    if want.len == 0 || is_builtin(&want) {
        l.known = true;
        return l;
    }
    let files = sources.files();
    if let Some(a) = files.as_ref().and_then(|f| charset_cache::get(f, &want)) {
        l.known = a.known;
        l.nearest = a.nearest;
        return l;
    }
    let read_at = super::file_version::now_ns();
    let lower = {
        let mut l = want;
        l.bytes[..l.len].make_ascii_lowercase();
        l
    };
    let mut best: Option<(usize, Name)> = None;
    let mut known = false;
    each_name(|name| {
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
    l.known = known;
    l.nearest = if known { None } else { best.map(|b| b.1) };
    if let Some(f) = &files {
        charset_cache::put(f, read_at, &want, charset_cache::Answer { known: l.known, nearest: l.nearest });
    }
    l
}

/// The module that converts the character set `raw` (after its alias is resolved), when
/// a gconv-modules file names one; None for the built-in ones.
pub fn module(raw: &[u8]) -> Option<Module> {
    let want = Name::new(raw)?;
    if want.len == 0 || is_builtin(&want) {
        return None;
    }
    // The alias first: modules are declared under the canonical name.
    let mut canonical = want;
    each_line(|_, kind, a, b, _| {
        if kind == b"alias" && Name::new(a).is_some_and(|n| n.as_bytes() == want.as_bytes()) {
            if let Some(t) = b.and_then(Name::new) {
                canonical = t;
                return false;
            }
        }
        true
    });
    let mut found: Option<Module> = None;
    each_line(|dir, kind, a, b, file| {
        let matches = |n: Option<&[u8]>| n.and_then(Name::new).is_some_and(|n| n.as_bytes() == canonical.as_bytes());
        if kind != b"module" || !(matches(Some(a)) || matches(b)) {
            return true;
        }
        let Some(file) = file else { return true };
        let mut path = CPath::new();
        let joined = if file.starts_with(b"/") {
            path.push(file)
        } else {
            path.push(dir).and_then(|_| path.push(b"/")).and_then(|_| path.push(file))
        };
        if joined.is_none() || path.push(b".so").is_none() {
            return true;
        }
        let exists = sys::stat_at(libc::AT_FDCWD, &path, true).is_ok();
        found = Some(Module { path, exists });
        false
    });
    found
}

/// Whether glibc converts `name` itself, without a module.
fn is_builtin(name: &Name) -> bool {
    BUILTIN.lines().any(|l| l.as_bytes() == name.as_bytes())
}

fn gconv_dir() -> Option<&'static [u8]> {
    GCONV_DIRS.iter().copied().find(|d| CPath::from_bytes(d).is_some_and(|p| sys::stat_at(libc::AT_FDCWD, &p, true).is_ok()))
}

fn gconv_path() -> Option<&'static [u8]> {
    sys::secure_var(c"GCONV_PATH").filter(|p| !p.is_empty())
}

/// Calls `f` with every known name (normalised) until it returns false.
fn each_name(mut f: impl FnMut(&[u8]) -> bool) {
    for line in BUILTIN.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if !f(line.as_bytes()) {
            return;
        }
    }
    each_line(|_, kind, a, b, _| {
        let names: [Option<&[u8]>; 2] = match kind {
            b"alias" => [Some(a), None],
            b"module" => [Some(a), b],
            _ => [None, None],
        };
        // Only names ending in "//" are for users; INTERNAL and ISO-10646/UCS4/ are
        // glibc's own.
        for n in names.into_iter().flatten().filter(|n| n.ends_with(b"//")) {
            if let Some(n) = Name::new(n) {
                if !f(n.as_bytes()) {
                    return false;
                }
            }
        }
        true
    });
}

/// Calls `f(dir, kind, first, second, third)` with the words of every line of every
/// gconv-modules file (GCONV_PATH's directories, then the system's), until it returns
/// false.
fn each_line(mut f: impl FnMut(&[u8], &[u8], &[u8], Option<&[u8]>, Option<&[u8]>) -> bool) {
    let mut go = true;
    let mut dirs = gconv_path().into_iter().flat_map(|p| p.split(|&c| c == b':')).filter(|d| !d.is_empty());
    let system = gconv_dir();
    for dir in dirs.by_ref().chain(system) {
        each_file(dir, |path| {
            let _ = for_each_line(path.as_bytes(), |line| {
                let mut words = line.split(|c| *c == b' ' || *c == b'\t').filter(|w| !w.is_empty());
                let (Some(kind), Some(first)) = (words.next(), words.next()) else { return true };
                let (second, third) = (words.next(), words.next());
                go = f(dir, kind, first, second, third);
                go
            });
            go
        });
        if !go {
            return;
        }
    }
}

/// Calls `f` with DIR/gconv-modules and each DIR/gconv-modules.d/*.conf (as glibc 2.34
/// and later read them) until it returns false.
fn each_file(dir: &[u8], mut f: impl FnMut(&CPath) -> bool) {
    let mut path = CPath::new();
    if path.push(dir).is_none() || path.push(b"/gconv-modules").is_none() || !f(&path) {
        return;
    }
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
        f(&p)
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

    #[test]
    fn an_alias_leads_to_its_module_file() {
        assert!(module(b"UTF-8").is_none());
        let m = module(b"koi8r").expect("KOI8-R's module");
        assert!(m.path.as_bytes().ends_with(b"/KOI8-R.so"), "{:?}", core::str::from_utf8(m.path.as_bytes()));
        assert!(m.exists);
    }
}
