//! The network databases, /etc/services and /etc/protocols, read directly: getservbyport
//! and getprotobynumber go through NSS, allocate and keep static state.

use super::lines::{for_each_line, number};
use super::users::Name;

/// The words of a database line before its `#` comment.
fn words(line: &[u8]) -> impl Iterator<Item = &[u8]> {
    let line = line.split(|&c| c == b'#').next().unwrap_or(b"");
    line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty())
}

/// The name /etc/services gives `port` over `proto` (`tcp`, `udp`).
pub fn service_name(port: u16, proto: &[u8]) -> Option<Name> {
    let mut found = None;
    let _ = for_each_line(b"/etc/services", |line| {
        let mut w = words(line);
        let (Some(name), Some(pp)) = (w.next(), w.next()) else { return true };
        let mut parts = pp.split(|&c| c == b'/');
        let (p, pr) = (parts.next().and_then(number), parts.next());
        if p == Some(port as u64) && pr == Some(proto) {
            found = Some(Name::from_bytes(name));
            return false;
        }
        true
    });
    found
}

/// The official name /etc/protocols gives protocol number `n`.
pub fn protocol_name(n: i32) -> Option<Name> {
    let mut found = None;
    let _ = for_each_line(b"/etc/protocols", |line| {
        let mut w = words(line);
        let (Some(name), Some(num)) = (w.next(), w.next()) else { return true };
        if num.iter().all(u8::is_ascii_digit) && number(num) == Some(n as u64) {
            found = Some(Name::from_bytes(name));
            return false;
        }
        true
    });
    found
}

/// The number of the protocol /etc/protocols calls `name` (its official name or an alias).
pub fn protocol_number(name: &[u8]) -> Option<i32> {
    let mut found = None;
    let _ = for_each_line(b"/etc/protocols", |line| {
        let mut w = words(line);
        let (Some(first), Some(num)) = (w.next(), w.next()) else { return true };
        if first == name || w.any(|a| a == name) {
            found = number(num).map(|n| n as i32);
            return false;
        }
        true
    });
    found
}
