//! The time arguments of the utime family: bad pointers and out-of-range values.

use crate::message::Message;
use crate::probe::times::{Layout, Stamp, Times, WHICH};

/// EFAULT or EINVAL about the times argument `arg`; false when it has nothing to say.
pub fn bad_times(m: &mut Message, errnum: i32, arg: &str, t: &Times) -> bool {
    match (errnum, t) {
        (libc::EFAULT, Times::Unreadable { addr, len }) => {
            super::fd::bad_pointer(m, arg, *addr, *len);
            true
        }
        (libc::EINVAL, Times::Given { layout, .. }) => match t.invalid() {
            Some((i, s)) => {
                invalid(m, arg, *layout, i, &s);
                true
            }
            None => false,
        },
        _ => false,
    }
}

fn invalid(m: &mut Message, arg: &str, layout: Layout, i: usize, s: &Stamp) {
    m.because();
    let (field, max) = if layout == Layout::Timeval { ("tv_usec", "999999") } else { ("tv_nsec", "999999999") };
    let _ = core::fmt::write(m, format_args!("the {} in {arg} has {field} = {}, outside the range 0 to {max}", WHICH[i], s.frac));
    if layout == Layout::Timespec {
        m.text(" and neither UTIME_NOW nor UTIME_OMIT");
    }
}

/// utimensat EINVAL: a NULL pathname makes the call act on dirfd, and then takes no flags.
pub fn null_path_with_flags(m: &mut Message) {
    m.because();
    m.text("pathname is NULL, which makes the call act on the file open on dirfd itself, and then flags must be 0 (AT_SYMLINK_NOFOLLOW has no link to refuse)");
}

/// `modified 3 minutes ago`: how long ago `mtime` (seconds since the epoch) was, in the
/// largest unit that keeps the number small.
pub fn modified_ago(m: &mut Message, mtime: i64) {
    let Ok((now, _)) = crate::sys::realtime() else { return };
    let ago = now - mtime;
    if ago < 0 {
        let _ = core::fmt::write(m, format_args!("modified {} seconds in the future (the clocks disagree)", -ago));
        return;
    }
    let (n, unit) = match ago {
        0..=119 => (ago, "second"),
        120..=7199 => (ago / 60, "minute"),
        7200..=172_799 => (ago / 3600, "hour"),
        _ => (ago / 86400, "day"),
    };
    let _ = core::fmt::write(m, format_args!("modified {n} {unit}{} ago", if n == 1 { "" } else { "s" }));
}
