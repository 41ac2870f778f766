//! setgroups(2): ERRORS EFAULT, EINVAL, ENOMEM, EPERM. EINVAL names NGROUPS_MAX, EPERM
//! CAP_SETGID or a user namespace whose /proc/self/setgroups says deny.

use crate::message::prose::{credentials, generic, io};
use crate::message::Message;
use crate::probe::identity::{self, IdKind};

pub fn explain(m: &mut Message, errnum: i32, data_size: usize, data: usize) {
    match errnum {
        libc::EINVAL => credentials::too_many_groups(m, data_size as u64, identity::ngroups_max()),
        libc::EPERM => {
            let has_cap = m.creds().has_cap(IdKind::Group.capability());
            credentials::groups_refused(m, has_cap, identity::setgroups_denied());
        }
        libc::EFAULT => {
            let len = data_size.saturating_mul(4);
            io::bad_buffer(m, "data", data, len, false, crate::probe::io::buffer(data, len, false));
        }
        _ => generic::meaning(m, errnum),
    }
}
