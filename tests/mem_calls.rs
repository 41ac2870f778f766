//! malloc, calloc, realloc, strdup, strndup, mmap, munmap, shmat and shmctl explained on
//! real failing states: a real RLIMIT_AS in a child process, a calloc whose size
//! overflows, a read-only descriptor mapped shared and writable, a noexec tmpfs, a
//! shared memory segment of another user, and the facts each diagnosis must name.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int, c_void};
use std::os::fd::{FromRawFd, OwnedFd};



// Allocations in these tests go through black_box: the compiler may otherwise drop an
// unused allocation and assume it succeeded.

#[test]
fn malloc_enomem_under_rlimit_as_names_the_limit_and_the_process_size() {
    let _serial = serial();
    let msg = in_child(|buf| {
        let lim = libc::rlimit { rlim_cur: 256 << 20, rlim_max: libc::RLIM_INFINITY };
        // SAFETY: plain system calls in the child.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            let p = std::hint::black_box(libc::malloc(std::hint::black_box(512 << 20)));
            let e = *libc::__errno_location();
            if !p.is_null() {
                return;
            }
            b::explain_message_errno_malloc(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, 512 << 20);
        }
    });
    assert_facts(&msg, &["malloc(size = 536870912)", "ENOMEM", "RLIMIT_AS", "268435456 bytes (256 MiB)", "already uses"]);
}

#[test]
fn realloc_enomem_under_rlimit_as_names_the_limit() {
    let _serial = serial();
    let msg = in_child(|buf| {
        let lim = libc::rlimit { rlim_cur: 300 << 20, rlim_max: libc::RLIM_INFINITY };
        // SAFETY: plain calls in the child.
        unsafe {
            libc::setrlimit(libc::RLIMIT_AS, &lim);
            let p = libc::malloc(16);
            let q = std::hint::black_box(libc::realloc(p, std::hint::black_box(1 << 30)));
            let e = *libc::__errno_location();
            if !q.is_null() {
                return;
            }
            b::explain_message_errno_realloc(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, p, 1 << 30);
        }
    });
    assert_facts(&msg, &["1073741824 bytes (1 GiB)", "RLIMIT_AS", "314572800 bytes (300 MiB)"]);
}

#[test]
fn calloc_whose_product_overflows_says_so_with_both_numbers() {
    let _serial = serial();
    let nmemb = usize::MAX / 2;
    // SAFETY: calloc refuses the product; nothing is allocated.
    let p = std::hint::black_box(unsafe { libc::calloc(std::hint::black_box(nmemb), std::hint::black_box(4)) });
    let e = errno();
    assert!(p.is_null());
    assert_eq!(e, libc::ENOMEM);
    let msg = explained!(explain_message_errno_calloc(e, nmemb, 4));
    assert_facts(&msg, &[&nmemb.to_string(), "times size (4)", "overflows", &usize::MAX.to_string()]);
}

#[test]
fn strdup_of_null_is_named() {
    let _serial = serial();
    let msg = explained!(explain_message_errno_strdup(libc::EFAULT, std::ptr::null()));
    assert_facts(&msg, &["data is the NULL pointer"]);
}

