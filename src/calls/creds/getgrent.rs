//! getgrent(3): ERRORS EAGAIN, EINTR, EIO, EMFILE, ENFILE, ENOENT, ENOMEM, ERANGE, as
//! the group database's sources (/etc/group, /etc/nsswitch.conf) give them. setgrent
//! and endgrent share `database`.

use crate::message::prose::{credentials, generic, limits};
use crate::message::Message;

pub fn explain(m: &mut Message, errnum: i32) {
    database(m, errnum);
}

/// The errors of reading the group database.
pub fn database(m: &mut Message, errnum: i32) {
    match errnum {
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::ENOENT | libc::EAGAIN | libc::ERANGE | libc::ENOMEM => credentials::group_database(m, errnum),
        libc::EIO => {
            generic::meaning(m, errnum);
            m.text("; the group database is read from /etc/group and the sources /etc/nsswitch.conf names");
        }
        _ => generic::meaning(m, errnum),
    }
}
