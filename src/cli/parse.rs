//! Arguments as a user copies them from an strace listing: `O_WRONLY|O_CREAT`, `0644`,
//! `42`, `0x7f00…`, `NULL`, `AT_FDCWD`, `"quoted strings"`.

use std::ffi::CString;

pub enum Parsed {
    Number(i64),
    Str(CString),
    /// A structure built from its strace notation (the times of utimensat…), as words.
    Words(Vec<i64>),
    Null,
}

/// What `&` stands for as a declared default: a zeroed buffer of the command's own, as
/// large as any structure or path a call writes (a `struct stat *`, `struct flock *`
/// or getcwd's buffer the user did not give).
pub fn buffer() -> Parsed {
    Parsed::Words(vec![0; 1024])
}

impl Parsed {
    pub fn number(&self) -> i64 {
        match self {
            Parsed::Number(n) => *n,
            // A structure or buffer passed where the C argument is a number (fcntl's
            // third argument): its address.
            Parsed::Str(_) | Parsed::Words(_) => self.pointer() as usize as i64,
            Parsed::Null => 0,
        }
    }

    pub fn pointer(&self) -> *const libc::c_char {
        match self {
            Parsed::Str(s) => s.as_ptr(),
            Parsed::Words(w) => w.as_ptr() as *const libc::c_char,
            Parsed::Number(n) => *n as usize as *const libc::c_char,
            Parsed::Null => core::ptr::null(),
        }
    }
}

// The parsers named by src/decode/kinds.table, one per way of writing an argument.

/// A string, taken as written, as libexplain's explain takes it: `NULL` and `0x10` are
/// the strings "NULL" and "0x10" (a path or text argument is never a pointer there).
pub fn string(text: &str) -> Result<Parsed, String> {
    CString::new(text).map(Parsed::Str).map_err(|_| "a string without NUL bytes".into())
}

/// A stdio stream: `stdin`, `stdout` or `stderr` (this process's own, as libexplain's
/// explain takes them), an address or NULL.
pub fn stream(text: &str) -> Result<Parsed, String> {
    match crate::sys::stream::standard_stream(text.trim()) {
        Some(fp) => Ok(Parsed::Number(fp as i64)),
        None => pointer(text).map_err(|_| "stdin, stdout, stderr, an address (0x1234) or NULL".into()),
    }
}

/// A text that is never an address: the number strtol(3) converts (`0x1f` is its text,
/// not a pointer), taken as written; NULL for the null pointer.
pub fn number_text(text: &str) -> Result<Parsed, String> {
    if text == "NULL" {
        return Ok(Parsed::Null);
    }
    CString::new(text).map(Parsed::Str).map_err(|_| "a string without NUL bytes".into())
}

/// An address (0x1234) or NULL.
pub fn pointer(text: &str) -> Result<Parsed, String> {
    if text == "NULL" {
        Ok(Parsed::Null)
    } else {
        number(text).map_err(|_| "an address (0x1234) or NULL".into())
    }
}

/// A character as the echo writes it (putc's, ungetc's c): `'a'`, `'\\n'`, EOF, or a
/// number.
pub fn character(text: &str) -> Result<Parsed, String> {
    if text == "EOF" {
        return Ok(Parsed::Number(libc::EOF as i64));
    }
    if let Some(inner) = text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        return match c_escapes(inner)[..] {
            [c] => Ok(Parsed::Number(c as i64)),
            _ => Err("one character in single quotes ('a', '\\n')".into()),
        };
    }
    number(text).map_err(|_| "a character ('a', '\\n'), EOF or a number".into())
}

/// The bytes a C character literal's inside stands for (`\\n`, `\\t`, octal `\\310`…).
fn c_escapes(inner: &str) -> Vec<u8> {
    let b = inner.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 == b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let c = b[i + 1];
        i += 2;
        out.push(match c {
            b'n' => b'\n',
            b't' => b'\t',
            b'r' => b'\r',
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut digits = 1;
                while digits < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    digits += 1;
                }
                v as u8
            }
            other => other,
        });
    }
    out
}

/// Decimal, 0x hex, or leading-0 octal, optionally negative.
pub fn number(text: &str) -> Result<Parsed, String> {
    integer(text).map(Parsed::Number).ok_or_else(|| "a number".into())
}

/// A directory descriptor: a number or AT_FDCWD.
pub fn dirfd(text: &str) -> Result<Parsed, String> {
    symbols(text, &[], &[("AT_FDCWD", libc::AT_FDCWD as i64)]).map_err(|e| expected("a descriptor or AT_FDCWD", e))
}

/// open(2) flags: O_RDONLY|O_CREAT…, or a number.
pub fn open_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::OPEN_FLAGS, &[("O_RDONLY", 0), ("O_WRONLY", 1), ("O_RDWR", 2)])
}

/// mount(2) flags: MS_BIND|MS_REC…, or a number.
pub fn mount_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::MOUNT_FLAGS, &[])
}

/// ACL_TYPE_ACCESS, ACL_TYPE_DEFAULT, or a number.
pub fn acl_type(text: &str) -> Result<Parsed, String> {
    let extra: Vec<(&str, i64)> = crate::decode::ACL_TYPES.iter().map(|(n, v)| (*n, *v as i64)).collect();
    symbols(text, &[], &extra).map_err(|e| expected("ACL_TYPE_ACCESS or ACL_TYPE_DEFAULT", e))
}

