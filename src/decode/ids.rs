//! User and group ids as arguments: the number and the name, `1000 "alice"`; -1 (the
//! "leave unchanged" of chown(2)) alone.

use crate::message::prose::ids;
use crate::message::Message;

pub fn write_uid(m: &mut Message, uid: i64) {
    if uid as i32 == -1 {
        m.text("-1");
    } else {
        ids::user(m, uid as u32);
    }
}

pub fn write_gid(m: &mut Message, gid: i64) {
    if gid as i32 == -1 {
        m.text("-1");
    } else {
        ids::group(m, gid as u32);
    }
}
