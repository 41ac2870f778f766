//! The host and domain names: their lengths against the
//! kernel's limit and the caller's buffer, and who may change them.

use super::access;
use crate::message::Message;
use crate::probe::creds::{Creds, CAP_SYS_ADMIN};
use crate::probe::host::{self, Name, Which, HOST_NAME_MAX};

fn noun(which: Which) -> &'static str {
    match which {
        Which::Host => "host name",
        Which::Domain => "domain name",
    }
}

/// EINVAL of sethostname, setdomainname: a length the kernel does not take.
pub fn name_too_long(m: &mut Message, which: Which, arg: &str, size: u64) {
    m.because();
    if size as i64 >= 0 && size as usize <= HOST_NAME_MAX {
        let _ = core::fmt::write(m, format_args!("{arg} {size} is within the {HOST_NAME_MAX} bytes (HOST_NAME_MAX) the kernel keeps for a {}, so the length was another when the call was made", noun(which)));
        return;
    }
    if (size as i64) < 0 {
        let _ = core::fmt::write(m, format_args!("{arg} is {}, a negative length", size as i64));
    } else {
        let _ = core::fmt::write(m, format_args!("{arg} is {size}, longer than the {HOST_NAME_MAX} bytes (HOST_NAME_MAX) the kernel keeps for a {}", noun(which)));
    }
}

/// EPERM of sethostname, setdomainname: CAP_SYS_ADMIN, and in which user namespace.
pub fn change_refused(m: &mut Message, which: Which, c: &Creds) {
    m.because();
    let what = match which {
        Which::Host => "setting the host name",
        Which::Domain => "setting the domain name",
    };
    if c.has_cap(CAP_SYS_ADMIN) {
        m.text("the process has the CAP_SYS_ADMIN capability that ");
        m.text(what);
        m.text(" requires, yet was refused: it holds the capability only in a user namespace that does not own its UTS namespace, or a security module (seccomp, SELinux, AppArmor) forbids it");
    } else {
        access::lacks_capability(m, c, CAP_SYS_ADMIN, what);
    }
    match (host::initial_uts_namespace(), host::initial_user_namespace()) {
        (Some(true), Some(false)) => m.text(
            " in the user namespace that owns the UTS namespace; the process is in a user namespace of its own but still in the system's UTS namespace, which belongs to the initial user namespace (unshare --uts gives it a name of its own)",
        ),
        (Some(false), _) => m.text(" in the user namespace that owns the process's UTS namespace (it has a UTS namespace of its own)"),
        (Some(true), _) => m.text(" (the process is in the system's UTS namespace)"),
        (None, _) => {}
    }
}

/// ENAMETOOLONG or EINVAL of gethostname, getdomainname: the name now against the buffer.
pub fn buffer_too_small(m: &mut Message, which: Which, arg: &str, size: u64, name: Option<&Name>) {
    m.because();
    if (size as i64) < 0 {
        let _ = core::fmt::write(m, format_args!("{arg} is {}, a negative size", size as i64));
        return;
    }
    let Some(name) = name else {
        let _ = core::fmt::write(m, format_args!("the {} did not fit in the {size} bytes of {arg}", noun(which)));
        return;
    };
    let len = name.as_bytes().len();
    m.text("the ");
    m.text(noun(which));
    m.text(" ");
    m.quoted(name.as_bytes());
    if which == Which::Domain && name.as_bytes() == b"(none)" {
        m.text(" (the kernel's text for no domain name)");
    }
    let _ = core::fmt::write(m, format_args!(" is {len} bytes, {} with its terminating NUL, and {arg} is {size}", len + 1));
    if size as usize > len {
        m.text(", enough now, so the name was longer when the call was made");
    }
    let _ = core::fmt::write(m, format_args!("; a buffer of HOST_NAME_MAX + 1 ({}) bytes holds any name", HOST_NAME_MAX + 1));
}