/// A user: a number (-1 for "unchanged"), or a name from /etc/passwd.
pub fn uid(text: &str) -> Result<Parsed, String> {
    let t = text.trim().trim_matches('"');
    if let Some(n) = integer(t) {
        return Ok(Parsed::Number(n));
    }
    crate::probe::users::user_id(t.as_bytes()).map(|n| Parsed::Number(n as i64)).ok_or_else(|| format!("a uid or a user name ({t:?} is not in /etc/passwd)"))
}

/// A group: a number (-1 for "unchanged"), or a name from /etc/group.
pub fn gid(text: &str) -> Result<Parsed, String> {
    let t = text.trim().trim_matches('"');
    if let Some(n) = integer(t) {
        return Ok(Parsed::Number(n));
    }
    crate::probe::users::group_id(t.as_bytes()).map(|n| Parsed::Number(n as i64)).ok_or_else(|| format!("a gid or a group name ({t:?} is not in /etc/group)"))
}

/// access(2) modes: R_OK|W_OK, F_OK, or a number.
pub fn access_mode(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::ACCESS_MODES, &[("F_OK", 0)])
}

/// The stat family's *at flags: AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH, or a number.
pub fn at_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::AT_FLAGS, &[])
}

/// mkostemp(3)'s extra open flags: O_APPEND|O_CLOEXEC, or a number.
pub fn mkostemp_flags(text: &str) -> Result<Parsed, String> {
    open_flags(text)
}

/// mknod(2)'s mode: a file type and permission bits (S_IFCHR|0600), or octal (020600).
pub fn mknod_mode(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    symbols(t, crate::decode::FILE_TYPES, MODE_BITS).map_err(|e| expected("a mode (S_IFCHR|0600 or 020600)", e))
}

/// The words of a structure written as strace prints it, `[{tv_sec=0, tv_nsec=UTIME_NOW},
/// {tv_sec=5, tv_nsec=0}]` or `{actime=0, modtime=0}` (field names optional), when it
/// has `count` of them; else an address or NULL.
fn words(text: &str, count: usize, what: &str) -> Result<Parsed, String> {
    let t = text.trim();
    if !t.starts_with(['{', '[']) {
        return pointer(t).map_err(|_| format!("{what}, an address or NULL"));
    }
    let mut out = Vec::new();
    for field in t.split(['[', ']', '{', '}', ',']).map(str::trim).filter(|f| !f.is_empty()) {
        let value = field.rsplit_once('=').map_or(field, |(_, v)| v.trim());
        let n = match value {
            "UTIME_NOW" => libc::UTIME_NOW,
            "UTIME_OMIT" => libc::UTIME_OMIT,
            v => integer(v).ok_or_else(|| format!("{what}: {field:?} is not a number"))?,
        };
        out.push(n);
    }
    if out.len() != count {
        return Err(format!("{what} with {count} numbers"));
    }
    Ok(Parsed::Words(out))
}

/// Two timespecs: `[{tv_sec=0, tv_nsec=UTIME_NOW}, {tv_sec=5, tv_nsec=0}]`, an address or NULL.
pub fn timespec_pair(text: &str) -> Result<Parsed, String> {
    words(text, 4, "two timespecs [{tv_sec=…, tv_nsec=…}, {…}]")
}

/// Two timevals: `[{tv_sec=0, tv_usec=0}, {tv_sec=5, tv_usec=0}]`, an address or NULL.
pub fn timeval_pair(text: &str) -> Result<Parsed, String> {
    words(text, 4, "two timevals [{tv_sec=…, tv_usec=…}, {…}]")
}

/// Two times as libexplain's command takes them (crate::cli::when): one or two words of
/// seconds, UTIME_NOW, UTIME_OMIT or a date text; a left-out second one is UTIME_OMIT.
/// One word in strace notation, an address or NULL is taken as timespec_pair takes it.
fn time_words(words: &[&str], digits: u32, one_word: fn(&str) -> Result<Parsed, String>) -> Result<(Parsed, usize), String> {
    let first = words.first().map_or("", |w| w.trim());
    let Some(a) = super::when::time(first, digits) else {
        return one_word(first).map(|p| (p, 1)).map_err(|e| format!("a time (seconds, UTIME_NOW, UTIME_OMIT or a date such as \"2020-01-01 12:00\"), or {e}"));
    };
    let second = words.get(1).and_then(|w| super::when::time(w, digits));
    let b = second.unwrap_or((0, libc::UTIME_OMIT));
    Ok((Parsed::Words(vec![a.0, a.1, b.0, b.1]), 1 + second.is_some() as usize))
}

/// timespec_pair's several-word form: `1577880000.5 UTIME_NOW`, `"2020-01-01 12:00"`.
pub fn timespec_pair_words(words: &[&str]) -> Result<(Parsed, usize), String> {
    time_words(words, 9, timespec_pair)
}

/// timeval_pair's several-word form, as timespec_pair_words.
pub fn timeval_pair_words(words: &[&str]) -> Result<(Parsed, usize), String> {
    time_words(words, 6, timeval_pair)
}

/// An ACL in the text form of acl(5) (`u::rw-,g::r--,o::r--`), made into an `acl_t` by
/// libacl's acl_from_text, as libexplain's command takes it; an address or NULL.
pub fn acl(text: &str) -> Result<Parsed, String> {
    if let Ok(p) = pointer(text) {
        return Ok(p);
    }
    let c = CString::new(text).map_err(|_| "an ACL text without NUL bytes".to_string())?;
    // SAFETY: a NUL-terminated text; the ACL made lives as long as the command.
    let acl = unsafe { crate::sys::acl::acl_from_text(c.as_ptr()) };
    if acl.is_null() {
        return Err("an ACL text such as u::rw-,g::r--,o::r-- (acl(5)), an address or NULL".into());
    }
    Ok(Parsed::Number(acl as i64))
}

