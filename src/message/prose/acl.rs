//! Access control lists in words.

use super::{fs, generic, ids};
use crate::message::Message;
use crate::probe::acl::{AclObject, BadEntry, TextFault};
use crate::probe::creds::{capability_name, Creds, CAP_FOWNER};
use crate::probe::mounts::mount_of;
use crate::sys::Stat;

/// ENOTSUP: the file system of the file (with `st`) has no ACLs.
pub fn unsupported(m: &mut Message, st: &Stat, supported: Option<bool>) {
    m.because();
    match mount_of(st) {
        Some(mnt) => fs::mount(m, &mnt),
        None => m.text("the file system of the file"),
    }
    if supported == Some(true) {
        m.text(" supports access control lists now, though it refused them when the call was made");
    } else {
        m.text(" does not support access control lists (the kernel keeps none for its files), or they are disabled on it (mount option noacl)");
    }
}

/// What is wrong with an `acl_t` argument; false (nothing written) when it is a valid ACL.
pub fn bad_object(m: &mut Message, arg: &str, obj: AclObject) -> bool {
    match obj {
        AclObject::Null => {
            m.because();
            m.text(arg);
            m.text(" is the NULL pointer, not an ACL: the NULL returned by a failed acl_init, acl_from_text or acl_get_file was used unchecked");
        }
        AclObject::Unreadable => {
            m.because();
            m.text(arg);
            m.text(" does not point to readable memory, so it is not an ACL made by libacl");
        }
        AclObject::NotAnAcl => {
            m.because();
            m.text(arg);
            m.text(" does not point to an ACL object of libacl: it was already released with acl_free, or is some other kind of pointer");
        }
        AclObject::Acl { check: 0, .. } => return false,
        AclObject::Acl { entries, check, entry } => {
            m.because();
            let _ = core::fmt::write(m, format_args!("{arg} is not a valid ACL (it has {entries} entries): "));
            let entry_no = entry.map_or(0, |e| e + 1);
            match check {
                crate::sys::acl::ACL_MULTI_ERROR => {
                    let _ = core::fmt::write(m, format_args!("entry {entry_no} repeats a tag that may appear only once (the owner, owning group, mask or other)"));
                }
                crate::sys::acl::ACL_DUPLICATE_ERROR => {
                    let _ = core::fmt::write(m, format_args!("entry {entry_no} names a user or group that an earlier entry already names"));
                }
                crate::sys::acl::ACL_MISS_ERROR => {
                    m.text("a required entry is missing: every ACL needs the owner (user::), owning group (group::) and other (other::) entries, and a mask (mask::) as soon as it names any user or group");
                }
                _ => {
                    let _ = core::fmt::write(m, format_args!("entry {entry_no} has an invalid tag"));
                }
            }
        }
    }
    true
}

/// EINVAL from acl_from_text: the entry it refused, and why.
pub fn text_fault(m: &mut Message, text: &[u8], bad: &BadEntry) {
    m.because();
    let _ = core::fmt::write(m, format_args!("entry {} of text, ", bad.number));
    m.quoted(&text[bad.entry.0..bad.entry.1]);
    let part = &text[bad.part.0..bad.part.1.max(bad.part.0)];
    let _ = core::fmt::write(m, format_args!(" (at byte {}), ", bad.part.0));
    match bad.fault {
        TextFault::Empty => m.text("is empty: two separators (',') follow each other"),
        TextFault::UnknownTag => {
            m.text("starts with ");
            m.quoted(part);
            m.text(", which is not a tag: user (u), group (g), mask (m) or other (o)");
        }
        TextFault::MissingColon => m.text("lacks a ':' between its fields (tag:qualifier:permissions)"),
        TextFault::QualifierNotAllowed => {
            m.text("gives the qualifier ");
            m.quoted(part);
            m.text(", but mask and other entries name no user or group");
        }
        TextFault::UnknownUser | TextFault::UnknownGroup => {
            let what = if bad.fault == TextFault::UnknownUser { "user" } else { "group" };
            let _ = core::fmt::write(m, format_args!("names the {what} "));
            m.quoted(part);
            let _ = core::fmt::write(m, format_args!(", and no {what} of that name is known (/etc/{})", if what == "user" { "passwd" } else { "group" }));
        }
        TextFault::BadPermissions => {
            m.text("has the permissions ");
            m.quoted(part);
            m.text(", which are not one to three of r, w, x and -, with no letter twice");
        }
        TextFault::TrailingText => {
            m.text("has more than three fields: ");
            m.quoted(part);
            m.text(" follows the permissions");
        }
    }
}

/// EPERM from setting an ACL: only the owner (or CAP_FOWNER) may.
pub fn not_owner(m: &mut Message, st: &Stat, c: &Creds) {
    if c.uid == st.st_uid || c.has_cap(CAP_FOWNER) {
        return generic::meaning(m, libc::EPERM);
    }
    m.because();
    m.text("only the file's owner (");
    ids::user(m, st.st_uid);
    m.text(") or a process with the ");
    m.text(capability_name(CAP_FOWNER));
    m.text(" capability may set its ACL, and the process's effective user is ");
    ids::user(m, c.uid);
    m.text(" without that capability");
}
