//! The echo of time arguments the way strace prints them: `[{tv_sec=0, tv_nsec=UTIME_NOW},
//! {tv_sec=1700000000, tv_nsec=0}]`, `{actime=0, modtime=0}`; the address alone when the
//! memory cannot be read, NULL for the null pointer.

use super::write_pointer;
use crate::message::Message;
use crate::probe::times::{Layout, Stamp, Times};

fn write_stamp(m: &mut Message, s: &Stamp, layout: Layout) {
    let _ = core::fmt::write(m, format_args!("{{tv_sec={}, ", s.sec));
    match layout {
        Layout::Timeval => {
            let _ = core::fmt::write(m, format_args!("tv_usec={}}}", s.fraction));
        }
        _ if s.is_now(layout) => m.text("tv_nsec=UTIME_NOW}"),
        _ if s.is_omit(layout) => m.text("tv_nsec=UTIME_OMIT}"),
        _ => {
            let _ = core::fmt::write(m, format_args!("tv_nsec={}}}", s.fraction));
        }
    }
}

/// The contents of a times argument already read.
pub fn write_times(m: &mut Message, t: &Times) {
    match t {
        Times::Null => m.text("NULL"),
        Times::Unreadable { addr, .. } => write_pointer(m, *addr as i64),
        Times::Given { layout: Layout::Utimbuf, stamps, .. } => {
            let _ = core::fmt::write(m, format_args!("{{ actime = {}, modtime = {} }}", stamps[0].sec, stamps[1].sec));
        }
        Times::Given { layout, stamps, .. } => {
            m.text("[");
            write_stamp(m, &stamps[0], *layout);
            m.text(", ");
            write_stamp(m, &stamps[1], *layout);
            m.text("]");
        }
    }
}

pub fn write_timespec_pair(m: &mut Message, addr: i64) {
    write_times(m, &Times::read(addr as usize, Layout::Timespec));
}

pub fn write_timeval_pair(m: &mut Message, addr: i64) {
    write_times(m, &Times::read(addr as usize, Layout::Timeval));
}

pub fn write_utimbuf(m: &mut Message, addr: i64) {
    write_times(m, &Times::read(addr as usize, Layout::Utimbuf));
}
