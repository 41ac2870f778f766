//! User and group names, read from /etc/passwd and /etc/group directly: the NSS
//! functions (getpwuid) allocate, may load modules, and are not ours to call here.

use super::lines::{field, for_each_line, number};
use super::name_cache::Database;

/// A short name copied out of a database line.
#[derive(Clone, Copy)]
pub struct Name {
    buf: [u8; 64],
    len: usize,
}

impl Name {
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// A copy of `b`, cut at 64 bytes (a service or protocol name of /etc/services).
    pub fn from_bytes(b: &[u8]) -> Name {
        let mut name = Name { buf: [0; 64], len: b.len().min(64) };
        name.buf[..name.len].copy_from_slice(&b[..name.len]);
        name
    }
}

fn lookup(db: &[u8], id: u32) -> Option<Name> {
    let mut found = None;
    let _ = for_each_line(db, |line| {
        if field(line, b':', 2).and_then(number) == Some(id as u64) {
            if let Some(n) = field(line, b':', 0) {
                let mut name = Name { buf: [0; 64], len: n.len().min(64) };
                name.buf[..name.len].copy_from_slice(&n[..name.len]);
                found = Some(name);
            }
            return false;
        }
        true
    });
    found
}

/// The name of user `uid`: held by name_cache while /etc/passwd is unchanged.
pub fn user_name(uid: u32) -> Option<Name> {
    super::name_cache::name(Database::Passwd, uid, || lookup(b"/etc/passwd", uid))
}

/// The name of group `gid`: held by name_cache while /etc/group is unchanged.
pub fn group_name(gid: u32) -> Option<Name> {
    super::name_cache::name(Database::Group, gid, || lookup(b"/etc/group", gid))
}

fn lookup_id(db: &[u8], name: &[u8]) -> Option<u32> {
    let mut found = None;
    let _ = for_each_line(db, |line| {
        if field(line, b':', 0) == Some(name) {
            found = field(line, b':', 2).and_then(number).map(|n| n as u32);
            return false;
        }
        true
    });
    found
}

/// The uid of the user called `name` in /etc/passwd.
pub fn user_id(name: &[u8]) -> Option<u32> {
    lookup_id(b"/etc/passwd", name)
}

/// The gid of the group called `name` in /etc/group.
pub fn group_id(name: &[u8]) -> Option<u32> {
    lookup_id(b"/etc/group", name)
}
