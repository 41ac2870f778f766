//! chroot(2): ERRORS EACCES, EFAULT, EIO, ELOOP, ENAMETOOLONG, ENOENT, ENOMEM, ENOTDIR,
//! EPERM. The directory is resolved as chdir(2) resolves it; EPERM names the caller and
//! the capability it lacks.

use crate::calls::dirs::chdir;
use crate::decode::Text;
use crate::message::prose::access;
use crate::message::Message;
use crate::probe::creds::CAP_SYS_CHROOT;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text) {
    if errnum == libc::EPERM {
        m.because();
        let creds = m.creds();
        return access::lacks_capability(m, &creds, CAP_SYS_CHROOT, "changing the root directory");
    }
    chdir::diagnose(m, errnum, pathname, "making it the root directory");
}
