//! The echo of the credential, limit and host-name arguments:
//! getrlimit's resource and getrusage's who by name, getgrouplist's `int *ngroups` as
//! the number it points at, and sethostname's name as the `name_size` bytes the call
//! takes (it need not end in a NUL).

use super::fdio::named;
use super::{write_pointer, Entry};
use crate::message::Message;

/// getrlimit(2) resources (rlimit_resources.in), each with what it limits.
pub static RLIMIT_RESOURCES: &[Entry] = include!(concat!(env!("OUT_DIR"), "/rlimit_resources.rs"));
/// getrusage(2) who values (rusage_who.in).
pub static RUSAGE_WHO: &[Entry] = include!(concat!(env!("OUT_DIR"), "/rusage_who.rs"));

/// The longest host or domain name echoed: the kernel takes at most 64 bytes, so
/// more says nothing and only the first bytes are shown of a longer argument.
const ECHOED_NAME: usize = 256;

/// `RLIMIT_NOFILE`; the number when it names no resource.
pub fn write_rlimit_resource(m: &mut Message, resource: i64) {
    named(m, RLIMIT_RESOURCES, resource as i32 as i64);
}

/// `RUSAGE_SELF`, `RUSAGE_CHILDREN`, `RUSAGE_THREAD`; else the number.
pub fn write_rusage_who(m: &mut Message, who: i64) {
    named(m, RUSAGE_WHO, who as i32 as i64);
}

/// `{ 8 }`, the int the pointer points at; NULL; the address alone when unreadable.
pub fn write_int_ptr(m: &mut Message, p: i64) {
    let mut word = [0u8; 4];
    if p != 0 && crate::sys::read_memory(p as usize, &mut word) == word.len() {
        m.text("{ ");
        m.number(i32::from_ne_bytes(word) as i64);
        m.text(" }");
    } else {
        write_pointer(m, p);
    }
}

/// A name given with its length (sethostname's `name`, `name_size`): the bytes the call
/// takes, up to a NUL within them, quoted; the address when they cannot be read.
pub fn write_sized_name(m: &mut Message, addr: i64, size: u64) {
    let mut buf = [0u8; ECHOED_NAME];
    let want = (size as usize).min(buf.len());
    let got = crate::sys::read_memory(addr as usize, &mut buf[..want]);
    if addr == 0 || (got == 0 && want > 0) {
        return write_pointer(m, addr);
    }
    let end = buf[..got].iter().position(|&c| c == 0).unwrap_or(got);
    m.quoted(&buf[..end]);
}

/// The same name without its size (no call echoes it so; kinds.table needs an echo).
pub fn write_name_address(m: &mut Message, addr: i64) {
    write_pointer(m, addr);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::written;

    #[test]
    fn resources_and_who_by_name() {
        assert_eq!(written(|m| write_rlimit_resource(m, libc::RLIMIT_NOFILE as i64)), "RLIMIT_NOFILE");
        assert_eq!(written(|m| write_rlimit_resource(m, 99)), "99");
        assert_eq!(written(|m| write_rusage_who(m, -1)), "RUSAGE_CHILDREN");
        assert_eq!(written(|m| write_rusage_who(m, 1)), "RUSAGE_THREAD");
    }

    #[test]
    fn sized_name_stops_at_its_size() {
        let name = b"foobar";
        assert_eq!(written(|m| write_sized_name(m, name.as_ptr() as i64, 3)), "\"foo\"");
        assert_eq!(written(|m| write_sized_name(m, 0x1000, 3)), "0x00001000");
        let n: i32 = 7;
        assert_eq!(written(|m| write_int_ptr(m, &n as *const i32 as i64)), "{ 7 }");
    }
}
