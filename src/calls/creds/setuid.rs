//! setuid(2): ERRORS EAGAIN, EINVAL, EPERM. Without CAP_SETUID the process may only set
//! its effective user id to its real or saved one; with it, all three change.

use crate::message::prose::credentials::Asked;
use crate::message::Message;
use crate::probe::identity::{IdKind, REAL_OR_SAVED};

pub fn explain(m: &mut Message, errnum: i32, uid: i32) {
    super::setresuid::change(m, errnum, IdKind::User, &[Asked { arg: "uid", id: uid as u32, choice: REAL_OR_SAVED }]);
}
