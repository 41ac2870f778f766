//! Processes, signals and waiting explained on real states: a
//! script whose #! interpreter is missing, a binary whose loader is missing, a file
//! nobody may not execute, a noexec tmpfs, a file that is no program, arguments over
//! ARG_MAX, a program open for writing, a user at RLIMIT_NPROC, another user's process,
//! a zombie, a process that is not our child, SIGCHLD ignored, and system(3)'s statuses;
//! a file capability outside the bounding set, a seccomp filter, a set-user-ID program on
//! a nosuid tmpfs, a pid namespace whose init has ended, a cgroup at its pids.max.
#[macro_use]
mod common;
use common::*;
use std::ffi::CString;
use std::process::{Command, Stdio};

extern "C" {
    fn explain_message_errno_execlp(message: *mut libc::c_char, size: libc::c_int, errnum: libc::c_int, pathname: *const libc::c_char, arg: *const libc::c_char, ...);
}

fn c(s: &str) -> CString {
    CString::new(s).unwrap()
}

/// A NULL-terminated argv for `strings` (kept alive by the returned CStrings).
fn argv(strings: &[&str]) -> (Vec<CString>, Vec<*const libc::c_char>) {
    let owned: Vec<CString> = strings.iter().map(|s| c(s)).collect();
    let mut ptrs: Vec<*const libc::c_char> = owned.iter().map(|s| s.as_ptr()).collect();
    ptrs.push(std::ptr::null());
    (owned, ptrs)
}

/// execve(path, [path], envp) for real, in this process (it fails, so it returns);
/// returns the errno and the explanation of it.
fn exec_and_explain(path: &str) -> (i32, String) {
    let p = c(path);
    let (_keep, av) = argv(&[path]);
    let (_keep_env, ev) = argv(&["A=1"]);
    // SAFETY: NUL-terminated strings and NULL-terminated arrays.
    let rc = unsafe { libc::execve(p.as_ptr(), av.as_ptr(), ev.as_ptr()) };
    assert_eq!(rc, -1, "execve of {path} did not fail");
    let e = errno();
    (e, explained!(explain_message_errno_execve(e, p.as_ptr(), av.as_ptr() as *const *mut libc::c_char, ev.as_ptr() as *const *mut libc::c_char)))
}

fn write_program(path: &std::path::Path, contents: &[u8], mode: u32) {
    std::fs::write(path, contents).unwrap();
    chmod(path, mode);
}

/// Becomes nobody in a forked child (no groups, no capabilities).
fn become_nobody() {
    // SAFETY: in a forked child only.
    unsafe {
        libc::setgroups(0, std::ptr::null());
        assert_eq!(libc::setgid(65534), 0);
        assert_eq!(libc::setuid(65534), 0);
    }
}

#[test]
fn execve_enoent_names_the_missing_interpreter_of_a_script() {
    let d = Scratch::new("proc-interp");
    let script = d.join("script");
    write_program(&script, b"#!/nonexistent/interpreter -x\necho hi\n", 0o755);
    let (e, msg) = exec_and_explain(&d.s("script"));
    assert_eq!(e, libc::ENOENT);
    assert_facts(&msg, &["execve(pathname = \"", "argv = [\"", "envp = [/* 1 vars */]) failed", "ENOENT", "#! line names the interpreter \"/nonexistent/interpreter\"", "no such file"]);
}

#[test]
fn execve_enoent_names_the_missing_elf_loader() {
    let d = Scratch::new("proc-loader");
    let mut image = std::fs::read("/bin/true").unwrap();
    let at = image.windows(11).position(|w| w == b"/lib64/ld-l").expect("PT_INTERP of /bin/true");
    // Same length, another name: the loader "/lib64/xd-linux…" does not exist.
    image[at + 7] = b'x';
    let loader = String::from_utf8_lossy(&image[at..at + image[at..].iter().position(|&b| b == 0).unwrap()]).into_owned();
    write_program(&d.join("prog"), &image, 0o755);
    let (e, msg) = exec_and_explain(&d.s("prog"));
    assert_eq!(e, libc::ENOENT);
    assert_facts(&msg, &["ENOENT", "ELF executable whose loader (its PT_INTERP) is", &format!("\"{loader}\""), "no such file"]);
}

