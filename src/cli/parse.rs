//! Arguments as a user copies them from an strace listing: `O_WRONLY|O_CREAT`, `0644`,
//! `42`, `0x7f00…`, `NULL`, `AT_FDCWD`, `"quoted strings"`.

use std::ffi::CString;

pub enum Parsed {
    Number(i64),
    Str(CString),
    Null,
}

impl Parsed {
    pub fn number(&self) -> i64 {
        match self {
            Parsed::Number(n) => *n,
            _ => 0,
        }
    }

    pub fn pointer(&self) -> *const libc::c_char {
        match self {
            Parsed::Str(s) => s.as_ptr(),
            Parsed::Number(n) => *n as usize as *const libc::c_char,
            Parsed::Null => core::ptr::null(),
        }
    }
}

// The parsers named by src/decode/kinds.table, one per way of writing an argument.

/// A string, in double quotes with C escapes or bare; NULL for the null pointer, and a
/// bare hex address (0x10) for a pointer, as strace prints a string it could not read.
pub fn string(text: &str) -> Result<Parsed, String> {
    if text == "NULL" {
        return Ok(Parsed::Null);
    }
    if let Some(hex) = text.strip_prefix("0x").filter(|h| !h.is_empty() && h.bytes().all(|c| c.is_ascii_hexdigit())) {
        return i64::from_str_radix(hex, 16).map(Parsed::Number).map_err(|_| "an address".into());
    }
    CString::new(unquote(text)).map(Parsed::Str).map_err(|_| "a string without NUL bytes".into())
}

/// An address (0x1234) or NULL.
pub fn pointer(text: &str) -> Result<Parsed, String> {
    if text == "NULL" {
        Ok(Parsed::Null)
    } else {
        number(text).map_err(|_| "an address (0x1234) or NULL".into())
    }
}

/// Decimal, 0x hex, or leading-0 octal, optionally negative.
pub fn number(text: &str) -> Result<Parsed, String> {
    integer(text).map(Parsed::Number).ok_or_else(|| "a number".into())
}

/// A directory descriptor: a number or AT_FDCWD.
pub fn dirfd(text: &str) -> Result<Parsed, String> {
    if text == "AT_FDCWD" {
        return Ok(Parsed::Number(libc::AT_FDCWD as i64));
    }
    number(text).map_err(|_| "a descriptor or AT_FDCWD".into())
}

/// open(2) flags: O_RDONLY|O_CREAT…, or a number.
pub fn open_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::OPEN_FLAGS, &[("O_RDONLY", 0), ("O_WRONLY", 1), ("O_RDWR", 2)])
}

/// An fcntl command by name (F_SETLKW, F_DUPFD_CLOEXEC…) or number.
pub fn fcntl_cmd(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::FCNTL_COMMANDS).map_err(|_| "an fcntl command (F_GETFL, F_SETLK…) or a number".into())
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
    symbols(text, crate::decode::OPEN_FLAGS, &extra)
        .or_else(|_| symbols(text, crate::decode::SEALS, &extra))
        .map_err(|_| "a number, an address, open flags, FD_CLOEXEC, seals or a lock type".into())
}

/// flock(2) operations: LOCK_EX|LOCK_NB, or a number.
pub fn flock_op(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::FLOCK_OPS, &[])
}

/// lseek(2) whence: SEEK_SET… or a number.
pub fn whence(text: &str) -> Result<Parsed, String> {
    one_of(text, crate::decode::WHENCE).map_err(|_| "SEEK_SET, SEEK_CUR, SEEK_END, SEEK_DATA, SEEK_HOLE or a number".into())
}

/// pipe2(2) flags: O_CLOEXEC|O_NONBLOCK…, or a number.
pub fn pipe_flags(text: &str) -> Result<Parsed, String> {
    symbols(text, crate::decode::PIPE_FLAGS, &[])
}

/// One name from `table`, or a number.
fn one_of(text: &str, table: &[crate::decode::Entry]) -> Result<Parsed, String> {
    if let Some(n) = integer(text) {
        return Ok(Parsed::Number(n));
    }
    table.iter().find(|e| e.name == text.trim()).map(|e| Parsed::Number(e.value)).ok_or_else(|| format!("unknown name {text:?}"))
}

/// Removes one level of double quotes and C escapes, if present.
fn unquote(text: &str) -> Vec<u8> {
    let Some(inner) = text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) else {
        return text.as_bytes().to_vec();
    };
    let b = inner.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 == b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        i += 1;
        let c = b[i];
        i += 1;
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

fn integer(text: &str) -> Option<i64> {
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

/// Names from `table` or `extra` joined by `|`, and numbers.
pub fn symbols(text: &str, table: &[crate::decode::Entry], extra: &[(&str, i64)]) -> Result<Parsed, String> {
    let mut v = 0i64;
    for part in text.split('|').map(str::trim) {
        if let Some(n) = integer(part) {
            v |= n;
        } else if let Some((_, n)) = extra.iter().find(|(name, _)| *name == part) {
            v |= n;
        } else if let Some(e) = table.iter().find(|e| e.name == part) {
            v |= e.value;
        } else {
            return Err(format!("unknown flag {part:?}"));
        }
    }
    Ok(Parsed::Number(v))
}

const MODE_BITS: &[(&str, i64)] = &[
    ("S_ISUID", 0o4000), ("S_ISGID", 0o2000), ("S_ISVTX", 0o1000),
    ("S_IRWXU", 0o700), ("S_IRUSR", 0o400), ("S_IWUSR", 0o200), ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o70), ("S_IRGRP", 0o40), ("S_IWGRP", 0o20), ("S_IXGRP", 0o10),
    ("S_IRWXO", 0o7), ("S_IROTH", 0o4), ("S_IWOTH", 0o2), ("S_IXOTH", 0o1),
];

/// A mode: octal as written (0644 or 644), or S_I* names joined by `|`.
pub fn mode(text: &str) -> Result<Parsed, String> {
    let t = text.trim();
    if !t.is_empty() && t.bytes().all(|c| (b'0'..=b'7').contains(&c)) {
        return Ok(Parsed::Number(i64::from_str_radix(t, 8).unwrap_or(0)));
    }
    symbols(t, &[], MODE_BITS).map_err(|_| "a mode (0644 or S_IRUSR|S_IWUSR)".into())
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
        assert_eq!(string("\"a\\tb\"").unwrap().pointer().is_null(), false);
        assert_eq!(string("0x10").unwrap().pointer() as usize, 0x10);
        assert!(matches!(string("\"0x10\"").unwrap(), Parsed::Str(_)));
        assert_eq!(fcntl_cmd("F_SETLKW").unwrap().number(), libc::F_SETLKW as i64);
        assert_eq!(fcntl_cmd("F_SETSIG").unwrap().number(), 10);
        assert_eq!(fcntl_arg("O_NONBLOCK").unwrap().number(), libc::O_NONBLOCK as i64);
        assert_eq!(flock_op("LOCK_EX|LOCK_NB").unwrap().number(), (libc::LOCK_EX | libc::LOCK_NB) as i64);
        assert_eq!(whence("SEEK_DATA").unwrap().number(), libc::SEEK_DATA as i64);
        assert_eq!(pipe_flags("O_CLOEXEC|O_NONBLOCK").unwrap().number(), (libc::O_CLOEXEC | libc::O_NONBLOCK) as i64);
    }
}
