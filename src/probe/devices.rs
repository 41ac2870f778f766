//! Device numbers and the drivers that registered them (/proc/devices).

use super::lines::{for_each_line, number};

/// A driver's name, copied from /proc/devices.
pub struct Driver {
    buf: [u8; 64],
    len: usize,
}

impl Driver {
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// The driver registered for `major` in the character or block section of /proc/devices.
pub fn driver(major: u32, block: bool) -> Option<Driver> {
    let mut in_section = false;
    let mut found = None;
    let _ = for_each_line(b"/proc/devices", |line| {
        match line {
            b"Character devices:" => in_section = !block,
            b"Block devices:" => in_section = block,
            _ if in_section => {
                let t = line.trim_ascii_start();
                let mut f = t.splitn(2, |&c| c == b' ');
                if f.next().and_then(number) == Some(major as u64) {
                    if let Some(name) = f.next() {
                        let mut d = Driver { buf: [0; 64], len: name.len().min(64) };
                        d.buf[..d.len].copy_from_slice(&name[..d.len]);
                        found = Some(d);
                        return false;
                    }
                }
            }
            _ => {}
        }
        true
    });
    found
}
