//! The credential calls: which ids a process may switch to and
//! why it may not, with every id named; the user namespace's maps; the limits on
//! supplementary groups; the groups of a user.

use super::ids;
use crate::message::Message;
use crate::probe::creds::capability_name;
use crate::probe::identity::{Choice, IdKind, IdMap, Ids};

/// One id argument of a set*id call: its name, the value asked for, and which of the
/// process's ids an unprivileged caller may give it.
#[derive(Clone, Copy)]
pub struct Asked {
    pub arg: &'static str,
    pub id: u32,
    pub choice: Choice,
}

fn id(m: &mut Message, kind: IdKind, v: u32) {
    match kind {
        IdKind::User => ids::user(m, v),
        IdKind::Group => ids::group(m, v),
    }
}

fn noun(kind: IdKind) -> &'static str {
    match kind {
        IdKind::User => "user",
        IdKind::Group => "group",
    }
}

/// `real user 1000 "alice", effective user 0 "root", saved set-user-ID 0 "root"`.
pub fn process_ids(m: &mut Message, kind: IdKind, ids: &Ids) {
    let n = noun(kind);
    m.text("real ");
    m.text(n);
    m.text(" ");
    id(m, kind, ids.real);
    m.text(", effective ");
    m.text(n);
    m.text(" ");
    id(m, kind, ids.effective);
    m.text(match kind {
        IdKind::User => ", saved set-user-ID ",
        IdKind::Group => ", saved set-group-ID ",
    });
    id(m, kind, ids.saved);
}

/// `its real or saved user ID (1000 "alice", 0 "root")`: the ids `choice` allows, each
/// value once.
fn choices(m: &mut Message, kind: IdKind, ids: &Ids, choice: Choice) {
    let all = [(choice.real, "real", ids.real), (choice.effective, "effective", ids.effective), (choice.saved, "saved", ids.saved)];
    let allowed = all.iter().filter(|a| a.0);
    let count = allowed.clone().count();
    m.text("its ");
    for (i, (_, word, _)) in allowed.clone().enumerate() {
        m.text(word);
        m.text(if i + 2 == count { " or " } else if i + 1 < count { ", " } else { "" });
    }
    m.text(" ");
    m.text(noun(kind));
    m.text(" ID (");
    let mut shown: [Option<u32>; 3] = [None; 3];
    for (i, (_, _, v)) in allowed.enumerate() {
        if shown.contains(&Some(*v)) {
            continue;
        }
        m.text(if i == 0 { "" } else { ", " });
        shown[i] = Some(*v);
        id(m, kind, *v);
    }
    m.text(")");
}

/// EPERM of setuid, setreuid, setresuid and their group twins: the capability the
/// process lacks, and for each argument it may not give, the ids it may.
pub fn change_refused(m: &mut Message, kind: IdKind, ids: &Ids, has_cap: bool, asked: &[Asked]) {
    m.because();
    let cap = capability_name(kind.capability());
    if has_cap {
        m.text("the process has the ");
        m.text(cap);
        m.text(" capability now (");
        process_ids(m, kind, ids);
        m.text("), which allows any ");
        m.text(noun(kind));
        m.text(" ID, so the call ran without it (in another process, or before the capability was gained) or a security module (SELinux, AppArmor, a seccomp filter) forbade the change");
        return;
    }
    m.text("the process does not have the ");
    m.text(cap);
    m.text(" capability (");
    process_ids(m, kind, ids);
    m.text(")");
    let mut any = false;
    for a in asked.iter().filter(|a| !ids.allows(a.choice, a.id)) {
        m.text(if any { "; and " } else { ", so " });
        any = true;
        m.text(a.arg);
        m.text(" may only be ");
        choices(m, kind, ids, a.choice);
        m.text(" or -1, and ");
        id(m, kind, a.id);
        m.text(" is none of them");
    }
    if !any {
        m.text("; each id asked for is one the process may choose now, so its ids were different when the call was made");
    }
}

