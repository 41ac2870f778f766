//! The local time zone's offset from universal time at a given moment, as localtime(3)
//! finds it: TZ (`:PATH`, an absolute path or a name under /usr/share/zoneinfo; empty
//! is UTC) or else /etc/localtime, read as a TZif file (tzfile(5)). The echo of a
//! time_t carries the local date, as libexplain's does. POSIX TZ rules (`EST5EDT`) and
//! times after the file's last transition take the last known offset.

use crate::sys;

/// Seconds east of Greenwich at `t` (0 when no zone can be read: universal time).
pub fn utc_offset(t: i64) -> i64 {
    let mut path = [0u8; 256];
    let name: &[u8] = match sys::secure_var(c"TZ") {
        None => b"/etc/localtime",
        Some(tz) => {
            let tz = tz.strip_prefix(b":").unwrap_or(tz);
            if tz.is_empty() || tz.contains(&b',') || tz.windows(2).any(|w| w == b"..") {
                return 0;
            }
            if tz.starts_with(b"/") {
                tz
            } else {
                let dir = b"/usr/share/zoneinfo/";
                if dir.len() + tz.len() > path.len() {
                    return 0;
                }
                path[..dir.len()].copy_from_slice(dir);
                path[dir.len()..dir.len() + tz.len()].copy_from_slice(tz);
                &path[..dir.len() + tz.len()]
            }
        }
    };
    let mut buf = [0u8; 16384];
    match sys::read_file(name, &mut buf) {
        Ok(n) => offset_in(&buf[..n], t).unwrap_or(0),
        Err(_) => 0,
    }
}

fn be32(b: &[u8], at: usize) -> Option<i64> {
    Some(i32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?) as i64)
}

fn be64(b: &[u8], at: usize) -> Option<i64> {
    Some(i64::from_be_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// The offset at `t` from the TZif data `b`: its 64-bit block when there is one.
fn offset_in(b: &[u8], t: i64) -> Option<i64> {
    if b.get(..4)? != b"TZif" {
        return None;
    }
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (i, v) in c.iter_mut().enumerate() {
            *v = be32(b, at + 20 + 4 * i)? as usize;
        }
        Some(c)
    };
    let [isut, isstd, leap, time, typ, chars] = counts(0)?;
    let (base, wide) = if *b.get(4)? >= b'2' {
        let v1 = 44 + time * 5 + typ * 6 + chars + leap * 8 + isstd + isut;
        (v1, true)
    } else {
        (0, false)
    };
    let [_, _, _, time, typ, _] = counts(base)?;
    let times = base + 44;
    let width = if wide { 8 } else { 4 };
    let indices = times + time * width;
    let types = indices + time;
    let at = |i: usize| if wide { be64(b, times + i * 8) } else { be32(b, times + i * 4) };
    // The last transition at or before t; before the first, the first standard type.
    let mut idx = None;
    for i in 0..time {
        if at(i)? <= t {
            idx = Some(i);
        } else {
            break;
        }
    }
    let ty = match idx {
        Some(i) => *b.get(indices + i)? as usize,
        None => (0..typ).find(|&k| b.get(types + k * 6 + 4) == Some(&0)).unwrap_or(0),
    };
    if ty >= typ {
        return None;
    }
    be32(b, types + ty * 6)
}
