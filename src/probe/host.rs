//! The host's names as the kernel keeps them for the process's UTS namespace, and which
//! namespaces the process is in: sethostname(2) needs
//! CAP_SYS_ADMIN in the user namespace that owns the UTS namespace.

use crate::sys;

/// HOST_NAME_MAX: the longest host name (and, in Linux, domain name) the kernel keeps.
pub const HOST_NAME_MAX: usize = 64;
/// The size of each field of struct utsname, the terminating NUL included.
pub const UTSNAME_FIELD: usize = 65;

/// The inode numbers the kernel gives its initial namespaces (PROC_USER_INIT_INO,
/// PROC_UTS_INIT_INO in <linux/proc_ns.h>).
const INITIAL_USER_NS: &[u8] = b"user:[4026531837]";
const INITIAL_UTS_NS: &[u8] = b"uts:[4026531838]";

/// One of the two names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Which {
    Host,
    Domain,
}

/// A name as uname(2) gives it, without its NUL.
#[derive(Clone, Copy)]
pub struct Name {
    buf: [u8; UTSNAME_FIELD],
    len: usize,
}

impl Name {
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The host or domain name now.
pub fn name(which: Which) -> Option<Name> {
    let u = sys::uname().ok()?;
    let field = match which {
        Which::Host => &u.nodename,
        Which::Domain => &u.domainname,
    };
    let mut n = Name { buf: [0; UTSNAME_FIELD], len: 0 };
    for (dst, &c) in n.buf.iter_mut().zip(field.iter()) {
        if c == 0 {
            break;
        }
        *dst = c as u8;
        n.len += 1;
    }
    Some(n)
}

fn namespace_is(link: &[u8], initial: &[u8]) -> Option<bool> {
    let path = sys::CPath::from_bytes(link)?;
    sys::readlink_at(libc::AT_FDCWD, &path).ok().map(|target| target.as_bytes() == initial)
}

/// Whether the process is in the initial UTS namespace (None: /proc cannot tell).
pub fn initial_uts_namespace() -> Option<bool> {
    namespace_is(b"/proc/self/ns/uts", INITIAL_UTS_NS)
}

/// Whether the process is in the initial user namespace (None: /proc cannot tell).
pub fn initial_user_namespace() -> Option<bool> {
    namespace_is(b"/proc/self/ns/user", INITIAL_USER_NS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_name_is_uname_nodename() {
        let n = name(Which::Host).unwrap();
        assert!(n.as_bytes().len() <= HOST_NAME_MAX);
        let mut buf = [0u8; 128];
        let len = sys::read_file(b"/proc/sys/kernel/hostname", &mut buf).unwrap();
        assert_eq!(n.as_bytes(), buf[..len].strip_suffix(b"\n").unwrap_or(&buf[..len]));
    }
}
