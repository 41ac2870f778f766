//! gethostid(3): no errors of its own in glibc (it reads /etc/hostid, else derives the
//! id from the host name's address); sethostid's EACCES and EPERM are explained by the
//! file and the ids they concern.

use crate::message::prose::{credentials, generic};
use crate::message::Message;
use crate::probe::identity::{self, IdKind};

pub fn explain(m: &mut Message, errnum: i32) {
    match errnum {
        libc::EPERM => {
            let (u, g) = (identity::ids(IdKind::User), identity::ids(IdKind::Group));
            credentials::ids_differ(m, &u, &g);
        }
        _ => {
            generic::meaning(m, errnum);
            m.text("; the host id is read from /etc/hostid, or made from the address of the host name");
        }
    }
}