/// EPERM of setgroups: the capability, or a user namespace where setgroups is denied.
pub fn groups_refused(m: &mut Message, has_cap: bool, denied: bool) {
    m.because();
    if denied {
        m.text("/proc/self/setgroups says \"deny\": in this user namespace setgroups is refused whatever the capabilities, so that a process cannot drop a group that denies it access (user_namespaces(7))");
        return;
    }
    let cap = capability_name(IdKind::Group.capability());
    m.text("the process (effective user ");
    ids::user(m, crate::probe::identity::ids(IdKind::User).effective);
    if has_cap {
        m.text(") has the ");
        m.text(cap);
        m.text(" capability that setting the supplementary groups requires, yet was refused: a security module forbids it, or the capability was dropped since");
    } else {
        m.text(") does not have the ");
        m.text(cap);
        m.text(" capability, which setting the supplementary groups requires");
    }
}

/// EAGAIN of a call that changes the real user id: the new user's processes against the
/// caller's RLIMIT_NPROC.
pub fn nproc_exceeded(m: &mut Message, arg: &str, target: u32, processes: Option<u64>, limit: Option<u64>) {
    m.because();
    m.text(arg);
    m.text(" ");
    ids::user(m, target);
    m.text(" would become the process's real user");
    match (processes, limit) {
        (Some(n), Some(max)) if max != libc::RLIM_INFINITY => {
            let plural = if n == 1 { "" } else { "es" };
            let _ = core::fmt::write(m, format_args!(", and that user already has {n} process{plural} (threads counted) against the process's RLIMIT_NPROC of {max}"));
            if n >= max {
                m.text(", which one more would exceed");
            } else {
                m.text(", under the limit now, so the count has fallen since, or the kernel could not allocate its per-user structures then");
            }
        }
        (n, _) => {
            m.text("; the process's RLIMIT_NPROC is unlimited");
            if let Some(n) = n {
                let _ = core::fmt::write(m, format_args!(" and that user has {n} processes (threads counted)"));
            }
            m.text(", so the kernel could not allocate its per-user structures");
        }
    }
    m.text(" (since Linux 3.1 the kernel lets the change happen and refuses the next execve instead)");
}

/// EINVAL of a set*id call: ids the user namespace does not map, with the ranges it does.
pub fn unmapped(m: &mut Message, kind: IdKind, map: &IdMap, asked: &[Asked]) {
    m.because();
    let mut any = false;
    for a in asked.iter().filter(|a| a.id != u32::MAX && !map.maps(a.id)) {
        m.text(if any { "; " } else { "" });
        any = true;
        m.text(a.arg);
        m.text(" ");
        id(m, kind, a.id);
        m.text(" has no mapping in the process's user namespace");
    }
    if !any {
        if asked.iter().any(|a| a.id == u32::MAX && a.choice == crate::probe::identity::REAL_OR_SAVED) {
            m.text("-1 is not an id: setuid and setgid take no \"leave unchanged\" value");
            return;
        }
        m.text("every id asked for has a mapping in the process's user namespace now, so it had none when the call was made");
    }
    m.text(match kind {
        IdKind::User => ": /proc/self/uid_map ",
        IdKind::Group => ": /proc/self/gid_map ",
    });
    if map.is_identity() {
        m.text("maps every id to itself (the initial user namespace)");
        return;
    }
    if map.len == 0 {
        m.text("maps no ids at all (the namespace was made without a map, as unshare -U does), so the process may switch to no id");
        return;
    }
    m.text("maps ");
    for (i, r) in map.ranges().iter().enumerate() {
        m.text(if i == 0 { "" } else { ", " });
        let last = r.inside as u64 + r.count as u64 - 1;
        let _ = core::fmt::write(m, format_args!("{}-{last} (to {} outside)", r.inside, r.outside));
    }
    if map.more {
        m.text(" and more");
    }
}