#[test]
fn mmap_shared_writable_of_read_only_descriptor_names_the_access_mode() {
    let _serial = serial();
    let dir = Scratch::new("mmap-ro");
    std::fs::write(dir.join("f"), vec![0u8; 8192]).unwrap();
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(cstr(&dir.join("f")).as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    assert!(fd >= 0);
    // SAFETY: owned here only.
    let _own = unsafe { OwnedFd::from_raw_fd(fd) };
    let (prot, flags) = (libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED);
    // SAFETY: mmap refuses; nothing is mapped.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), 8192, prot, flags, fd, 0) };
    let e = errno();
    assert_eq!(p, libc::MAP_FAILED);
    assert_eq!(e, libc::EACCES);
    let msg = explained!(explain_message_errno_mmap(e, std::ptr::null_mut(), 8192, prot, flags, fd, 0));
    assert_facts(&msg, &["prot = PROT_READ | PROT_WRITE", "flags = MAP_SHARED", "data_size = 8192,", "opened O_RDONLY", "O_RDWR"]);
}

#[test]
fn mmap_exec_on_noexec_tmpfs_names_the_mount() {
    let _serial = serial();
    let dir = Scratch::new("mmap-noexec");
    let mnt = dir.join("mnt");
    let _t = Tmpfs::mount(&mnt, "size=1m,noexec");
    std::fs::write(mnt.join("code"), vec![0u8; 4096]).unwrap();
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(cstr(&mnt.join("code")).as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    assert!(fd >= 0);
    // SAFETY: owned here only.
    let _own = unsafe { OwnedFd::from_raw_fd(fd) };
    let prot = libc::PROT_READ | libc::PROT_EXEC;
    // SAFETY: mmap refuses; nothing is mapped.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), 4096, prot, libc::MAP_PRIVATE, fd, 0) };
    let e = errno();
    assert_eq!(p, libc::MAP_FAILED);
    assert_eq!(e, libc::EPERM);
    let msg = explained!(explain_message_errno_mmap(e, std::ptr::null_mut(), 4096, prot, libc::MAP_PRIVATE, fd, 0));
    assert_facts(&msg, &["PROT_EXEC", "noexec", &format!("{:?}", mnt.to_string_lossy()), "tmpfs"]);
}

#[test]
fn mmap_misaligned_offset_gives_the_page_size() {
    let _serial = serial();
    let msg = explained!(explain_message_errno_mmap(libc::EINVAL, std::ptr::null_mut(), 4096, libc::PROT_READ, libc::MAP_PRIVATE, 0, 100));
    assert_facts(&msg, &["offset (0x64) is not a multiple of the page size (4096 bytes)"]);
}

#[test]
fn munmap_misaligned_address_gives_the_page_size() {
    let _serial = serial();
    // SAFETY: an anonymous mapping of one page, unmapped below.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), 4096, libc::PROT_READ, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0) };
    assert_ne!(p, libc::MAP_FAILED);
    let bad = (p as usize + 1) as *mut c_void;
    // SAFETY: munmap refuses a misaligned address.
    let r = unsafe { libc::munmap(bad, 4096) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_munmap(e, bad, 4096));
    // SAFETY: our own mapping.
    unsafe { libc::munmap(p, 4096) };
    assert_facts(&msg, &["is not a multiple of the page size (4096 bytes)", &format!("{:#x}", p as usize)]);
}

#[test]
fn shmat_of_another_users_segment_names_owner_and_mode() {
    let _serial = serial();
    // SAFETY: a new private segment, removed below.
    let id = unsafe { libc::shmget(libc::IPC_PRIVATE, 4096, libc::IPC_CREAT | 0o600) };
    assert!(id >= 0);
    let msg = in_child(|buf| {
        drop_to_nobody();
        // SAFETY: the call under test, in the child.
        unsafe {
            let p = libc::shmat(id, std::ptr::null(), 0);
            let e = *libc::__errno_location();
            if p as isize != -1 {
                return;
            }
            b::explain_message_errno_shmat(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, id, std::ptr::null(), 0);
        }
    });
    // SAFETY: removing our own segment.
    unsafe { libc::shmctl(id, libc::IPC_RMID, std::ptr::null_mut()) };
    assert_facts(&msg, &["EACCES", "user 0 \"root\"", "mode 0600", "65534", "CAP_IPC_OWNER"]);
}

#[test]
fn shmctl_rmid_by_another_user_names_owner() {
    let _serial = serial();
    // SAFETY: a new private segment, removed below.
    let id = unsafe { libc::shmget(libc::IPC_PRIVATE, 4096, libc::IPC_CREAT | 0o644) };
    assert!(id >= 0);
    let msg = in_child(|buf| {
        drop_to_nobody();
        // SAFETY: the call under test, in the child.
        unsafe {
            let r = libc::shmctl(id, libc::IPC_RMID, std::ptr::null_mut());
            let e = *libc::__errno_location();
            if r == 0 {
                return;
            }
            b::explain_message_errno_shmctl(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, e, id, libc::IPC_RMID, std::ptr::null_mut());
        }
    });
    // SAFETY: removing our own segment.
    unsafe { libc::shmctl(id, libc::IPC_RMID, std::ptr::null_mut()) };
    assert_facts(&msg, &["command = IPC_RMID", "EPERM", "user 0 \"root\"", "mode 0644", "may not remove"]);
}

#[test]
fn shmctl_of_missing_segment_says_there_is_none() {
    let _serial = serial();
    let id = 0x7fff_fff0;
    // SAFETY: IPC_STAT into a local struct.
    let mut ds: libc::shmid_ds = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::shmctl(id, libc::IPC_STAT, &mut ds) };
    let e = errno();
    assert_eq!((r, e), (-1, libc::EINVAL));
    let msg = explained!(explain_message_errno_shmctl(e, id, libc::IPC_STAT, &mut ds));
    assert_facts(&msg, &["no shared memory segment with shmid 2147483632"]);
}

#[test]
fn explain_command_decodes_mmap_flags_and_sizes() {
    let _serial = serial();
    let out = explain(&["-e", "EINVAL", "mmap", "NULL", "0", "PROT_READ|PROT_WRITE", "MAP_PRIVATE|MAP_ANONYMOUS", "-1", "0"]);
    assert_facts(&out, &["prot = PROT_READ | PROT_WRITE", "flags = MAP_PRIVATE | MAP_ANONYMOUS", "data_size is 0"]);
    let out = explain(&["-e", "ENOMEM", "malloc", "1073741824"]);
    assert_facts(&out, &["malloc(size = 1073741824)", "1073741824 bytes (1 GiB)"]);
}
