//! Users, groups and processes, always with their names.

use crate::message::Message;
use crate::probe::users;

/// `1000 "alice"`; the number alone when the name is unknown.
pub fn user(m: &mut Message, uid: u32) {
    m.number(uid as i64);
    if let Some(n) = users::user_name(uid) {
        m.text(" ");
        m.quoted(n.as_bytes());
    }
}

pub fn group(m: &mut Message, gid: u32) {
    m.number(gid as i64);
    if let Some(n) = users::group_name(gid) {
        m.text(" ");
        m.quoted(n.as_bytes());
    }
}

/// `1234 "nginx"`, the command name from /proc/PID/comm.
pub fn process(m: &mut Message, pid: i32) {
    m.number(pid as i64);
    let mut path = [0u8; 32];
    let mut w = Message::new(&mut path);
    w.text("/proc/");
    w.number(pid as i64);
    w.text("/comm");
    let n = w.finish();
    let mut comm = [0u8; 64];
    if let Ok(len) = crate::sys::read_file(&path[..n], &mut comm) {
        let name = comm[..len].strip_suffix(b"\n").unwrap_or(&comm[..len]);
        m.text(" ");
        m.quoted(name);
    }
}
