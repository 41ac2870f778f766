//! The credential, limit and host-name calls explained on real
//! failing states: a child that has dropped to user 65534 asking for root, a user
//! namespace without a map, a user at RLIMIT_NPROC, a namespace where setgroups is
//! denied, a host name longer than the kernel keeps, a one-byte buffer for the host name.
#[macro_use]
mod common;
use common::*;
use explain::abi::boundary as b;
use libc::{c_char, c_int};

const NOBODY: u32 = 65534;

fn buf_args(buf: &mut [u8]) -> (*mut c_char, c_int) {
    (buf.as_mut_ptr() as *mut c_char, buf.len() as c_int)
}

/// The name of group `gid` in /etc/group.
fn group_name(gid: u32) -> String {
    let groups = std::fs::read_to_string("/etc/group").unwrap();
    groups.lines().find(|l| l.split(':').nth(2) == Some(&gid.to_string())).and_then(|l| l.split(':').next()).unwrap().to_string()
}

#[test]
fn setuid_root_as_nobody_names_the_three_ids_and_cap_setuid() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        // SAFETY: a real setuid that the kernel refuses, then the explanation.
        unsafe {
            if libc::setuid(0) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setuid(p, n, errno(), 0);
        }
    });
    assert_facts(
        &msg,
        &[
            "setuid(uid = 0 \"root\") failed",
            "EPERM",
            "does not have the CAP_SETUID capability",
            "real user 65534 \"nobody\", effective user 65534 \"nobody\", saved set-user-ID 65534 \"nobody\"",
            "uid may only be its real or saved user ID (65534 \"nobody\") or -1, and 0 \"root\" is none of them",
        ],
    );
}

#[test]
fn setreuid_as_nobody_says_which_argument_is_refused() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        // SAFETY: as above.
        unsafe {
            if libc::setreuid(u32::MAX, 0) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setreuid(p, n, errno(), u32::MAX, 0);
        }
    });
    assert_facts(&msg, &["setreuid(ruid = -1, euid = 0 \"root\")", "EPERM", "euid may only be its real, effective or saved user ID (65534 \"nobody\")"]);
    assert!(!msg.contains("ruid may only"), "ruid -1 is allowed: {msg}");
}

#[test]
fn setgroups_as_nobody_names_cap_setgid() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        let groups = [0u32];
        // SAFETY: as above.
        unsafe {
            if libc::setgroups(1, groups.as_ptr()) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setgroups(p, n, errno(), 1, groups.as_ptr());
        }
    });
    assert_facts(&msg, &["setgroups(data_size = 1, data = 0x", "EPERM", "effective user 65534 \"nobody\"", "does not have the CAP_SETGID capability"]);
}

#[test]
fn setgroups_denied_in_a_user_namespace_says_so() {
    let _serial = serial();
    let Some(msg) = in_user_namespace_child(|buf| {
        // SAFETY: in a new user namespace, its setgroups switch set to deny, then a
        // real setgroups.
        unsafe {
            std::fs::write("/proc/self/setgroups", "deny").unwrap();
            if libc::setgroups(0, std::ptr::null()) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setgroups(p, n, errno(), 0, std::ptr::null());
        }
    }) else {
        return;
    };
    assert_facts(&msg, &["setgroups(data_size = 0, data = NULL)", "EPERM", "/proc/self/setgroups says \"deny\""]);
}

#[test]
fn setresuid_in_a_user_namespace_without_a_map_says_nothing_is_mapped() {
    let _serial = serial();
    let Some(msg) = in_user_namespace_child(|buf| {
        // SAFETY: in a new user namespace with no uid_map: every id is unmapped there.
        unsafe {
            if libc::setresuid(0, 0, 0) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setresuid(p, n, errno(), 0, 0, 0);
        }
    }) else {
        return;
    };
    assert_facts(
        &msg,
        &["setresuid(ruid = 0 \"root\", euid = 0 \"root\", suid = 0 \"root\")", "EINVAL", "ruid 0 \"root\" has no mapping in the process's user namespace", "/proc/self/uid_map maps no ids at all"],
    );
}

