//! Who the process is, as the credential calls see it: its
//! real, effective and saved user and group ids, the ids its user namespace maps
//! (/proc/self/uid_map, gid_map), whether it may call setgroups there, the kernel's
//! NGROUPS_MAX, and the groups /etc/group gives a user.

use super::lines::{field, for_each_line, number};
use crate::sys;

/// User ids or group ids: the calls come in pairs (setuid and setgid…).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum IdKind {
    User,
    Group,
}

impl IdKind {
    /// The capability that lets a process set ids of this kind at will.
    pub fn capability(self) -> u32 {
        match self {
            IdKind::User => super::creds::CAP_SETUID,
            IdKind::Group => super::creds::CAP_SETGID,
        }
    }
}

/// The three ids of one kind the kernel keeps for a process.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Ids {
    pub real: u32,
    pub effective: u32,
    pub saved: u32,
}

/// The process's ids now, asked of the kernel (getresuid, getresgid).
pub fn ids(kind: IdKind) -> Ids {
    let (real, effective, saved) = match kind {
        IdKind::User => sys::uids(),
        IdKind::Group => sys::gids(),
    };
    Ids { real, effective, saved }
}

/// Which of the process's ids an unprivileged process may set an id to: setuid(2) takes
/// the real or saved one, setreuid's ruid the real or effective one, setresuid's any.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Choice {
    pub real: bool,
    pub effective: bool,
    pub saved: bool,
}

pub const REAL_OR_SAVED: Choice = Choice { real: true, effective: false, saved: true };
pub const REAL_OR_EFFECTIVE: Choice = Choice { real: true, effective: true, saved: false };
pub const ANY_OF_THREE: Choice = Choice { real: true, effective: true, saved: true };

impl Ids {
    /// Whether an unprivileged process may set an id to `id` under `choice`; -1 (leave
    /// it unchanged) always may.
    pub fn allows(&self, choice: Choice, id: u32) -> bool {
        id == u32::MAX || (choice.real && id == self.real) || (choice.effective && id == self.effective) || (choice.saved && id == self.saved)
    }
}

/// One line of a uid_map or gid_map: ids `inside..inside+count` of the namespace are
/// ids `outside..` of its parent.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Range {
    pub inside: u32,
    pub outside: u32,
    pub count: u32,
}

/// The ranges of a map; the kernel allows 340, the first 16 are kept.
#[derive(Clone, Copy, Debug)]
pub struct IdMap {
    pub ranges: [Range; 16],
    pub len: usize,
    /// More lines than were kept.
    pub more: bool,
    /// The map could not be read (no /proc).
    pub unknown: bool,
}

impl IdMap {
    pub fn ranges(&self) -> &[Range] {
        &self.ranges[..self.len]
    }

    /// Whether `id` of the namespace has an id outside it; unknown maps say yes.
    pub fn maps(&self, id: u32) -> bool {
        self.unknown || self.more || self.ranges().iter().any(|r| id >= r.inside && (id - r.inside) < r.count)
    }

    /// Whether the map is the initial namespace's identity map (0 0 4294967295).
    pub fn is_identity(&self) -> bool {
        self.ranges() == [Range { inside: 0, outside: 0, count: u32::MAX }]
    }
}

/// /proc/self/uid_map or gid_map.
pub fn id_map(kind: IdKind) -> IdMap {
    let path: &[u8] = match kind {
        IdKind::User => b"/proc/self/uid_map",
        IdKind::Group => b"/proc/self/gid_map",
    };
    let mut map = IdMap { ranges: [Range::default(); 16], len: 0, more: false, unknown: false };
    let read = for_each_line(path, |line| {
        let mut cols = line.split(|c| c.is_ascii_whitespace()).filter(|c| !c.is_empty()).map(number);
        if let (Some(Some(inside)), Some(Some(outside)), Some(Some(count))) = (cols.next(), cols.next(), cols.next()) {
            if map.len == map.ranges.len() {
                map.more = true;
                return false;
            }
            map.ranges[map.len] = Range { inside: inside as u32, outside: outside as u32, count: count as u32 };
            map.len += 1;
        }
        true
    });
    map.unknown = read.is_err();
    map
}

/// Whether /proc/self/setgroups says `deny`: setgroups(2) is refused in this user
/// namespace whatever the capabilities (user_namespaces(7)).
pub fn setgroups_denied() -> bool {
    let mut buf = [0u8; 16];
    sys::read_file(b"/proc/self/setgroups", &mut buf).is_ok_and(|n| buf[..n].starts_with(b"deny"))
}

/// NGROUPS_MAX of the running kernel (/proc/sys/kernel/ngroups_max), else 65536.
pub fn ngroups_max() -> u64 {
    let mut buf = [0u8; 32];
    sys::read_file(b"/proc/sys/kernel/ngroups_max", &mut buf).ok().and_then(|n| number(&buf[..n])).unwrap_or(65536)
}

/// How many supplementary groups the process has; they are stored in `list` when they
/// all fit.
pub fn supplementary_groups(list: &mut [u32]) -> usize {
    let all = sys::groups(&mut []);
    if all <= list.len() {
        sys::groups(list);
    }
    all
}

/// The groups getgrouplist(3) gives `user`: `group` first, then each /etc/group entry
/// that lists the user as a member; the first `list.len()` into `list`, and how many in
/// all. Groups from other NSS sources (LDAP, sssd) are not seen here.
pub fn groups_of_user(user: &[u8], group: u32, list: &mut [u32]) -> usize {
    let mut n = 0;
    let mut add = |gid: u32, n: &mut usize| {
        if list[..(*n).min(list.len())].contains(&gid) {
            return;
        }
        if *n < list.len() {
            list[*n] = gid;
        }
        *n += 1;
    };
    add(group, &mut n);
    let _ = for_each_line(b"/etc/group", |line| {
        let member = field(line, b':', 3).is_some_and(|m| m.split(|&c| c == b',').any(|u| u == user));
        if let Some(gid) = field(line, b':', 2).and_then(number).filter(|_| member) {
            add(gid as u32, &mut n);
        }
        true
    });
    n
}

/// Processes (threads counted, as RLIMIT_NPROC counts them) whose real user is `uid`.
pub fn user_processes(uid: u32) -> Option<u64> {
    super::children::user_tasks(uid)
}

/// The process's RLIMIT_NPROC soft limit; RLIM_INFINITY when unlimited.
pub fn nproc_limit() -> Option<u64> {
    sys::rlimit(libc::RLIMIT_NPROC as i32).ok().map(|(soft, _)| soft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_follow_the_manual() {
        let ids = Ids { real: 1000, effective: 0, saved: 5 };
        assert!(ids.allows(REAL_OR_SAVED, 5) && !ids.allows(REAL_OR_SAVED, 0));
        assert!(ids.allows(REAL_OR_EFFECTIVE, 0) && !ids.allows(REAL_OR_EFFECTIVE, 5));
        assert!(ids.allows(ANY_OF_THREE, u32::MAX));
    }

    #[test]
    fn own_map_maps_own_ids() {
        let map = id_map(IdKind::User);
        assert!(map.maps(ids(IdKind::User).real));
    }

    #[test]
    fn root_is_in_group_root() {
        let mut list = [0u32; 8];
        let n = groups_of_user(b"root", 0, &mut list);
        assert!(n >= 1 && list[0] == 0);
    }
}
