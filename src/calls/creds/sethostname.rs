//! sethostname(2): ERRORS EFAULT, EINVAL, EPERM. EINVAL gives name_size against
//! HOST_NAME_MAX; EPERM CAP_SYS_ADMIN in the user namespace that owns the UTS
//! namespace. setdomainname shares `explain_for`.

use crate::message::prose::{generic, host, io};
use crate::message::Message;
use crate::probe::host::Which;

pub fn explain(m: &mut Message, errnum: i32, name: usize, name_size: usize) {
    explain_for(m, errnum, Which::Host, ("name", name), ("name_size", name_size));
}

pub fn explain_for(m: &mut Message, errnum: i32, which: Which, (arg, name): (&str, usize), (size_arg, size): (&str, usize)) {
    match errnum {
        libc::EINVAL => host::name_too_long(m, which, size_arg, size as u64),
        libc::EPERM => {
            let creds = m.creds();
            host::change_refused(m, which, &creds);
        }
        libc::EFAULT => {
            let len = size.min(crate::probe::host::UTSNAME_FIELD);
            io::bad_buffer(m, arg, name, len, false, crate::probe::io::buffer(name, len, false));
        }
        _ => generic::meaning(m, errnum),
    }
}
