//! Access control lists: whether a file system supports them, what an `acl_t` holds, and
//! where the text form of an ACL (acl(5)) stops being one.

use super::users;
use crate::sys::{self, CPath};

pub use crate::sys::acl::{acl_object, AclObject};

const ACCESS_XATTR: &[u8] = b"system.posix_acl_access\0";

/// Whether the file system of the file supports POSIX ACLs (the kernel keeps them as the
/// extended attribute system.posix_acl_access); None when the question cannot be asked.
pub fn supported_at(path: &CPath) -> Option<bool> {
    verdict(sys::xattr_size(path, ACCESS_XATTR))
}

pub fn supported_fd(fd: i32) -> Option<bool> {
    verdict(sys::fxattr_size(fd, ACCESS_XATTR))
}

fn verdict(r: sys::Result<usize>) -> Option<bool> {
    match r {
        Ok(_) | Err(libc::ENODATA) => Some(true),
        Err(libc::EOPNOTSUPP) => Some(false),
        Err(_) => None,
    }
}

/// Why an entry of an ACL's text form is refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextFault {
    /// Nothing between two separators.
    Empty,
    /// The tag is not user/u, group/g, mask/m or other/o.
    UnknownTag,
    /// A field separator ':' is missing.
    MissingColon,
    /// mask and other take no qualifier.
    QualifierNotAllowed,
    /// No user or group of that name.
    UnknownUser,
    UnknownGroup,
    /// The permissions are not 1 to 3 of r, w, x and -, no letter twice.
    BadPermissions,
    /// Something follows the permissions before the next separator.
    TrailingText,
}

/// The first entry the text form refuses: its number (from 1), its byte range in the
/// text, the fault, and the range of the offending part of the entry.
#[derive(Clone, Copy, Debug)]
pub struct BadEntry {
    pub number: usize,
    pub entry: (usize, usize),
    pub part: (usize, usize),
    pub fault: TextFault,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// Parses `text` as libacl's acl_from_text(3) does; None when every entry is well formed.
pub fn text_fault(text: &[u8]) -> Option<BadEntry> {
    let mut i = 0;
    let mut number = 0;
    let mut after_comma = false;
    loop {
        while i < text.len() && is_space(text[i]) {
            i += 1;
        }
        if i < text.len() && text[i] == b'#' {
            while i < text.len() && text[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if i == text.len() {
            return None;
        }
        number += 1;
        let start = i;
        let end = text[i..].iter().position(|&c| c == b',' || c == b'#' || is_space(c)).map_or(text.len(), |n| i + n);
        let bad = |fault, part: (usize, usize)| Some(BadEntry { number, entry: (start, end), part, fault });
        if start == end {
            // A ',' right away: an empty entry (or a stray comma at the start).
            if text[i] == b',' && (after_comma || number == 1) {
                return bad(TextFault::Empty, (start, start + 1));
            }
            if text[i] == b',' {
                after_comma = true;
                number -= 1;
                i += 1;
                continue;
            }
        }
        if let Some(f) = entry_fault(&text[start..end]) {
            let (a, b) = f.1;
            return bad(f.0, (start + a, start + b));
        }
        after_comma = false;
        i = end;
        if i < text.len() && text[i] == b',' {
            after_comma = true;
            i += 1;
        }
    }
}

/// The fault of one entry and the range of its offending part (relative to the entry).
fn entry_fault(e: &[u8]) -> Option<(TextFault, (usize, usize))> {
    let fields: [Option<(usize, usize)>; 4] = {
        let mut f = [None; 4];
        let mut at = 0;
        for (k, slot) in f.iter_mut().enumerate() {
            if k > 0 && at > e.len() {
                break;
            }
            let end = e[at..].iter().position(|&c| c == b':').map_or(e.len(), |n| at + n);
            *slot = Some((at, end));
            at = end + 1;
            if end == e.len() {
                break;
            }
        }
        f
    };
    let (ts, te) = fields[0]?;
    let tag = &e[ts..te];
    let needs_qualifier_field = match tag {
        b"user" | b"u" | b"group" | b"g" => true,
        b"mask" | b"m" | b"other" | b"o" => false,
        _ => return Some((TextFault::UnknownTag, (ts, te))),
    };
    let Some(second) = fields[1] else { return Some((TextFault::MissingColon, (te, te))) };
    // mask and other: "o::r" or "o:r".
    let (qualifier, perms, rest) = match (needs_qualifier_field, fields[2]) {
        (true, None) => return Some((TextFault::MissingColon, (second.1, second.1))),
        (true, Some(p)) => (Some(second), p, fields[3]),
        (false, Some(p)) if second.0 == second.1 => (None, p, fields[3]),
        (false, Some(_)) => return Some((TextFault::QualifierNotAllowed, second)),
        (false, None) => (None, second, None),
    };
    if let Some(r) = rest {
        return Some((TextFault::TrailingText, (r.0.saturating_sub(1), e.len())));
    }
    let p = &e[perms.0..perms.1];
    let mut seen = [false; 4];
    let ok_perms = !p.is_empty()
        && p.len() <= 3
        && p.iter().all(|c| match b"rwx-".iter().position(|x| x == c) {
            Some(3) => true,
            Some(k) if !seen[k] => {
                seen[k] = true;
                true
            }
            _ => false,
        });
    if !ok_perms {
        return Some((TextFault::BadPermissions, perms));
    }
    if let Some((qs, qe)) = qualifier {
        let q = &e[qs..qe];
        let numeric = !q.is_empty() && q.iter().all(u8::is_ascii_digit);
        if !q.is_empty() && !numeric {
            let user = matches!(tag, b"user" | b"u");
            let known = if user { users::user_id(q).is_some() } else { users::group_id(q).is_some() };
            if !known {
                return Some((if user { TextFault::UnknownUser } else { TextFault::UnknownGroup }, (qs, qe)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(t: &str) -> Option<(usize, TextFault, String)> {
        text_fault(t.as_bytes()).map(|b| (b.number, b.fault, t[b.part.0..b.part.1].to_string()))
    }

    #[test]
    fn finds_the_entry_acl_from_text_refuses() {
        assert!(fault("u::rw-,g::r--,o::---").is_none());
        assert!(fault("  u::r ,  g::r  ").is_none());
        assert!(fault("u::r#c\ng::r").is_none());
        assert!(fault("o:r,mask:r,u:0:r").is_none());
        assert!(fault("u::rw-,g::r--,o::---").is_none());
        assert!(fault("").is_none());
        assert_eq!(fault("u::rw-,bogus::r"), Some((2, TextFault::UnknownTag, "bogus".into())));
        assert_eq!(fault("u::rwxr"), Some((1, TextFault::BadPermissions, "rwxr".into())));
        assert_eq!(fault("u::"), Some((1, TextFault::BadPermissions, "".into())));
        assert_eq!(fault("m:x:r"), Some((1, TextFault::QualifierNotAllowed, "x".into())));
        assert_eq!(fault("u::r,,g::r").map(|f| f.1), Some(TextFault::Empty));
        assert_eq!(fault("u::rw-:extra").map(|f| f.1), Some(TextFault::TrailingText));
        assert_eq!(fault("u").map(|f| f.1), Some(TextFault::MissingColon));
        assert_eq!(fault("g::r,u:no-such-user-here:r"), Some((2, TextFault::UnknownUser, "no-such-user-here".into())));
    }
}