#[test]
fn setuid_over_rlimit_nproc_counts_the_target_users_processes() {
    let _serial = serial();
    // A process of user 65534, so that user is at a limit of 1.
    let mut sleeper = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "sleep", "5"])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let msg = in_child(|buf| {
        let lim = libc::rlimit { rlim_cur: 1, rlim_max: 1 };
        // SAFETY: plain system calls in the child. Since Linux 3.1 setuid succeeds over
        // the limit (the next execve fails instead), so EAGAIN is explained as given.
        unsafe {
            libc::setrlimit(libc::RLIMIT_NPROC, &lim);
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setuid(p, n, libc::EAGAIN, NOBODY as c_int);
        }
    });
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    assert_facts(&msg, &["setuid(uid = 65534 \"nobody\")", "EAGAIN", "uid 65534 \"nobody\" would become the process's real user", "RLIMIT_NPROC of 1, which one more would exceed"]);
    assert!(msg.contains("already has "), "{msg}");
}

#[test]
fn sethostname_too_long_gives_the_length_and_host_name_max() {
    let name = [b'h'; 100];
    // SAFETY: a real sethostname that the kernel refuses for its length (nothing changes).
    let e = unsafe {
        assert_eq!(libc::sethostname(name.as_ptr() as *const c_char, name.len()), -1);
        errno()
    };
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_sethostname(e, name.as_ptr() as *const c_char, name.len()));
    assert_facts(&msg, &["sethostname(name = \"hhhh", "name_size = 100)", "EINVAL", "name_size is 100, longer than the 64 bytes (HOST_NAME_MAX)"]);
}

#[test]
fn sethostname_as_nobody_names_cap_sys_admin() {
    let _serial = serial();
    let msg = in_child(|buf| {
        drop_to_nobody();
        // SAFETY: as above; refused before anything changes.
        unsafe {
            if libc::sethostname(b"x".as_ptr() as *const c_char, 1) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_sethostname(p, n, errno(), b"x".as_ptr() as *const c_char, 1);
        }
    });
    assert_facts(&msg, &["sethostname(name = \"x\", name_size = 1)", "EPERM", "effective user 65534 \"nobody\"", "does not have the CAP_SYS_ADMIN capability"]);
}

#[test]
fn gethostname_into_one_byte_gives_the_names_length() {
    let mut one = [0u8; 1];
    // SAFETY: a real gethostname into a buffer too small for any name.
    let e = unsafe {
        assert_eq!(libc::gethostname(one.as_mut_ptr() as *mut c_char, 1), -1);
        errno()
    };
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap().trim_end().to_string();
    let msg = explained!(explain_message_errno_gethostname(e, one.as_mut_ptr() as *mut c_char, 1));
    let fact = format!("the host name \"{host}\" is {} bytes, {} with its terminating NUL, and data_size is 1", host.len(), host.len() + 1);
    assert_facts(&msg, &["gethostname(data = 0x", "data_size = 1)", &fact, "HOST_NAME_MAX + 1 (65)"]);
}

#[test]
fn getrlimit_of_resource_99_lists_the_resources() {
    let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: a real getrlimit of a resource the kernel does not have.
    let e = unsafe {
        assert_eq!(libc::syscall(libc::SYS_getrlimit, 99, &mut lim as *mut libc::rlimit), -1);
        errno()
    };
    assert_eq!(e, libc::EINVAL);
    let msg = explained!(explain_message_errno_getrlimit(e, 99, &mut lim as *mut libc::rlimit));
    assert_facts(&msg, &["getrlimit(resource = 99, rlim = 0x", "EINVAL", "resource is 99", "RLIMIT_NOFILE (7)", "RLIMIT_RTTIME (15)"]);
}

#[test]
fn getrusage_of_an_unknown_who_lists_the_choices() {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: a real getrusage with a who the kernel does not take.
    let e = unsafe {
        assert_eq!(libc::getrusage(5, usage.as_mut_ptr()), -1);
        errno()
    };
    let msg = explained!(explain_message_errno_getrusage(e, 5, usage.as_mut_ptr()));
    assert_facts(&msg, &["getrusage(who = 5, usage = 0x", "EINVAL", "who is 5", "RUSAGE_SELF (0), RUSAGE_CHILDREN (-1) or RUSAGE_THREAD (1)"]);
}

#[test]
fn getgroups_too_small_counts_the_groups() {
    let _serial = serial();
    let msg = in_child(|buf| {
        let groups = [4242u32, 4243, 4244];
        let mut one = [0u32; 1];
        // SAFETY: plain system calls in the child.
        unsafe {
            assert_eq!(libc::setgroups(3, groups.as_ptr()), 0);
            if libc::getgroups(1, one.as_mut_ptr()) != -1 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_getgroups(p, n, errno(), 1, one.as_mut_ptr());
        }
    });
    assert_facts(&msg, &["getgroups(data_size = 1, data = 0x", "EINVAL", "data_size is 1 but the process has 3 supplementary groups"]);
}

