//! Permission denials: who asked, which bits applied, which capability would override.

use super::ids;
use crate::message::Message;
use crate::probe::creds::{capability_name, Class, Creds, Decision, READ, SEARCH, WRITE};
use crate::sys::Stat;

fn rwx(bits: u32) -> [u8; 3] {
    [
        if bits & 4 != 0 { b'r' } else { b'-' },
        if bits & 2 != 0 { b'w' } else { b'-' },
        if bits & 1 != 0 { b'x' } else { b'-' },
    ]
}

fn wanted(m: &mut Message, want: u32, is_dir: bool) {
    let mut first = true;
    for (bit, name) in [(READ, "read"), (WRITE, "write"), (SEARCH, if is_dir { "search" } else { "execute" })] {
        if want & bit != 0 {
            if !first {
                m.text(" and ");
            }
            m.text(name);
            first = false;
        }
    }
}

/// `the process (effective user 65534 "nobody", …) lacks write permission on <what>:
/// it is neither the owner … so the permissions for others apply, which are "r-x" …,
/// and it does not have the CAP_DAC_OVERRIDE capability that would override them`.
pub fn denied(m: &mut Message, st: &Stat, d: &Decision, c: &Creds, what: impl FnOnce(&mut Message)) {
    denied_as(m, "effective", st, d, c, what);
}

/// The same for access(2), which checks with the process's *real* user and group.
pub fn denied_real(m: &mut Message, st: &Stat, d: &Decision, c: &Creds, what: impl FnOnce(&mut Message)) {
    denied_as(m, "real", st, d, c, what);
}

fn denied_as(m: &mut Message, ids_kind: &str, st: &Stat, d: &Decision, c: &Creds, what: impl FnOnce(&mut Message)) {
    let is_dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
    m.text("the process (");
    m.text(ids_kind);
    m.text(" user ");
    ids::user(m, c.uid);
    m.text(", group ");
    ids::group(m, c.gid);
    m.text(") lacks ");
    wanted(m, d.wanted & !d.bits, is_dir);
    m.text(" permission on ");
    what(m);
    m.text(": ");
    match d.class {
        Class::Owner => m.text("it is the owner, and the owner's permissions are "),
        Class::Group => {
            m.text("it is not the owner (");
            ids::user(m, st.st_uid);
            m.text(") but is in the group ");
            ids::group(m, st.st_gid);
            m.text(", whose permissions are ");
        }
        Class::Other => {
            m.text("it is neither the owner (");
            ids::user(m, st.st_uid);
            m.text(") nor in the group (");
            ids::group(m, st.st_gid);
            m.text("), so the permissions for others apply, which are ");
        }
    }
    m.text("\"");
    m.raw(&rwx(d.bits));
    let _ = core::fmt::write(m, format_args!("\" (mode 0{:o})", st.st_mode & 0o7777));
    if let Some(cap) = d.cap {
        m.text(", and it does not have the ");
        m.text(capability_name(cap));
        m.text(" capability that would override them");
    } else if d.wanted & SEARCH != 0 && !is_dir && st.st_mode & 0o111 == 0 {
        m.text(", and no execute bit is set for anyone, so no capability overrides them: a file is executable only when at least one x bit is set");
    }
}

/// EACCES for `want` (READ/WRITE/SEARCH) on the file with `st`: the bits, owner and
/// capability that refused it, or, when the bits would allow it, that an ACL or a
/// security module did. Starts the explanation; returns whether the bits refused.
pub fn refusal(m: &mut Message, st: &Stat, want: u32, c: &Creds, what: impl FnOnce(&mut Message)) -> bool {
    let d = crate::probe::creds::decide(st, want, c);
    m.because();
    if d.granted {
        allowed_here(m, st, want, c, what);
    } else {
        denied(m, st, &d, c, what);
    }
    !d.granted
}

/// EACCES although the permission bits allow the access.
pub fn refused_despite_bits(m: &mut Message) {
    m.text("the permission bits would allow it, so an access control list or a security module (SELinux, AppArmor) refused it");
}

/// EACCES for `want` on the file with `st`, which these credentials `c` may do: the
/// explaining process is not the one that failed (root explaining a log line, say), so
/// say whom the owner, the group and the mode bits deny. Only when they deny nobody is
/// an access control list or a security module left to blame.
pub fn allowed_here(m: &mut Message, st: &Stat, want: u32, c: &Creds, what: impl FnOnce(&mut Message)) {
    let mode = st.st_mode & 0o7777;
    let is_dir = st.st_mode & libc::S_IFMT == libc::S_IFDIR;
    let lacks = |bits: u32| want & !bits & 7 != 0;
    let (owner, group, other) = (lacks((mode >> 6) & 7), lacks((mode >> 3) & 7), lacks(mode & 7));
    if !(owner || group || other) {
        return refused_despite_bits(m);
    }
    what(m);
    m.text(" is owned by user ");
    ids::user(m, st.st_uid);
    m.text(" and group ");
    ids::group(m, st.st_gid);
    m.text(", mode 0");
    let _ = core::fmt::write(m, format_args!("{mode:o}"));
    m.text(" (\"");
    m.raw(&rwx(mode >> 6));
    m.raw(&rwx(mode >> 3));
    m.raw(&rwx(mode));
    m.text("\"): its bits deny ");
    wanted(m, want, is_dir);
    m.text(" permission to ");
    let mut denied: [&dyn Fn(&mut Message); 3] = [&|_| {}, &|_| {}, &|_| {}];
    let mut n = 0;
    let owner_text = |m: &mut Message| {
        m.text("its owner (user ");
        ids::user(m, st.st_uid);
        m.text(")");
    };
    let group_text = |m: &mut Message| {
        m.text("the members of group ");
        ids::group(m, st.st_gid);
        m.text(if owner { "" } else { " other than its owner" });
    };
    let other_text = |m: &mut Message| {
        m.text("every user who is neither ");
        ids::user(m, st.st_uid);
        m.text(" nor in group ");
        ids::group(m, st.st_gid);
    };
    for (deny, f) in [(owner, &owner_text as &dyn Fn(&mut Message)), (group, &group_text), (other, &other_text)] {
        if deny {
            denied[n] = f;
            n += 1;
        }
    }
    for (i, f) in denied[..n].iter().enumerate() {
        m.text(match i {
            0 => "",
            _ if i + 1 == n => " and ",
            _ => ", ",
        });
        f(m);
    }
    m.text(" (without the CAP_DAC_OVERRIDE capability); the process explaining it now (effective user ");
    ids::user(m, c.uid);
    m.text(", group ");
    ids::group(m, c.gid);
    m.text(") may, so the call that failed ran as one of the users denied, or an access control list or a security module refused it");
}

/// A privileged operation refused: `the process (effective user 65534 "nobody") does not
/// have the CAP_SYS_CHROOT capability, which changing the root directory requires`; when
/// it does have it, says that something beyond the capability refused.
pub fn lacks_capability(m: &mut Message, c: &Creds, cap: u32, what: &str) {
    m.text("the process (effective user ");
    ids::user(m, c.uid);
    if c.has_cap(cap) {
        m.text(") has the ");
        m.text(capability_name(cap));
        m.text(" capability that ");
        m.text(what);
        m.text(" requires, yet was refused: a user namespace that does not own the mount namespace, or a security module (seccomp, SELinux, AppArmor) forbids it");
    } else {
        m.text(") does not have the ");
        m.text(capability_name(cap));
        m.text(" capability, which ");
        m.text(what);
        m.text(" requires");
    }
}