/// readv's and writev's array in one word: an address or NULL.
pub fn iovec(text: &str) -> Result<Parsed, String> {
    pointer(text)
}

/// readv's and writev's array as libexplain's command takes it: every word that is left,
/// in (base, length) pairs (`0x1000 10 NULL 20`); the count after it is left out and
/// becomes the number of pairs (its `#` default). One word alone is an address.
pub fn iovec_words(words: &[&str]) -> Result<(Parsed, usize), String> {
    if words.len() == 1 {
        return pointer(words[0]).map(|p| (p, 1));
    }
    if words.len() % 2 != 0 {
        return Err(format!("(base, length) pairs, and {} words are not pairs", words.len()));
    }
    let mut v = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let n = if i % 2 == 0 { pointer(w).map(|p| p.number()) } else { number(w).map(|p| p.number()) };
        v.push(n.map_err(|e| format!("word {} of the pairs, {w:?}: {e}", i + 1))?);
    }
    Ok((Parsed::Words(v), words.len()))
}

/// A utimbuf: `{actime=0, modtime=0}`, an address or NULL.
pub fn utimbuf(text: &str) -> Result<Parsed, String> {
    words(text, 2, "a utimbuf {actime=…, modtime=…}")
}

/// A pathconf(3) name (_PC_NAME_MAX, or NAME_MAX without the prefix) or a number.
pub fn pathconf_name(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    if let Some(e) = crate::decode::PATHCONF_NAMES.iter().find(|e| e.name.strip_prefix("_PC_") == Some(t)) {
        return Ok(Parsed::Number(e.value));
    }
    one_of(t, crate::decode::PATHCONF_NAMES).map_err(|e| expected("a pathconf name (_PC_NAME_MAX…) or a number", e))
}

/// A device number: `8,1` or `makedev(8, 1)` (major, minor), or a dev_t as a number.
pub fn dev(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    let inner = t.strip_prefix("makedev(").and_then(|r| r.strip_suffix(')')).unwrap_or(t);
    if let Some((major, minor)) = inner.split_once(',') {
        let (Some(major), Some(minor)) = (integer(major), integer(minor)) else {
            return Err("a device as MAJOR,MINOR".into());
        };
        return Ok(Parsed::Number(libc::makedev(major as u32, minor as u32) as i64));
    }
    number(t).map_err(|_| "a device as MAJOR,MINOR or a number".into())
}

/// An fcntl command by name (F_SETLKW, F_DUPFD_CLOEXEC…) or number.
pub fn fcntl_cmd(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::FCNTL_COMMANDS).map_err(|e| expected("an fcntl command (F_GETFL, F_SETLK…) or a number", e))
}

/// fcntl's third argument: a number or address, open flags (F_SETFL), FD_CLOEXEC,
/// seals (F_ADD_SEALS) or a lock type (F_SETLEASE).
pub fn fcntl_arg(text: &str) -> Result<Parsed, String> {
    if text == "NULL" {
        return Ok(Parsed::Null);
    }
    let extra = [
        ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
        ("F_RDLCK", libc::F_RDLCK as i64),
        ("F_WRLCK", libc::F_WRLCK as i64),
        ("F_UNLCK", libc::F_UNLCK as i64),
        ("O_RDONLY", 0),
        ("O_WRONLY", 1),
        ("O_RDWR", 2),
    ];
    expr(text, &[crate::decode::OPEN_FLAGS, crate::decode::SEALS], &extra)
        .map(Parsed::Number)
        .map_err(|e| expected("a number, an address, open flags, FD_CLOEXEC, seals or a lock type", e))
}

/// flock(2) operations: LOCK_EX|LOCK_NB, or a number.
pub fn flock_op(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::FLOCK_OPS, &[])
}

/// lseek(2) whence: SEEK_SET… or a number.
pub fn whence(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::WHENCE).map_err(|e| expected("SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE or a number", e))
}

/// pipe2(2) flags: O_CLOEXEC|O_NONBLOCK…, or a number.
pub fn pipe_flags(text: &str) -> Result<Parsed, String> {
    open_flags(text)
}

/// One name from `table`, or a number (the shared expression syntax).
fn one_of(text: &str, table: &[crate::decode::Entry]) -> Result<Parsed, String> {
    symbols(text, table, &[])
}

pub(super) fn integer(text: &str) -> Option<i64> {
    let t = text.trim();
    let (neg, t) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let v = if let Some(h) = t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        i64::from_str_radix(h, 16).ok()?
    } else if t.len() > 1 && t.starts_with('0') {
        i64::from_str_radix(&t[1..], 8).ok()?
    } else {
        t.parse().ok()?
    };
    Some(if neg { -v } else { v })
}

/// What a parser expected, and why the text is not that.
fn expected(what: &str, why: String) -> String {
    format!("{what}; {why}")
}

/// Names from `table` or `extra` and numbers, joined by `|` or `+` (spaces allowed):
/// the one expression syntax of every symbolic kind (see `expr`).
pub fn symbols(text: &str, table: &[crate::decode::Entry], extra: &[(&str, i64)]) -> Result<Parsed, String> {
    expr(text, &[table], extra).map(Parsed::Number)
}