#[test]
fn setgroups_over_ngroups_max_names_the_limit() {
    let max: u64 = std::fs::read_to_string("/proc/sys/kernel/ngroups_max").unwrap().trim().parse().unwrap();
    let groups = vec![0u32; max as usize + 1];
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: a real setgroups with one group too many (refused, nothing changes).
        unsafe {
            if libc::setgroups(groups.len(), groups.as_ptr()) == 0 {
                return;
            }
            let (p, n) = buf_args(buf);
            b::explain_message_errno_setgroups(p, n, errno(), groups.len(), groups.as_ptr());
        }
    });
    let fact = format!("data_size is {}, more than the {max} supplementary groups", max + 1);
    assert_facts(&msg, &["EINVAL", &fact, "NGROUPS_MAX"]);
}

#[test]
fn getgrouplist_with_no_room_counts_the_users_groups() {
    let user = c"root";
    let mut groups = [0u32; 1];
    let mut ngroups: c_int = 0;
    // SAFETY: a real getgrouplist with room for no group.
    let r = unsafe { libc::getgrouplist(user.as_ptr(), 0, groups.as_mut_ptr(), &mut ngroups) };
    assert_eq!(r, -1);
    // What /etc/group gives root: group 0, and each group listing root as a member.
    let etc = std::fs::read_to_string("/etc/group").unwrap();
    let extra = etc.lines().filter(|l| l.split(':').nth(3).is_some_and(|m| m.split(',').any(|u| u == "root")) && l.split(':').nth(2) != Some("0")).count();
    // getgrouplist sets no errno of its own: explained with the EINVAL libexplain's
    // command uses for it.
    let mut zero: c_int = 0;
    let msg = explained!(explain_message_errno_getgrouplist(libc::EINVAL, user.as_ptr(), 0, groups.as_mut_ptr(), &mut zero));
    let count = format!("user \"root\" is in {} group", 1 + extra);
    let root = format!("0 \"{}\"", group_name(0));
    assert_facts(&msg, &["getgrouplist(user = \"root\", group = 0 \"root\", groups = 0x", "ngroups = { 0 })", &count, &root, "*ngroups is 0, too few"]);
}

#[test]
fn getresuid_into_an_unmapped_page_names_the_argument() {
    let mut ok = 0u32;
    // SAFETY: getresuid with its first pointer at an address nothing maps.
    let e = unsafe {
        assert_eq!(libc::getresuid(0x1000 as *mut u32, &mut ok, &mut ok), -1);
        errno()
    };
    let msg = explained!(explain_message_errno_getresuid(e, 0x1000 as *mut u32, &mut ok as *mut u32, &mut ok as *mut u32));
    assert_facts(&msg, &["getresuid(ruid = 0x00001000, euid = 0x", "EFAULT", "ruid (0x1000, 4 bytes)"]);
}

#[test]
fn the_command_takes_libexplains_forms_of_these_calls() {
    // Left-out ids are -1 (unchanged), as libexplain's command leaves them.
    assert_facts(&explain(&["-e", "EPERM", "setresuid", "5"]), &["setresuid(ruid = 5 \"games\", euid = -1, suid = -1) failed"]);
    // A host name alone is the string and its length; with its length, an address.
    assert_facts(&explain(&["-e", "EINVAL", "sethostname", "foo"]), &["sethostname(name = \"foo\", name_size = 3) failed"]);
    assert_facts(&explain(&["-e", "EINVAL", "sethostname", "0x1000", "100"]), &["sethostname(name = 0x00001000, name_size = 100)", "name_size is 100, longer than the 64 bytes"]);
    // gethostname's one argument is the size of a buffer of the command's own.
    assert_facts(&explain(&["-e", "ENAMETOOLONG", "gethostname", "1"]), &["data_size = 1) failed", "and data_size is 1"]);
    assert_facts(&explain(&["-e", "EINVAL", "getrlimit", "RLIMIT_NOFILE"]), &["getrlimit(resource = RLIMIT_NOFILE, rlim = 0x", "resource RLIMIT_NOFILE (7) is one the kernel knows"]);
    assert_facts(&explain(&["-e", "EINVAL", "getrusage", "--", "-1"]), &["getrusage(who = RUSAGE_CHILDREN, usage = 0x"]);
}
