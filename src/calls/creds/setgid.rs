//! setgid(2): ERRORS EINVAL, EPERM. Without CAP_SETGID the process may only set its
//! effective group id to its real or saved one.

use crate::message::prose::credentials::Asked;
use crate::message::Message;
use crate::probe::identity::{IdKind, REAL_OR_SAVED};

pub fn explain(m: &mut Message, errnum: i32, gid: i32) {
    super::setresuid::change(m, errnum, IdKind::Group, &[Asked { arg: "gid", id: gid as u32, choice: REAL_OR_SAVED }]);
}