/// The value of an expression as people write flags, modes, commands and names:
/// terms joined by `|` or `+` with or without spaces (`O_WRONLY+O_CREAT+O_TRUNC`,
/// `O_RDONLY | O_CLOEXEC`, `S_IRUSR|0644`); a term is a number (decimal, 0x hex,
/// leading-0 octal, optionally negative), `NULL` (0), or a name of `tables` or `extra`.
/// A misspelt name gets the nearest known one as a suggestion.
pub fn expr(text: &str, tables: &[&[crate::decode::Entry]], extra: &[(&str, i64)]) -> Result<i64, String> {
    let mut v = 0i64;
    let mut any = false;
    for part in text.split(['|', '+']).map(str::trim) {
        if part.is_empty() {
            if text.trim().starts_with('-') {
                break;
            }
            return Err(format!("an empty term in {:?}", text.trim()));
        }
        any = true;
        if let Some(n) = integer(part) {
            v |= n;
        } else if part == "NULL" {
        } else if let Some((_, n)) = extra.iter().find(|(name, _)| *name == part) {
            v |= n;
        } else if let Some(e) = tables.iter().flat_map(|t| t.iter()).find(|e| e.name == part) {
            v |= e.value;
        } else {
            let known = extra.iter().map(|(n, _)| *n).chain(tables.iter().flat_map(|t| t.iter()).map(|e| e.name));
            let hint = nearest(&part.to_ascii_lowercase(), known).map(|n| format!(" (did you mean {n}?)")).unwrap_or_default();
            return Err(format!("unknown name {part:?}{hint}"));
        }
    }
    if !any {
        return Err("a value".into());
    }
    Ok(v)
}

/// The name of `names` nearest to `lower` (a lower-case spelling), when it is close
/// enough to be a typo: the project's edit distance (src/probe/suggest.rs).
pub fn nearest<'a>(lower: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for n in names {
        let bound = best.map_or(usize::MAX, |(d, _)| d);
        let d = crate::probe::suggest::distance(lower.as_bytes(), n.as_bytes(), bound);
        let longer = lower.len().max(n.len());
        if d < bound && d > 0 && d <= (longer + 1) / 2 && d <= 3 {
            best = Some((d, n));
        }
    }
    best.map(|(_, n)| n)
}

const MODE_BITS: &[(&str, i64)] = &[
    ("S_ISUID", 0o4000), ("S_ISGID", 0o2000), ("S_ISVTX", 0o1000),
    ("S_IRWXU", 0o700), ("S_IRUSR", 0o400), ("S_IWUSR", 0o200), ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o70), ("S_IRGRP", 0o40), ("S_IWGRP", 0o20), ("S_IXGRP", 0o10),
    ("S_IRWXO", 0o7), ("S_IROTH", 0o4), ("S_IWOTH", 0o2), ("S_IXOTH", 0o1),
];

/// A mode: a number as C writes it (0644 is octal, 644 decimal, as in libexplain's
/// explain), S_I* names, or both joined by `|` or `+`.
pub fn mode(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    symbols(t, &[], MODE_BITS).map_err(|e| expected("a mode (0644 or S_IRUSR|S_IWUSR)", e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_strace_notation() {
        assert_eq!(open_flags("O_WRONLY|O_CREAT").unwrap().number(), (libc::O_WRONLY | libc::O_CREAT) as i64);
        assert_eq!(mode("0644").unwrap().number(), 0o644);
        assert_eq!(mode("S_IRUSR|S_IWUSR").unwrap().number(), 0o600);
        assert_eq!(number("42").unwrap().number(), 42);
        assert_eq!(number("-1").unwrap().number(), -1);
        assert_eq!(pointer("0x1230000").unwrap().number(), 0x1230000);
        assert!(matches!(pointer("NULL").unwrap(), Parsed::Null));
        assert_eq!(dirfd("AT_FDCWD").unwrap().number(), libc::AT_FDCWD as i64);
        assert!(open_flags("O_BOGUS").is_err());
        assert_eq!(mount_flags("MS_BIND|MS_REC").unwrap().number(), (libc::MS_BIND | libc::MS_REC) as i64);
        assert_eq!(acl_type("ACL_TYPE_DEFAULT").unwrap().number(), 0x4000);
        assert!(matches!(string("NULL").unwrap(), Parsed::Str(s) if s.as_bytes() == b"NULL"));
        assert!(matches!(string("0x10").unwrap(), Parsed::Str(s) if s.as_bytes() == b"0x10"));
        assert!(stream("stdout").unwrap().number() != 0 && matches!(stream("NULL").unwrap(), Parsed::Null));
        assert_eq!(uid("root").unwrap().number(), 0);
        assert!(matches!(timespec_pair("[{tv_sec=0, tv_nsec=UTIME_NOW}, {tv_sec=5, tv_nsec=7}]").unwrap(), Parsed::Words(w) if w == [0, libc::UTIME_NOW, 5, 7]));
        assert!(matches!(utimbuf("{actime=1, modtime=2}").unwrap(), Parsed::Words(w) if w == [1, 2]));
        assert!(matches!(timeval_pair("NULL").unwrap(), Parsed::Null));
        assert!(timespec_pair("[{tv_sec=0}]").is_err());
        assert_eq!(uid("-1").unwrap().number(), -1);
        assert_eq!(gid("0").unwrap().number(), 0);
        assert!(uid("no-such-user-anywhere").is_err());
        assert_eq!(at_flags("AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH").unwrap().number(), (libc::AT_SYMLINK_NOFOLLOW | libc::AT_EMPTY_PATH) as i64);
        assert_eq!(access_mode("R_OK|W_OK").unwrap().number(), (libc::R_OK | libc::W_OK) as i64);
        assert_eq!(access_mode("F_OK").unwrap().number(), 0);
        assert_eq!(pathconf_name("_PC_NAME_MAX").unwrap().number(), libc::_PC_NAME_MAX as i64);
        assert_eq!(dev("8,1").unwrap().number(), libc::makedev(8, 1) as i64);
        assert_eq!(mknod_mode("S_IFCHR|0600").unwrap().number(), (libc::S_IFCHR | 0o600) as i64);
        assert_eq!(dev("makedev(1, 3)").unwrap().number(), libc::makedev(1, 3) as i64);
        assert_eq!(at_flags("AT_SYMLINK_FOLLOW").unwrap().number(), libc::AT_SYMLINK_FOLLOW as i64);
        assert_eq!(fcntl_cmd("F_SETLKW").unwrap().number(), libc::F_SETLKW as i64);
        assert_eq!(fcntl_cmd("F_SETSIG").unwrap().number(), 10);
        assert_eq!(fcntl_arg("O_NONBLOCK").unwrap().number(), libc::O_NONBLOCK as i64);
        assert_eq!(flock_op("LOCK_EX|LOCK_NB").unwrap().number(), (libc::LOCK_EX | libc::LOCK_NB) as i64);
        assert_eq!(whence("SEEK_DATA").unwrap().number(), libc::SEEK_DATA as i64);
        assert_eq!(pipe_flags("O_CLOEXEC|O_NONBLOCK").unwrap().number(), (libc::O_CLOEXEC | libc::O_NONBLOCK) as i64);
    }
}

// --- memory, conversions, environment and character sets ---

/// mmap(2) protection: `PROT_READ|PROT_WRITE`, `PROT_NONE`, or a number.
pub fn mmap_prot(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::memory::MMAP_PROT, &[("PROT_NONE", 0)])
}

/// mmap(2) flags: `MAP_SHARED|MAP_FIXED`, or a number.
pub fn mmap_flags(text: &str) -> Result<Parsed, String> {
    let types: Vec<(&str, i64)> = crate::decode::memory::MMAP_TYPES.iter().map(|e| (e.name, e.value)).collect();
    symbols(text, crate::decode::memory::MMAP_FLAGS, &types)
}

/// shmat(2) flags: `SHM_RDONLY|SHM_RND`, or a number.
pub fn shmat_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::memory::SHMAT_FLAGS, &[])
}

