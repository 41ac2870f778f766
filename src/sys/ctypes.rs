//! The C types the call tables name as `struct TAG`: libc's, re-exported, and the few the
//! libc crate lacks, defined here field for field from the kernel's headers.

pub use libc::*;

/// `struct ustat` (linux/types.h): glibc dropped <ustat.h>, the kernel still fills it.
#[repr(C)]
#[allow(non_camel_case_types)]
pub struct ustat {
    pub f_tfree: libc::c_int,
    pub f_tinode: libc::c_ulong,
    pub f_fname: [libc::c_char; 6],
    pub f_fpack: [libc::c_char; 6],
}

/// `struct timeb` (sys/timeb.h), ftime(3)'s result: glibc 2.33 dropped the header.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Clone, Copy)]
pub struct timeb {
    pub time: libc::time_t,
    pub millitm: libc::c_ushort,
    pub timezone: libc::c_short,
    pub dstflag: libc::c_short,
}
