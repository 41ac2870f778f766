//! getgrouplist(3): no ERRORS section; it fails (-1, errno not set by it) when the user
//! is in more groups than *ngroups. The explanation counts the user's groups in
//! /etc/group and lists them.

use crate::decode::{Text, TextState};
use crate::message::prose::{credentials, generic};
use crate::message::Message;
use crate::probe::identity;

pub fn explain(m: &mut Message, errnum: i32, user: &Text, group: i32, _groups: usize, ngroups: usize) {
    if user.state != TextState::Ok {
        return generic::meaning(m, errnum);
    }
    let mut list = [0u32; 32];
    let count = identity::groups_of_user(user.bytes(), group as u32, &mut list);
    let mut word = [0u8; 4];
    let n = (ngroups != 0 && crate::sys::read_memory(ngroups, &mut word) == 4).then(|| i32::from_ne_bytes(word));
    credentials::user_groups(m, user.bytes(), n, &list, count);
}