/// A shmctl(2) command by name (`IPC_STAT`) or number.
pub fn shmctl_cmd(text: &str) -> Result<Parsed, String> {
    match crate::decode::memory::SHMCTL_COMMANDS.iter().find(|e| e.name == text.trim()) {
        Some(e) => Ok(Parsed::Number(e.value)),
        None => number(text).map_err(|_| "a shmctl command (IPC_STAT, IPC_RMID…)".into()),
    }
}

// --- the rest of the stream calls ---


/// setvbuf(3) mode: _IOFBF, _IOLBF, _IONBF, or a number.
pub fn setvbuf_mode(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::SETVBUF_MODES).map_err(|e| expected("_IOFBF, _IOLBF, _IONBF or a number", e))
}
// --- the environment and character sets (issue 11, environ) ---

/// A pointer argument written as the value it points at (iconv's `inbytesleft = 4`, as
/// libexplain's explain(1) takes it): the command passes the address of its own word
/// holding that value. NULL stays the null pointer.
pub fn boxed_word(text: &str) -> Result<Parsed, String> {
    match pointer(text)? {
        Parsed::Null => Ok(Parsed::Null),
        p => Ok(Parsed::Words(vec![p.number()])),
    }
}

// --- credentials, limits and host names.

/// getrlimit(2)'s resource: RLIMIT_NOFILE… or a number.
pub fn rlimit_resource(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::creds::RLIMIT_RESOURCES).map_err(|e| expected("RLIMIT_NOFILE, RLIMIT_NPROC… or a number", e))
}

/// getrusage(2)'s who: RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD or a number.
pub fn rusage_who(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::creds::RUSAGE_WHO).map_err(|e| expected("RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD or a number", e))
}

// --- terminals and ioctl ---

/// tcsetattr(3) options: TCSANOW, TCSADRAIN, TCSAFLUSH, or a number.
pub fn tcsetattr_options(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::term::TCSETATTR_OPTIONS).map_err(|e| expected("TCSANOW, TCSADRAIN, TCSAFLUSH or a number", e))
}

/// tcflow(3) action: TCOOFF, TCOON, TCIOFF, TCION, or a number.
pub fn tcflow_action(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::term::TCFLOW_ACTIONS).map_err(|e| expected("TCOOFF, TCOON, TCIOFF, TCION or a number", e))
}

/// tcflush(3) selector: TCIFLUSH, TCOFLUSH, TCIOFLUSH, or a number.
pub fn tcflush_selector(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::term::TCFLUSH_SELECTORS).map_err(|e| expected("TCIFLUSH, TCOFLUSH, TCIOFLUSH or a number", e))
}

/// An ioctl(2) request by name (TCGETS, FIONREAD…) or number (0x5401).
pub fn ioctl_request(text: &str) -> Result<Parsed, String> {
    match crate::decode::term::ioctl_requests().find(|e| e.name == text.trim()) {
        Some(e) => Ok(Parsed::Number(e.value as u32 as i32 as i64)),
        None => number(text).map(|p| Parsed::Number(p.number() as u32 as i32 as i64)).map_err(|_| "an ioctl request (TCGETS, FIONREAD…) or a number".into()),
    }
}
// --- time, event descriptors and waiting for descriptors ---

