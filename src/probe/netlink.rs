//! Netlink sockets: which socket of a netlink protocol has
//! a port id, from /proc/net/netlink (`sk Eth Pid Groups Rmem Wmem Dump Locks Drops
//! Inode`), so EADDRINUSE can name its holder.

use super::lines::{for_each_line, number};

/// The inode of the socket of netlink `protocol` bound to port id `port`.
pub fn bound(protocol: i32, port: u32) -> Option<u64> {
    let mut found = None;
    let _ = for_each_line(b"/proc/net/netlink", |line| {
        let mut w = line.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty());
        let (Some(_), Some(eth), Some(pid)) = (w.next(), w.next(), w.next()) else { return true };
        if number(eth) == Some(protocol as u64) && number(pid) == Some(port as u64) {
            found = w.nth(6).and_then(number);
            return false;
        }
        true
    });
    found
}