#[test]
fn execve_eacces_names_the_mode_owner_and_user_without_execute_permission() {
    let _serial = serial();
    let d = Scratch::new("proc-noexec-bit");
    write_program(&d.join("prog"), b"#!/bin/sh\ntrue\n", 0o744);
    let path = d.s("prog");
    let msg = in_child(|buf| {
        become_nobody();
        let (e, msg) = exec_and_explain(&path);
        let s = format!("{} {msg}", e);
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    assert_facts(&msg, &["13 execve(", "EACCES", "65534 \"nobody\"", "lacks execute permission", "owner (0 \"root\")", "\"r--\" (mode 0744)"]);
}

#[test]
fn execve_eacces_on_a_noexec_tmpfs_names_the_mount_point() {
    let _serial = serial();
    let d = Scratch::new("proc-noexec-mount");
    let fs = Tmpfs::mount(&d.join("mnt"), "size=4m,noexec");
    assert!(Command::new("cp").arg("/bin/true").arg(fs.dir.join("true")).status().unwrap().success());
    chmod(&fs.dir.join("true"), 0o755);
    let (e, msg) = exec_and_explain(&fs.dir.join("true").to_string_lossy());
    assert_eq!(e, libc::EACCES);
    assert_facts(&msg, &["EACCES", &format!("mounted on \"{}\" (tmpfs) with the noexec option", fs.dir.display())]);
}

#[test]
fn execve_enoexec_shows_what_the_file_starts_with() {
    let d = Scratch::new("proc-enoexec");
    write_program(&d.join("notes"), b"hello world, not a program\n", 0o755);
    let (e, msg) = exec_and_explain(&d.s("notes"));
    assert_eq!(e, libc::ENOEXEC);
    assert_facts(&msg, &["ENOEXEC", "neither an ELF executable nor a script", "\"hello world, not"]);
}

#[test]
fn execve_e2big_counts_the_bytes_against_a_quarter_of_rlimit_stack() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: in the forked child only: a 1 MiB stack leaves 256 KiB for arguments.
        unsafe {
            let lim = libc::rlimit { rlim_cur: 1 << 20, rlim_max: libc::RLIM_INFINITY };
            libc::setrlimit(libc::RLIMIT_STACK, &lim);
        }
        let long = "x".repeat(1000);
        let strings: Vec<&str> = std::iter::once("/bin/true").chain(std::iter::repeat(long.as_str()).take(400)).collect();
        let (_keep, av) = argv(&strings);
        let (_keep_env, ev) = argv(&["A=1"]);
        let p = c("/bin/true");
        let rc = unsafe { libc::execve(p.as_ptr(), av.as_ptr(), ev.as_ptr()) };
        let e = errno();
        let msg = explained!(explain_message_errno_execve(e, p.as_ptr(), av.as_ptr() as *const *mut libc::c_char, ev.as_ptr() as *const *mut libc::c_char));
        let s = format!("{rc} {msg}");
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    // 400 strings of 1001 bytes with their pointers, plus "/bin/true".
    let args = 400 * (1001 + 8) + 10 + 8;
    assert_facts(&msg, &["-1 execve(", "E2BIG", &format!("the arguments ({args} bytes)"), "ARG_MAX (262144 bytes)", "RLIMIT_STACK (1048576 bytes)"]);
}

#[test]
fn execve_etxtbsy_names_the_process_writing_the_program() {
    let d = Scratch::new("proc-etxtbsy");
    write_program(&d.join("prog"), b"#!/bin/sh\ntrue\n", 0o755);
    let mut writer = Command::new("sh").arg("-c").arg(format!("exec 3>>{}; echo ready; exec sleep 30", d.s("prog"))).stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(writer.stdout.as_mut().unwrap()), &mut line).unwrap();
    wait_for_exec(writer.id() as i32, "sleep");
    let (e, msg) = exec_and_explain(&d.s("prog"));
    let _ = writer.kill();
    let _ = writer.wait();
    assert_eq!(e, libc::ETXTBSY);
    assert_facts(&msg, &["ETXTBSY", &format!("open for writing by process {} \"sleep\"", writer.id())]);
}

