//! setregid(2): ERRORS EINVAL, EPERM. Without CAP_SETGID the real id may become the real
//! or effective one, the effective id any of the three.

use crate::message::prose::credentials::Asked;
use crate::message::Message;
use crate::probe::identity::{IdKind, ANY_OF_THREE, REAL_OR_EFFECTIVE};

pub fn explain(m: &mut Message, errnum: i32, rgid: i32, egid: i32) {
    let asked = [
        Asked { arg: "rgid", id: rgid as u32, choice: REAL_OR_EFFECTIVE },
        Asked { arg: "egid", id: egid as u32, choice: ANY_OF_THREE },
    ];
    super::setresuid::change(m, errnum, IdKind::Group, &asked);
}
