//! endgrent(3): the errors of getgrent(3) (it closes the group database).

use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32) {
    super::getgrent::database(m, errnum);
}