/// A time as crate::cli::when reads it (seconds as strtod reads them, UTIME_NOW,
/// UTIME_OMIT or a date text in the local zone, as the utime calls' times are read):
/// (seconds, fraction in units of 10^-`digits` seconds).
fn seconds(text: &str, digits: u32) -> Result<(i64, i64), String> {
    super::when::time(text, digits).ok_or_else(|| cant_parse_date(text))
}

fn cant_parse_date(text: &str) -> String {
    format!("can't parse {:?} into a date and time", text.trim())
}

/// A struct timeval written as seconds or a date (settimeofday's tv, select's timeout);
/// NULL or an address.
pub fn seconds_val(text: &str) -> Result<Parsed, String> {
    if text.trim() == "NULL" {
        return Ok(Parsed::Null);
    }
    seconds(text, 6).map(|(s, f)| Parsed::Words(vec![s, f]))
}

/// A struct timespec written as seconds or a date (nanosleep's req); NULL.
pub fn seconds_spec(text: &str) -> Result<Parsed, String> {
    if text.trim() == "NULL" {
        return Ok(Parsed::Null);
    }
    seconds(text, 9).map(|(s, f)| Parsed::Words(vec![s, f]))
}

/// stime's `time_t *`: a whole number of seconds (decimal) or a date; NULL.
pub fn time_value(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    if t == "NULL" {
        return Ok(Parsed::Null);
    }
    match t.parse::<i64>() {
        Ok(v) => Ok(Parsed::Words(vec![v])),
        Err(_) => super::when::local_date(t).map(|v| Parsed::Words(vec![v])).ok_or_else(|| cant_parse_date(t)),
    }
}

/// eventfd(2) flags: `EFD_CLOEXEC|EFD_NONBLOCK|EFD_SEMAPHORE`, or a number.
pub fn eventfd_flags(text: &str) -> Result<Parsed, String> {
    use crate::decode::clock::{EVENTFD_FLAGS, EVENTFD_SEMAPHORE};
    symbols(text, EVENTFD_FLAGS, &[EVENTFD_SEMAPHORE])
}

/// signalfd(2) flags: `SFD_CLOEXEC|SFD_NONBLOCK`, or a number.
pub fn signalfd_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::clock::SIGNALFD_FLAGS, &[])
}

/// timerfd_create(2) flags: `TFD_CLOEXEC|TFD_NONBLOCK`, or a number.
pub fn timerfd_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::clock::TIMERFD_FLAGS, &[])
}

/// A clock by name (`CLOCK_BOOTTIME`) or number.
pub fn clockid(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::clock::CLOCK_IDS).map_err(|e| expected("a clock (CLOCK_REALTIME, CLOCK_MONOTONIC…) or a number", e))
}

/// A signal set: one signal by name or number (`SIGINT`), as libexplain's explain(1)
/// takes it, or several in the echo's notation (`{ SIGINT, SIGUSR1 }`); NULL, an
/// address or an out-of-range number is the empty set, as there.
pub fn sigset(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    let bit = |v: i64| if (1..=64).contains(&v) { 1u64 << (v - 1) } else { 0 };
    let mut set = 0u64;
    match t.strip_prefix('{').and_then(|r| r.strip_suffix('}')) {
        Some(inner) => {
            for name in inner.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                set |= bit(expr(name, &[crate::decode::SIGNALS], &[])?);
            }
        }
        None => set = bit(expr(t, &[crate::decode::SIGNALS], &[])?),
    }
    Ok(Parsed::Words(vec![set as i64]))
}

/// One of select's sets: `{ 0, 1 }` (`{}` empty), an address or NULL.
pub fn fd_set(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('{').and_then(|r| r.strip_suffix('}')) else {
        return pointer(t).map_err(|_| "a set of descriptors { 0, 1 }, an address or NULL".into());
    };
    let mut words = vec![0i64; 16];
    for fd in inner.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match fd.parse::<usize>() {
            Ok(n) if n < 1024 => words[n / 64] |= 1 << (n % 64),
            _ => return Err(format!("{fd:?} is not a descriptor below FD_SETSIZE (1024)")),
        }
    }
    Ok(Parsed::Words(words))
}
// --- sockets ---

/// An address family: PF_INET, AF_UNIX… or a number.
pub fn sock_family(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::sock::ADDRESS_FAMILIES).map_err(|e| expected("an address family (AF_INET, PF_UNIX…) or a number", e))
}

/// A socket type, with SOCK_NONBLOCK or SOCK_CLOEXEC or-ed in as strace shows them.
pub fn sock_type(text: &str) -> Result<Parsed, String> {
    use crate::decode::sock::{SOCKET_TYPES, SOCKET_TYPE_FLAGS};
    expr(text, &[SOCKET_TYPES, SOCKET_TYPE_FLAGS], &[]).map(Parsed::Number).map_err(|e| expected("a socket type (SOCK_STREAM…) or a number", e))
}

/// A protocol: IPPROTO_TCP, a name of /etc/protocols (`tcp`, `ipv6-icmp`) or a number.
pub fn sock_protocol(text: &str) -> Result<Parsed, String> {
    if let Some(n) = crate::probe::netdb::protocol_number(text.trim().as_bytes()) {
        return Ok(Parsed::Number(n as i64));
    }
    one_of(text, crate::decode::sock::IP_PROTOCOLS).map_err(|e| expected("a protocol (IPPROTO_TCP, tcp…) or a number", e))
}

