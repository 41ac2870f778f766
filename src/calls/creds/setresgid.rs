//! setresgid(2): ERRORS EINVAL, EPERM (EAGAIN is setresuid's). Each id may be -1
//! (unchanged) or, without CAP_SETGID, one of the process's real, effective and saved
//! group ids.

use crate::message::prose::credentials::Asked;
use crate::message::Message;
use crate::probe::identity::{IdKind, ANY_OF_THREE};

pub fn explain(m: &mut Message, errnum: i32, rgid: i32, egid: i32, sgid: i32) {
    let asked = [
        Asked { arg: "rgid", id: rgid as u32, choice: ANY_OF_THREE },
        Asked { arg: "egid", id: egid as u32, choice: ANY_OF_THREE },
        Asked { arg: "sgid", id: sgid as u32, choice: ANY_OF_THREE },
    ];
    super::setresuid::change(m, errnum, IdKind::Group, &asked);
}
