//! setreuid(2): ERRORS EAGAIN, EINVAL, EPERM. Without CAP_SETUID the real id may become
//! the real or effective one, the effective id any of the three.

use crate::message::prose::credentials::Asked;
use crate::message::Message;
use crate::probe::identity::{IdKind, ANY_OF_THREE, REAL_OR_EFFECTIVE};

pub fn explain(m: &mut Message, errnum: i32, ruid: i32, euid: i32) {
    let asked = [
        Asked { arg: "ruid", id: ruid as u32, choice: REAL_OR_EFFECTIVE },
        Asked { arg: "euid", id: euid as u32, choice: ANY_OF_THREE },
    ];
    super::setresuid::change(m, errnum, IdKind::User, &asked);
}
