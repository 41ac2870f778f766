//! acl_to_text(3): ERRORS EINVAL (acl is not a valid ACL), ENOMEM.

use crate::message::prose::{acl, generic};
use crate::message::Message;
use crate::probe::acl::acl_object;

pub fn explain(m: &mut Message, errnum: i32, acl: usize, _len_p: usize) {
    if errnum == libc::EINVAL && acl::bad_object(m, "acl", acl_object(acl)) {
        return;
    }
    generic::meaning(m, errnum);
}