/// EINVAL of setgroups: more groups than the kernel's NGROUPS_MAX.
pub fn too_many_groups(m: &mut Message, size: u64, max: u64) {
    m.because();
    let _ = core::fmt::write(m, format_args!("data_size is {size}, more than the {max} supplementary groups the kernel allows a process (NGROUPS_MAX, /proc/sys/kernel/ngroups_max)"));
}

/// EINVAL of getgroups: the array is smaller than the groups the process has.
pub fn groups_dont_fit(m: &mut Message, size: i32, have: usize, max: u64) {
    m.because();
    if size < 0 {
        let _ = core::fmt::write(m, format_args!("data_size is {size}, a negative size"));
        return;
    }
    if size == 0 {
        m.text("data_size is 0, which asks only for the count of supplementary groups and is never refused, so the size was another when the call was made");
        return;
    }
    if size as u64 > max {
        let _ = core::fmt::write(m, format_args!("data_size {size} is more than NGROUPS_MAX ({max})"));
        return;
    }
    let _ = core::fmt::write(m, format_args!("data_size is {size} but the process has {have} supplementary groups"));
    if have <= size as usize {
        m.text(" now, so it had more when the call was made");
    }
    m.text("; call getgroups(0, NULL) first to learn how many, or give NGROUPS_MAX");
}

/// getgrouplist's failure: `ngroups` smaller than the user's groups, which are listed.
pub fn user_groups(m: &mut Message, user: &[u8], ngroups: Option<i32>, list: &[u32], count: usize) {
    m.because();
    m.text("user ");
    m.quoted(user);
    let _ = core::fmt::write(m, format_args!(" is in {count} group{} (", if count == 1 { "" } else { "s" }));
    for (i, g) in list.iter().take(count).enumerate() {
        m.text(if i == 0 { "" } else { ", " });
        ids::group(m, *g);
    }
    if count > list.len() {
        m.text(", …");
    }
    m.text(", from /etc/group and the group given)");
    match ngroups {
        Some(n) if (n.max(0) as usize) < count => {
            let _ = core::fmt::write(m, format_args!(", and *ngroups is {n}, too few for them; getgrouplist stores the number needed in *ngroups, so call it again with an array that large"));
        }
        Some(n) => {
            // A failed getgrouplist has already stored the number it needed in *ngroups:
            // read after the call (the _or_die forms), the count the caller gave is gone.
            let _ = core::fmt::write(m, format_args!(
                " and *ngroups is {n}, as many as that: a failed getgrouplist stores in *ngroups the number of groups it found, so the array given had room for fewer; call it again with an array of *ngroups ids (if {n} is what was given, other sources of groups, LDAP or sssd in /etc/nsswitch.conf, add more)"
            ));
        }
        None => m.text(", and ngroups does not point to a number the process may read"),
    }
}

/// The errors of the group database functions (getgrent, setgrent, endgrent): where
/// the entries come from.
pub fn group_database(m: &mut Message, errnum: i32) {
    m.because();
    match errnum {
        libc::ENOENT => m.text("a file the group database needs is missing: /etc/group, or a module named for \"group\" in /etc/nsswitch.conf"),
        libc::EAGAIN => m.text("a source of the group database (a directory service named in /etc/nsswitch.conf) was unavailable for the moment; it may work if retried"),
        libc::ERANGE => m.text("a group entry (its member list, most likely) is larger than the buffer the C library gave it"),
        libc::ENOMEM => m.text("there was no memory for the group entry"),
        _ => m.text("reading the group database (/etc/group and the sources /etc/nsswitch.conf names) failed"),
    }
}

/// gethostid's EPERM (sethostid's): the effective ids differ from the real ones.
pub fn ids_differ(m: &mut Message, users: &Ids, groups: &Ids) {
    m.because();
    m.text("the host id may only be set by a process whose effective ids are its real ones (");
    process_ids(m, IdKind::User, users);
    m.text("; ");
    process_ids(m, IdKind::Group, groups);
    m.text(")");
    if users.real == users.effective && groups.real == groups.effective {
        m.text(", as they are now");
    }
}