/// An option level: SOL_SOCKET, SOL_IP, IPPROTO_TCP… or a number.
pub fn sockopt_level(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::sock::SOCKOPT_LEVELS).map_err(|e| expected("an option level (SOL_SOCKET…) or a number", e))
}

/// An option name of any level (SO_REUSEADDR, IP_TOS, TCP_NODELAY) or a number.
pub fn sockopt_name(text: &str) -> Result<Parsed, String> {
    use crate::decode::sock::{SOL_IP_OPTIONS, SOL_SOCKET_OPTIONS, SOL_TCP_OPTIONS};
    expr(text, &[SOL_SOCKET_OPTIONS, SOL_IP_OPTIONS, SOL_TCP_OPTIONS], &[])
        .map(Parsed::Number)
        .map_err(|e| expected("an option name (SO_REUSEADDR…) or a number", e))
}

/// accept4's flags: SOCK_NONBLOCK|SOCK_CLOEXEC or a number.
pub fn accept4_flags(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::sock::SOCKET_TYPE_FLAGS).map_err(|e| expected("SOCK_NONBLOCK, SOCK_CLOEXEC or a number", e))
}

/// shutdown's how: SHUT_RD, SHUT_WR, SHUT_RDWR or a number.
pub fn shutdown_how(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::sock::SHUTDOWN_HOW).map_err(|e| expected("SHUT_RD, SHUT_WR, SHUT_RDWR or a number", e))
}

/// send and recv flags: MSG_DONTWAIT|MSG_NOSIGNAL… or a number.
pub fn msg_flags(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::sock::MSG_FLAGS).map_err(|e| expected("MSG_* flags or a number", e))
}

/// The length of a socket address, kept within 2 and 128 (a sa_family alone, a whole
/// sockaddr_storage), as libexplain's explain(1) keeps it.
pub fn sockaddr_size(text: &str) -> Result<Parsed, String> {
    Ok(Parsed::Number(integer(text).ok_or("a number")?.clamp(2, 128)))
}

/// A `socklen_t *` libexplain's command takes as an address (accept's): an address,
/// NULL, or `{ 16 }`, a length of the command's own.
pub fn socklen_addr(text: &str) -> Result<Parsed, String> {
    match text.trim().strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        Some(inner) => boxed_word(inner.trim()),
        None => pointer(text),
    }
}

/// A socket address: an address (0x1234) or NULL, or the address itself written as
/// strace prints it (`{sa_family=AF_INET, sin_port=htons(8080),
/// sin_addr=inet_addr("127.0.0.1")}`, `{sa_family=AF_UNIX, sun_path="/run/x.sock"}`)
/// or briefly (`127.0.0.1:8080`, `[::1]:80`, `/run/x.sock`, `@abstract`): the command
/// passes a struct sockaddr of its own.
pub fn sockaddr(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    if let Ok(p) = pointer(t) {
        return Ok(p);
    }
    let bytes = if t.starts_with('{') { strace_sockaddr(t) } else { brief_sockaddr(t) }
        .ok_or_else(|| "a socket address (127.0.0.1:80, [::1]:80, /path, @name, strace's {sa_family=…}) or an address".to_string())?;
    let mut words = vec![0i64; 16];
    for (i, chunk) in bytes.chunks(8).enumerate() {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        words[i] = i64::from_ne_bytes(w);
    }
    Ok(Parsed::Words(words))
}

fn sockaddr_in(ip: std::net::Ipv4Addr, port: u16) -> [u8; 128] {
    let mut b = [0u8; 128];
    b[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    b[2..4].copy_from_slice(&port.to_be_bytes());
    b[4..8].copy_from_slice(&ip.octets());
    b
}

fn sockaddr_in6(ip: std::net::Ipv6Addr, port: u16) -> [u8; 128] {
    let mut b = [0u8; 128];
    b[..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
    b[2..4].copy_from_slice(&port.to_be_bytes());
    b[8..24].copy_from_slice(&ip.octets());
    b
}

fn sockaddr_un(path: &[u8], abstract_name: bool) -> Option<[u8; 128]> {
    let mut b = [0u8; 128];
    b[..2].copy_from_slice(&(libc::AF_UNIX as u16).to_ne_bytes());
    let at = 2 + abstract_name as usize;
    if at + path.len() > 2 + 108 {
        return None;
    }
    b[at..at + path.len()].copy_from_slice(path);
    Some(b)
}

fn brief_sockaddr(t: &str) -> Option<[u8; 128]> {
    if let Some(name) = t.strip_prefix('@') {
        return sockaddr_un(name.as_bytes(), true);
    }
    if t.starts_with('/') || t.starts_with('.') {
        return sockaddr_un(t.as_bytes(), false);
    }
    match t.parse::<std::net::SocketAddr>().ok()? {
        std::net::SocketAddr::V4(a) => Some(sockaddr_in(*a.ip(), a.port())),
        std::net::SocketAddr::V6(a) => Some(sockaddr_in6(*a.ip(), a.port())),
    }
}

/// The value of `field=` in strace's notation, up to the next `,` or `}` outside quotes.
fn strace_field<'a>(t: &'a str, field: &str) -> Option<&'a str> {
    let start = t.find(&format!("{field}="))? + field.len() + 1;
    let rest = &t[start..];
    let mut quoted = false;
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            if c == '"' {
                quoted = !quoted;
            }
            !quoted && (c == ',' || c == '}')
        })
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    Some(rest[..end].trim())
}