#[test]
fn execvp_enoent_lists_the_path_directories_tried() {
    let out = Command::new(env!("CARGO_BIN_EXE_explain")).args(["-e", "ENOENT", "execvp", "no-such-program-xyz", "a"]).env("PATH", "/nonexistent/bin:/usr/bin").output().unwrap();
    let msg = String::from_utf8_lossy(&out.stdout);
    assert_facts(&msg, &["execvp(pathname = \"no-such-program-xyz\", argv = [\"no-such-program-xyz\", \"a\"]) failed", "no \"no-such-program-xyz\" program in any of the command search PATH directories (\"/nonexistent/bin\", \"/usr/bin\")"]);
}

#[test]
fn fork_eagain_under_rlimit_nproc_names_the_limit_and_the_count() {
    let _serial = serial();
    let msg = in_child(|buf| {
        become_nobody();
        // SAFETY: in the forked child only.
        unsafe {
            let lim = libc::rlimit { rlim_cur: 1, rlim_max: 1 };
            libc::setrlimit(libc::RLIMIT_NPROC, &lim);
        }
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            unsafe { libc::_exit(0) };
        }
        let e = errno();
        let msg = explained!(explain_message_errno_fork(e));
        let s = format!("{pid} {msg}");
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    assert_facts(&msg, &["-1 fork() failed", "EAGAIN", "the real user nobody (uid 65534) already has", "its limit RLIMIT_NPROC is 1"]);
}

/// Waits until process `pid` runs the program `name` (a fork runs its parent's until
/// it has called exec).
fn wait_for_exec(pid: i32, name: &str) {
    for _ in 0..1000 {
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        if cmdline.split(|&b| b == 0).next().is_some_and(|a| a == name.as_bytes()) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    panic!("process {pid} did not run {name}");
}

/// A `sleep 30` owned by root, for other users to fail on.
fn roots_sleeper() -> std::process::Child {
    let child = Command::new("sleep").arg("30").spawn().unwrap();
    wait_for_exec(child.id() as i32, "sleep");
    child
}

#[test]
fn kill_eperm_names_the_targets_owner_command_and_cap_kill() {
    let _serial = serial();
    let mut target = roots_sleeper();
    let pid = target.id() as i32;
    let msg = in_child(|buf| {
        become_nobody();
        let rc = unsafe { libc::kill(pid, libc::SIGTERM) };
        let e = errno();
        let msg = explained!(explain_message_errno_kill(e, pid, libc::SIGTERM));
        let s = format!("{rc} {msg}");
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    let _ = target.kill();
    let _ = target.wait();
    assert_facts(&msg, &[
        &format!("-1 kill(pid = {pid} \"sleep\", sig = SIGTERM) failed"),
        "EPERM",
        &format!("process {pid} \"sleep\" belongs to user 0 \"root\""),
        "real user 65534 \"nobody\"",
        "CAP_KILL",
    ]);
}

#[test]
fn kill_eperm_given_to_a_caller_with_cap_kill_says_the_capability_was_overridden() {
    let _serial = serial();
    let mut target = Command::new("setpriv").args(["--reuid=65534", "--regid=65534", "--clear-groups", "sleep", "30"]).spawn().unwrap();
    let pid = target.id() as i32;
    wait_for_exec(pid, "sleep");
    // We run as root, with CAP_KILL: the kernel would let this signal through, so the
    // errno is given, as a security module's refusal would give it.
    let msg = explained!(explain_message_errno_kill(libc::EPERM, pid, libc::SIGTERM));
    let _ = target.kill();
    let _ = target.wait();
    assert_facts(&msg, &[
        &format!("process {pid} \"sleep\" belongs to user 65534 \"nobody\""),
        "has the CAP_KILL capability, which would allow signalling any process whatever its owner, yet was refused",
        "a security module forbids it",
    ]);
    assert!(!msg.contains("neither of its real and saved users"), "{msg}");
}

#[test]
fn kill_esrch_on_a_zombie_names_the_parent_that_has_not_waited() {
    let _serial = serial();
    // SAFETY: the child leaves at once.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        unsafe { libc::_exit(0) };
    }
    let stat = format!("/proc/{pid}/stat");
    for _ in 0..500 {
        if std::fs::read_to_string(&stat).map_or(false, |s| s.rsplit(')').next().unwrap_or("").trim_start().starts_with('Z')) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let msg = explained!(explain_message_errno_kill(libc::ESRCH, pid, libc::SIGKILL));
    let me = std::process::id();
    let mut status = 0;
    unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_facts(&msg, &["sig = SIGKILL) failed", "ESRCH", &format!("pid {pid} is a zombie"), &format!("its parent, process {me} \"")]);
    // Reaped: now it never existed as far as anyone can tell.
    let msg = explained!(explain_message_errno_kill(libc::ESRCH, pid, libc::SIGKILL));
    assert_facts(&msg, &[&format!("there is no process {pid} (pid)")]);
}

#[test]
fn kill_einval_and_the_echo_name_signals() {
    assert_facts(&explain(&["-e", "EINVAL", "kill", "4242", "99"]), &["kill(pid = 4242, sig = 99) failed", "99 is not a signal"]);
    assert_facts(&explain(&["-e", "ESRCH", "kill", "--", "-4242", "SIGRTMIN+3"]), &["sig = SIGRTMIN + 3", "no process group 4242"]);
}

#[test]
fn waitpid_echild_on_a_non_child_names_its_real_parent() {
    let _serial = serial();
    let mut sh = Command::new("sh").arg("-c").arg("sleep 30 & echo $!; wait").stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(sh.stdout.as_mut().unwrap()), &mut line).unwrap();
    let grandchild: i32 = line.trim().parse().unwrap();
    wait_for_exec(grandchild, "sleep");
    let mut status = 0;
    let rc = unsafe { libc::waitpid(grandchild, &mut status, libc::WNOHANG) };
    let e = errno();
    let msg = explained!(explain_message_errno_waitpid(e, grandchild, &mut status, libc::WNOHANG));
    unsafe { libc::kill(grandchild, libc::SIGKILL) };
    let _ = sh.wait();
    assert_eq!((rc, e), (-1, libc::ECHILD));
    assert_facts(&msg, &[
        &format!("waitpid(pid = {grandchild} \"sleep\", status = 0x"),
        "options = WNOHANG) failed",
        &format!("process {grandchild} \"sleep\" is not a child of this process: its parent is process {} \"sh\"", sh.id()),
    ]);
    // pid 1's parent is the kernel.
    let msg = explained!(explain_message_errno_waitpid(libc::ECHILD, 1, std::ptr::null_mut(), 0));
    assert_facts(&msg, &["its parent is the kernel (pid 0)"]);
}

#[test]
fn wait_echild_with_sigchld_ignored_says_the_kernel_reaps_the_children() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: in the forked child only.
        unsafe { libc::signal(libc::SIGCHLD, libc::SIG_IGN) };
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            unsafe { libc::_exit(0) };
        }
        let mut status = 0;
        let rc = unsafe { libc::wait(&mut status) };
        let e = errno();
        let msg = explained!(explain_message_errno_wait(e, &mut status));
        let s = format!("{rc} {msg}");
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    assert_facts(&msg, &["-1 wait(status = 0x", "ECHILD", "ignores SIGCHLD (SIG_IGN)", "discards each child"]);
}

#[test]
fn waitpid_einval_decodes_the_options() {
    let msg = explained!(explain_message_errno_waitpid(libc::EINVAL, -1, std::ptr::null_mut(), libc::WNOHANG | 0x1000000));
    assert_facts(&msg, &["options = WNOHANG | 0x1000000) failed", "EINVAL", "bits this call does not know (0x1000000)"]);
}

#[test]
fn system_success_reads_an_exit_code_and_a_killing_signal_as_a_shell_user_would() {
    let _serial = serial();
    let ended = |status: i32| {
        let mut buf = [0u8; 512];
        let mut m = explain::message::Message::new(&mut buf);
        explain::calls::proc::system::ended(&mut m, status);
        let n = m.finish();
        String::from_utf8_lossy(&buf[..n]).into_owned()
    };
    let s = unsafe { libc::system(c("exit 3").as_ptr()) };
    assert_facts(&ended(s), &["exited with status 3", "$? = 3"]);
    let s = unsafe { libc::system(c("kill -KILL $$").as_ptr()) };
    assert_facts(&ended(s), &["killed by signal SIGKILL (9", "$? = 137"]);
    // Through explain_system_success and the registered output, in a child.
    let msg = in_child(|buf| {
        let d = Scratch::new("proc-system-out");
        let log = cstr(&d.join("log"));
        unsafe {
            let out = explain::abi::outputs::explain_output_file_new(log.as_ptr(), 0);
            explain::abi::output::explain_output_register(out);
        }
        let status = unsafe { explain::abi::programs::explain_system_success(c("exit 3").as_ptr()) };
        let s = format!("{status} {}", std::fs::read_to_string(d.join("log")).unwrap_or_default());
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    assert_facts(&msg, &["768 ", "system(command = \"exit 3\"): success, but the command exited with status 3"]);
}

#[test]
fn setsid_eperm_says_the_caller_already_leads_a_group() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: in the forked child only: lead a group of its own, then try.
        unsafe { libc::setpgid(0, 0) };
        let rc = unsafe { libc::setsid() };
        let e = errno();
        let s = format!("{rc} {}", explained!(explain_message_errno_setsid(e)));
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    assert_facts(&msg, &["-1 setsid() failed", "EPERM", "already the leader of process group", "1 member"]);
}

#[test]
fn nice_eperm_as_nobody_names_rlimit_nice() {
    let _serial = serial();
    let msg = in_child(|buf| {
        become_nobody();
        // SAFETY: in the forked child only.
        unsafe {
            let lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
            libc::setrlimit(libc::RLIMIT_NICE, &lim);
        }
        let e = unsafe {
            *libc::__errno_location() = 0;
            libc::nice(-5);
            errno()
        };
        let s = format!("{e} {}", explained!(explain_message_errno_nice(e, -5)));
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    assert_facts(&msg, &["1 nice(inc = -5) failed", "EPERM", "RLIMIT_NICE is 0", "CAP_SYS_NICE"]);
}

#[test]
fn ptrace_eperm_as_nobody_names_the_tracees_owner() {
    let _serial = serial();
    let mut target = roots_sleeper();
    let pid = target.id() as i32;
    let msg = in_child(|buf| {
        become_nobody();
        let null = std::ptr::null_mut::<libc::c_void>();
        let rc = unsafe { libc::ptrace(libc::PTRACE_ATTACH, pid, null, null) };
        let e = errno();
        let s = format!("{rc} {}", explained!(explain_message_errno_ptrace(e, libc::PTRACE_ATTACH as i32, pid, null, null)));
        buf[..s.len().min(4095)].copy_from_slice(&s.as_bytes()[..s.len().min(4095)]);
    });
    let _ = target.kill();
    let _ = target.wait();
    assert_facts(&msg, &[&format!("-1 ptrace(request = PT_ATTACH, pid = {pid} \"sleep\", addr = NULL, data = NULL) failed"), "EPERM", "belongs to user 0 \"root\"", "CAP_SYS_PTRACE"]);
}

#[test]
fn setpgid_esrch_names_the_parent_of_a_process_that_is_not_ours() {
    let msg = explained!(explain_message_errno_setpgid(libc::ESRCH, 1, 0));
    assert_facts(&msg, &["setpgid(pid = 1", "ESRCH", "is neither the caller nor its child: its parent is process 0"]);
}

#[test]
fn getpriority_echo_decodes_which_and_who() {
    assert_facts(&explain(&["-e", "ESRCH", "getpriority", "PRIO_USER", "65534"]), &["getpriority(which = PRIO_USER, who = 65534 \"nobody\") failed", "no process belongs to user 65534 \"nobody\""]);
    assert_facts(&explain(&["-e", "EINVAL", "getpriority", "7", "1"]), &["getpriority(which = 7, who = 1) failed", "which is 7, none of PRIO_PROCESS"]);
}

#[test]
fn execlp_echoes_its_list_and_explains_the_missing_interpreter() {
    let d = Scratch::new("proc-execlp");
    write_program(&d.join("script"), b"#!/nonexistent/sh\n", 0o755);
    let (p, a1, a2) = (c(&d.s("script")), c("one"), c("two"));
    let mut out = [0u8; 4096];
    // SAFETY: NUL-terminated strings, the list ended by NULL.
    unsafe {
        explain_message_errno_execlp(out.as_mut_ptr() as *mut libc::c_char, out.len() as libc::c_int, libc::ENOENT, p.as_ptr(), p.as_ptr(), a1.as_ptr(), a2.as_ptr(), std::ptr::null::<libc::c_char>())
    };
    let msg = text(&out);
    let path = d.s("script");
    assert_facts(&msg, &[&format!("execlp(pathname = \"{path}\", arg = \"{path}\", \"one\", \"two\", NULL) failed"), "ENOENT", "names the interpreter \"/nonexistent/sh\""]);
}

#[test]
fn execve_with_null_and_wild_pointers_still_explains() {
    let wild = usize::MAX - 7;
    let msg = explained!(explain_message_errno_execve(libc::E2BIG, c("/bin/true").as_ptr(), wild as *const *mut libc::c_char, std::ptr::null()));
    assert_facts(&msg, &[&format!("argv = 0x{wild:X}, envp = NULL) failed"), "E2BIG", "ARG_MAX"]);
    let msg = explained!(explain_message_errno_execve(libc::EFAULT, std::ptr::null(), std::ptr::null(), std::ptr::null()));
    assert_facts(&msg, &["execve(pathname = NULL, argv = NULL, envp = NULL) failed", "EFAULT", "pathname is the NULL pointer"]);
}

/// A copy of /bin/true carrying the file capability CAP_NET_RAW, permitted and marked
/// effective (what `setcap cap_net_raw+ep` writes: vfs_cap_data revision 2).
fn program_with_net_raw(d: &Scratch) -> String {
    let path = d.join("ping-like");
    std::fs::copy("/bin/true", &path).unwrap();
    chmod(&path, 0o755);
    const VFS_CAP_REVISION_2: u32 = 0x0200_0000;
    let words = [VFS_CAP_REVISION_2 | 1, 1 << 13, 0, 0, 0];
    let value: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    let p = c(&path.to_string_lossy());
    // SAFETY: NUL-terminated name and path, a live value buffer.
    let r = unsafe { libc::setxattr(p.as_ptr(), c"security.capability".as_ptr(), value.as_ptr() as *const _, value.len(), 0) };
    assert_eq!(r, 0, "setxattr security.capability: errno {}", errno());
    path.to_string_lossy().into_owned()
}

#[test]
fn execve_eperm_names_the_file_capability_missing_from_the_bounding_set() {
    let _serial = serial();
    let d = Scratch::new("proc-fcaps");
    let path = program_with_net_raw(&d);
    let msg = in_child(|buf| {
        // SAFETY: in the forked child only: CAP_NET_RAW leaves its bounding set.
        if unsafe { libc::prctl(libc::PR_CAPBSET_DROP, 13, 0, 0, 0) } != 0 {
            return report(buf, "could not drop CAP_NET_RAW");
        }
        let (e, msg) = exec_and_explain(&path);
        report(buf, &format!("{e} {msg}"));
    });
    assert_facts(&msg, &[
        "1 execve(",
        "EPERM",
        "file capabilities (security.capability: CAP_NET_RAW permitted, marked effective)",
        "CAP_NET_RAW is missing from this process's capability bounding set (CapBnd 0x",
        "setcap -r",
    ]);
}

#[test]
fn execve_eperm_under_a_seccomp_filter_says_the_filter_may_refuse_it() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // A filter that answers execve (and only execve) with EPERM.
        let ret_errno = libc::SECCOMP_RET_ERRNO | libc::EPERM as u32;
        let filter = [
            libc::sock_filter { code: (libc::BPF_LD | libc::BPF_W | libc::BPF_ABS) as u16, jt: 0, jf: 0, k: 0 },
            libc::sock_filter { code: (libc::BPF_JMP | libc::BPF_JEQ | libc::BPF_K) as u16, jt: 0, jf: 1, k: libc::SYS_execve as u32 },
            libc::sock_filter { code: (libc::BPF_RET | libc::BPF_K) as u16, jt: 0, jf: 0, k: ret_errno },
            libc::sock_filter { code: (libc::BPF_RET | libc::BPF_K) as u16, jt: 0, jf: 0, k: libc::SECCOMP_RET_ALLOW },
        ];
        let prog = libc::sock_fprog { len: filter.len() as u16, filter: filter.as_ptr() as *mut _ };
        // SAFETY: in the forked child only; the program outlives the call.
        unsafe {
            if libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0
                || libc::prctl(libc::PR_SET_SECCOMP, libc::SECCOMP_MODE_FILTER, &prog as *const _, 0, 0) != 0
            {
                return report(buf, "could not install the filter");
            }
        }
        let (e, msg) = exec_and_explain("/bin/true");
        report(buf, &format!("{e} {msg}"));
    });
    assert_facts(&msg, &["1 execve(pathname = \"/bin/true\"", "EPERM", "seccomp filter (Seccomp: 2 in /proc/self/status)"]);
    assert!(!msg.contains("file capabilities"), "{msg}");
}

#[test]
fn fork_enomem_after_the_init_of_an_unshared_pid_namespace_ended() {
    let _serial = serial();
    let msg = in_child(|buf| {
        // SAFETY: in the forked child only: a new pid namespace for its children, whose
        // first child (the namespace's init) exits at once and is reaped.
        let pid = unsafe {
            if libc::unshare(libc::CLONE_NEWPID) != 0 {
                return report(buf, "unshare(CLONE_NEWPID) refused");
            }
            let init = libc::fork();
            if init == 0 {
                libc::_exit(0);
            }
            libc::waitpid(init, std::ptr::null_mut(), 0);
            let pid = libc::fork();
            if pid == 0 {
                libc::_exit(0);
            }
            pid
        };
        let msg = explained!(explain_message_errno_fork(errno()));
        report(buf, &format!("{pid} {msg}"));
    });
    assert_facts(&msg, &[
        "-1 fork() failed",
        "ENOMEM",
        "unshared a new pid namespace for its children (pid:[",
        "/proc/self/ns/pid_for_children), and the init of that namespace",
        "has ended",
    ]);
}

/// A pids cgroup of its own, where the hierarchy allows one: v1's pids controller, or
/// a v2 cgroup whose parent hands the pids controller down.
struct PidsCgroup {
    dir: std::path::PathBuf,
}

impl PidsCgroup {
    fn new(max: u32) -> Option<PidsCgroup> {
        let own = std::fs::read_to_string("/proc/self/cgroup").ok()?;
        let v1 = own.lines().find_map(|l| l.split_once(":pids:").map(|(_, p)| format!("/sys/fs/cgroup/pids{p}")));
        let parent = match v1 {
            Some(p) => p,
            None => {
                let rel = own.lines().find_map(|l| l.strip_prefix("0::"))?;
                let p = format!("/sys/fs/cgroup{}", rel.trim_end_matches('/'));
                std::fs::read_to_string(format!("{p}/cgroup.subtree_control")).ok()?.contains("pids").then_some(p)?
            }
        };
        let dir = std::path::PathBuf::from(format!("{}/libexplain-test-{}", parent.trim_end_matches('/'), std::process::id()));
        std::fs::create_dir(&dir).ok()?;
        let g = PidsCgroup { dir };
        std::fs::write(g.dir.join("pids.max"), max.to_string()).ok()?;
        Some(g)
    }
}

impl Drop for PidsCgroup {
    fn drop(&mut self) {
        // The last member's exit is seen by the controller a moment after waitpid.
        for _ in 0..200 {
            if std::fs::remove_dir(&self.dir).is_ok() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
}

#[test]
fn fork_eagain_in_a_cgroup_at_its_pids_max_names_the_cgroup_first() {
    let _serial = serial();
    let Some(cgroup) = PidsCgroup::new(2) else {
        eprintln!("no pids cgroup can be made here: fork's cgroup diagnosis is not tested on this machine");
        return;
    };
    let procs = cgroup.dir.join("cgroup.procs");
    let msg = in_child(|buf| {
        if std::fs::write(&procs, "0").is_err() {
            return report(buf, "could not join the cgroup");
        }
        // SAFETY: in the forked child only: one more member fills pids.max = 2.
        let (sleeper, pid) = unsafe {
            let sleeper = libc::fork();
            if sleeper == 0 {
                libc::pause();
                libc::_exit(0);
            }
            let pid = libc::fork();
            if pid == 0 {
                libc::_exit(0);
            }
            (sleeper, pid)
        };
        let msg = explained!(explain_message_errno_fork(errno()));
        // SAFETY: our own child.
        unsafe {
            libc::kill(sleeper, libc::SIGKILL);
            libc::waitpid(sleeper, std::ptr::null_mut(), 0);
        }
        report(buf, &format!("{pid} {msg}"));
    });
    let name = cgroup.dir.to_string_lossy().into_owned();
    assert_facts(&msg, &[
        "-1 fork() failed",
        "EAGAIN",
        &format!("a new process could not be created: the cgroup \"{name}\" has 2 processes (pids.current) of the 2 it allows (pids.max), which is reached"),
        "raise the cgroup's pids.max",
    ]);
}

#[test]
fn execve_eperm_given_for_a_set_user_id_program_on_a_nosuid_mount_names_the_mount() {
    let _serial = serial();
    let d = Scratch::new("proc-nosuid");
    let fs = Tmpfs::mount(&d.join("mnt"), "size=4m,nosuid");
    let prog = fs.dir.join("su-like");
    std::fs::copy("/bin/true", &prog).unwrap();
    chmod(&prog, 0o4755);
    // Kernels since 2.6 run it without the privilege rather than fail: the errno is given,
    // as a program built for the manual's EPERM would give it.
    let p = c(&prog.to_string_lossy());
    let (_keep, av) = argv(&[&prog.to_string_lossy()]);
    let msg = explained!(explain_message_errno_execve(libc::EPERM, p.as_ptr(), av.as_ptr() as *const *mut libc::c_char, std::ptr::null()));
    assert_facts(&msg, &[
        "EPERM",
        &format!("set-user-ID or set-group-ID (mode 04755) on the file system mounted on \"{}\" with the nosuid option", fs.dir.display()),
        "the program has no file capabilities",
    ]);
}
