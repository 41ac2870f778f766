//! A descriptor the library opened itself: always O_CLOEXEC, always closed.

use libc::c_int;

pub struct Fd(c_int);

impl Fd {
    pub(super) fn own(fd: c_int) -> Fd {
        Fd(fd)
    }

    pub fn raw(&self) -> c_int {
        self.0
    }
}

impl Drop for Fd {
    fn drop(&mut self) {
        let _ = super::raw!(libc::SYS_close, self.0);
    }
}
