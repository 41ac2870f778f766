//! libacl, the library the ACL calls belong to (acl(5), libacl1): its types and the
//! functions `_or_die`/`_on_error` perform, plus `acl_check` to say why an ACL is invalid.
//! Not a kernel interface: these run in user space on the caller's `acl_t`, so the
//! probes only hand them an `acl_t` after `acl_object` has found libacl's magic.
#![allow(non_camel_case_types)]

use libc::{c_char, c_int, c_void, ssize_t};

/// An ACL object of libacl (`struct __acl_ext *`).
pub type acl_t = *mut c_void;
/// ACL_TYPE_ACCESS or ACL_TYPE_DEFAULT.
pub type acl_type_t = libc::c_uint;

pub const ACL_TYPE_ACCESS: acl_type_t = 0x8000;
pub const ACL_TYPE_DEFAULT: acl_type_t = 0x4000;

/// acl_check(3) results.
pub const ACL_MULTI_ERROR: c_int = 0x1000;
pub const ACL_DUPLICATE_ERROR: c_int = 0x2000;
pub const ACL_MISS_ERROR: c_int = 0x3000;
pub const ACL_ENTRY_ERROR: c_int = 0x4000;

extern "C" {
    pub fn acl_get_file(path_p: *const c_char, r#type: acl_type_t) -> acl_t;
    pub fn acl_set_file(path_p: *const c_char, r#type: acl_type_t, acl: acl_t) -> c_int;
    pub fn acl_get_fd(fd: c_int) -> acl_t;
    pub fn acl_set_fd(fd: c_int, acl: acl_t) -> c_int;
    pub fn acl_from_text(buf_p: *const c_char) -> acl_t;
    pub fn acl_to_text(acl: acl_t, len_p: *mut ssize_t) -> *mut c_char;
    pub fn acl_valid(acl: acl_t) -> c_int;
    pub fn acl_free(obj_p: *mut c_void) -> c_int;
    fn acl_check(acl: acl_t, last: *mut c_int) -> c_int;
    fn acl_entries(acl: acl_t) -> c_int;
    fn acl_to_any_text(acl: acl_t, prefix: *const c_char, separator: c_char, options: c_int) -> *mut c_char;
}

/// libacl puts an 8-byte prefix before the object an `acl_t` points to; its low 16 bits
/// are the object's magic number, this one for an ACL (libacl's ACL_MAGIC).
const ACL_MAGIC: u16 = 0x712c;

/// What the memory at an `acl_t` holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AclObject {
    Null,
    /// Not readable memory.
    Unreadable,
    /// Readable, but not an ACL made by libacl (freed, or not an acl_t at all).
    NotAnAcl,
    /// An ACL with `entries` entries; `check` is acl_check's verdict (0 when valid) and
    /// `entry` the 0-based index of the entry it blames, if any.
    Acl { entries: i32, check: i32, entry: Option<i32> },
}

/// Examines an `acl_t` without trusting it: the prefix is read through the kernel
/// (no fault on a bad pointer), and libacl is asked only once the magic is there.
pub fn acl_object(acl: usize) -> AclObject {
    if acl == 0 {
        return AclObject::Null;
    }
    let Some(prefix) = acl.checked_sub(8) else { return AclObject::Unreadable };
    let mut b = [0u8; 16];
    if super::read_memory(prefix, &mut b) != b.len() {
        return AclObject::Unreadable;
    }
    if u16::from_ne_bytes([b[0], b[1]]) != ACL_MAGIC {
        return AclObject::NotAnAcl;
    }
    let mut last: c_int = -1;
    // SAFETY: the pointer is readable and carries libacl's ACL magic: it is an ACL object
    // of libacl (the same check libacl makes before using it).
    let (check, entries) = unsafe { (acl_check(acl as acl_t, &mut last), acl_entries(acl as acl_t)) };
    AclObject::Acl { entries, check: check.max(0), entry: Some(last).filter(|&l| l >= 0 && check > 0) }
}

/// acl_to_any_text's option for the short form (`u::rw-` for `user::rw-`).
const TEXT_ABBREVIATE: c_int = 0x10;

/// An ACL's entries in their short text form separated by spaces (`u::rw- g::r--
/// o::r--`), as libexplain echoes an `acl_t`, copied into `buf`; the length, or None
/// when `acl` is not an ACL of libacl.
pub fn short_text(acl: usize, buf: &mut [u8]) -> Option<usize> {
    if !matches!(acl_object(acl), AclObject::Acl { .. }) {
        return None;
    }
    // SAFETY: acl_object found libacl's ACL magic; the text is libacl's, freed here.
    unsafe {
        let text = acl_to_any_text(acl as acl_t, core::ptr::null(), b' ' as c_char, TEXT_ABBREVIATE);
        if text.is_null() {
            return None;
        }
        let len = libc::strlen(text).min(buf.len());
        core::ptr::copy_nonoverlapping(text as *const u8, buf.as_mut_ptr(), len);
        acl_free(text as *mut c_void);
        Some(len)
    }
}
