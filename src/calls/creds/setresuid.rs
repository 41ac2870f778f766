//! setresuid(2): ERRORS EAGAIN, EINVAL, EPERM. Each id may be -1 (unchanged) or, without
//! CAP_SETUID, one of the process's real, effective and saved user ids. The set*id calls
//! of this family share `change`.

use crate::message::prose::credentials::{self, Asked};
use crate::message::prose::generic;
use crate::message::Message;
use crate::probe::identity::{self, IdKind, ANY_OF_THREE};

pub fn explain(m: &mut Message, errnum: i32, ruid: i32, euid: i32, suid: i32) {
    let asked = [
        Asked { arg: "ruid", id: ruid as u32, choice: ANY_OF_THREE },
        Asked { arg: "euid", id: euid as u32, choice: ANY_OF_THREE },
        Asked { arg: "suid", id: suid as u32, choice: ANY_OF_THREE },
    ];
    change(m, errnum, IdKind::User, &asked);
}

/// EPERM, EAGAIN and EINVAL of a call that sets user or group ids (`asked`, the first
/// of them the one that becomes the real id when it is named `ruid`, `rgid` or the
/// single id of setuid).
pub fn change(m: &mut Message, errnum: i32, kind: IdKind, asked: &[Asked]) {
    match errnum {
        libc::EPERM => {
            let has_cap = m.creds().has_cap(kind.capability());
            credentials::change_refused(m, kind, &identity::ids(kind), has_cap, asked);
        }
        // Only a new real user counts against RLIMIT_NPROC.
        libc::EAGAIN if kind == IdKind::User && asked[0].id != u32::MAX => {
            let target = asked[0].id;
            credentials::nproc_exceeded(m, asked[0].arg, target, identity::user_processes(target), identity::nproc_limit());
        }
        libc::EINVAL => credentials::unmapped(m, kind, &identity::id_map(kind), asked),
        _ => generic::meaning(m, errnum),
    }
}