fn between<'a>(t: &'a str, open: char, close: char) -> Option<&'a str> {
    let s = t.find(open)? + 1;
    let e = t[s..].find(close)? + s;
    Some(&t[s..e])
}

fn strace_sockaddr(t: &str) -> Option<[u8; 128]> {
    let family = sock_family(strace_field(t, "sa_family")?).ok()?.number() as i32;
    let port = |f: &str| -> Option<u16> {
        let v = strace_field(t, f)?;
        let n = between(v, '(', ')').unwrap_or(v);
        integer(n).map(|p| p as u16)
    };
    match family {
        libc::AF_INET => {
            let a = strace_field(t, "sin_addr")?;
            sockaddr_in(between(a, '"', '"').unwrap_or(a).parse().ok()?, port("sin_port").unwrap_or(0)).into()
        }
        libc::AF_INET6 => {
            let a = t.find("inet_pton(").map(|i| &t[i..]).and_then(|r| between(r, '"', '"')).or_else(|| strace_field(t, "sin6_addr"))?;
            sockaddr_in6(a.parse().ok()?, port("sin6_port").unwrap_or(0)).into()
        }
        libc::AF_UNIX => {
            let p = strace_field(t, "sun_path")?;
            let (p, abstract_name) = match p.strip_prefix('@') {
                Some(r) => (r, true),
                None => (p, false),
            };
            sockaddr_un(between(p, '"', '"').unwrap_or(p).as_bytes(), abstract_name)
        }
        f => {
            let mut b = [0u8; 128];
            b[..2].copy_from_slice(&(f as u16).to_ne_bytes());
            Some(b)
        }
    }
}
// --- processes, signals and waiting ---

/// A signal: `SIGTERM`, `SIGRTMIN+3`, `SIGPOLL`, `SIGCLD`, `SIGIOT` or a number.
pub fn signal(text: &str) -> Result<Parsed, String> {
    use crate::decode::process::{SIGRTMAX, SIGRTMIN};
    let extra = [
        ("SIGRTMIN", SIGRTMIN as i64),
        ("SIGRTMAX", SIGRTMAX as i64),
        ("SIGPOLL", libc::SIGIO as i64),
        ("SIGCLD", libc::SIGCHLD as i64),
        ("SIGIOT", libc::SIGABRT as i64),
    ];
    // `SIGRTMIN+3` counts up from SIGRTMIN, `SIGRTMAX-1` down from SIGRTMAX (an
    // offset, not the `|` that `+` means between flags).
    for (sep, sign) in [('+', 1), ('-', -1)] {
        if let Some((head, n)) = text.trim().split_once(sep).filter(|(h, _)| !h.trim().is_empty()) {
            if let (Ok(base), Some(n)) = (expr(head, &[crate::decode::SIGNALS], &extra), integer(n)) {
                return Ok(Parsed::Number(base + sign * n));
            }
        }
    }
    symbols(text, crate::decode::SIGNALS, &extra).map_err(|e| expected("a signal (SIGTERM, SIGRTMIN+3) or a number", e))
}

/// Wait options: `WNOHANG|WUNTRACED`, or a number.
pub fn wait_options(text: &str) -> Result<Parsed, String> {
    expr(text, &[crate::decode::process::WAIT_OPTIONS, crate::decode::process::WAIT_OPTIONS_MORE], &[])
        .map(Parsed::Number)
        .map_err(|e| expected("wait options (WNOHANG|WUNTRACED) or a number", e))
}

/// A ptrace request: `PT_ATTACH` or `PTRACE_ATTACH`, or a number.
pub fn ptrace_request(text: &str) -> Result<Parsed, String> {
    expr(text, &[crate::decode::process::PTRACE_REQUESTS, crate::decode::process::PTRACE_NAMES], &[])
        .map(Parsed::Number)
        .map_err(|e| expected("a ptrace request (PTRACE_ATTACH) or a number", e))
}

/// getpriority's which: PRIO_PROCESS, PRIO_PGRP, PRIO_USER, or a number.
pub fn priority_which(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::process::PRIORITY_WHICH).map_err(|e| expected("PRIO_PROCESS, PRIO_PGRP, PRIO_USER or a number", e))
}

/// An exec call's envp: the command's own environment, as libexplain's explain(1)
/// passes it (the argument is never written on the command line).
pub fn environ(_text: &str) -> Result<Parsed, String> {
    Ok(Parsed::Number(crate::sys::environ_table() as i64))
}

/// An exec call's argv: the program's name (the pathname argument, given first) then
/// every argument left on the command line, as libexplain's explain(1) builds it. The
/// strings live as long as the command (it explains one call and exits).
pub fn argv(words: &[String]) -> Result<Parsed, String> {
    let mut pointers = Vec::with_capacity(words.len() + 1);
    for w in words {
        let s = CString::new(w.as_str()).map_err(|_| "strings without NUL bytes".to_string())?;
        pointers.push(Box::leak(s.into_boxed_c_str()).as_ptr() as i64);
    }
    pointers.push(0);
    Ok(Parsed::Words(pointers))
}

/// The parser named in kinds.table for an argv: never called one word at a time (the
/// command hands argv() the rest of the line, see `REST_OF_LINE`).
pub fn argv_rest(text: &str) -> Result<Parsed, String> {
    argv(&[text.to_string()])
}

/// The default of an argument that takes the rest of the command line (an exec call's
/// argv).
pub const REST_OF_LINE: &str = "&argv";
