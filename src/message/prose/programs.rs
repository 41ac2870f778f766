//! Running a program (execve(2) and its library forms, system(3)): a missing `#!`
//! interpreter or ELF loader, the command search PATH, noexec and nosuid mounts, what
//! a file that is not a program starts with, the size of the arguments against their
//! limit, the process that has the program open for writing; and how system(3)'s
//! command ended, as a shell user reads it.

use crate::message::Message;
use crate::probe::creds::ExecGuards;
use crate::probe::mounts::Mount;
use crate::probe::program::FileCaps;

/// ENOENT for a program that exists: the interpreter its `#!` line names is missing.
pub fn missing_interpreter(m: &mut Message, program: &[u8], interp: &[u8]) {
    m.because();
    m.text("the program ");
    m.quoted(program);
    m.text(" exists, but it is a script whose #! line names the interpreter ");
    m.quoted(interp);
    m.text(", and there is no such file; the kernel reports the missing interpreter as if the script itself were missing");
}

/// ENOENT for an ELF program that exists: its dynamic loader (PT_INTERP) is missing.
pub fn missing_loader(m: &mut Message, program: &[u8], loader: &[u8]) {
    m.because();
    m.text("the program ");
    m.quoted(program);
    m.text(" exists, but it is a dynamically linked ELF executable whose loader (its PT_INTERP) is ");
    m.quoted(loader);
    m.text(", and there is no such file: it was built for another system or architecture, or the loader's package is not installed");
}

/// ENOENT or EACCES of execvp: no directory of PATH holds a program of that name.
pub fn not_in_search_path(m: &mut Message, file: &[u8], path: &[u8]) {
    m.because();
    m.text("there is no ");
    m.quoted(file);
    m.text(" program in any of the command search PATH directories (");
    search_dirs(m, path);
    m.text(")");
}

fn search_dirs(m: &mut Message, path: &[u8]) {
    for (i, dir) in path.split(|&c| c == b':').enumerate() {
        if i > 0 {
            m.text(", ");
        }
        // An empty entry is the current directory, as for the shell.
        m.quoted(if dir.is_empty() { b"." } else { dir });
    }
}

/// execvp: the program was found in `dir` (of the PATH directories), and refused there.
pub fn found_in_search_path(m: &mut Message, dir: &[u8], path: &[u8]) {
    m.text(" (found in ");
    m.quoted(dir);
    m.text(", searching PATH: ");
    search_dirs(m, path);
    m.text(")");
}

/// EACCES: the program lies on a file system mounted noexec.
pub fn noexec_mount(m: &mut Message, mnt: &Mount) {
    m.because();
    m.text("the program is on the file system mounted on ");
    m.quoted(mnt.point.as_bytes());
    m.text(" (");
    m.raw(mnt.fstype());
    m.text(") with the noexec option: no file there may be run as a program, whatever its mode");
}

/// EACCES: the pathname names something that is not a regular file.
pub fn not_regular(m: &mut Message, kind: &str) {
    m.because();
    m.text("the pathname names a ");
    m.text(kind);
    m.text(", and only a regular file can be run as a program");
}

/// EPERM: what stands between the program and the privileges it would gain. The
/// kernel refuses to run a program marked with effective file capabilities unless the
/// process can be given all of them (its bounding set, or its inheritable set together
/// with the file's, must hold each); a seccomp filter or a security module can refuse
/// any execve. Set-user-ID on a nosuid mount or under a tracer, which the manual lists,
/// is run without the privilege by kernels since 2.6, not refused: said when it applies.
pub struct Privilege<'a> {
    pub mode: u32,
    pub caps: Option<FileCaps>,
    pub guards: Option<ExecGuards>,
    pub nosuid: Option<&'a Mount>,
}

pub fn privilege_refused(m: &mut Message, p: &Privilege) {
    m.because();
    if let (Some(caps), Some(g)) = (p.caps, p.guards) {
        let missing = caps.permitted & !g.bounding & !(g.inheritable & caps.inheritable);
        if caps.effective && missing != 0 {
            m.text("the program carries file capabilities (security.capability: ");
            capability_list(m, caps.permitted);
            m.text(" permitted, marked effective), and a program so marked runs with all of them or not at all; ");
            capability_list(m, missing);
            m.text(if missing.count_ones() == 1 { " is" } else { " are" });
            let _ = core::fmt::write(m, format_args!(
                " missing from this process's capability bounding set (CapBnd {:#x} in /proc/self/status) and not inheritable from it",
                g.bounding
            ));
            m.text("; restore the capability to the bounding set, or remove it from the file (setcap -r)");
            return;
        }
    }
    let setid = p.mode & (libc::S_ISUID | libc::S_ISGID) != 0;
    match (setid, p.nosuid) {
        (true, Some(mnt)) => {
            let _ = core::fmt::write(m, format_args!("the program is set-user-ID or set-group-ID (mode 0{:o}) on the file system mounted on ", p.mode & 0o7777));
            m.quoted(mnt.point.as_bytes());
            m.text(" with the nosuid option, which older kernels refused to run that way; ");
        }
        (true, None) if p.guards.is_some_and(|g| g.traced) => m.text("the program is set-user-ID or set-group-ID and this process is being traced, which older kernels refused; "),
        _ => {}
    }
    match p.guards {
        Some(g) if g.seccomp == 2 => m.text(
            "this process runs under a seccomp filter (Seccomp: 2 in /proc/self/status), and a filter may answer execve with EPERM without the kernel trying it",
        ),
        Some(g) if g.seccomp == 1 => m.text("this process is in seccomp strict mode, where execve is not among the four calls allowed"),
        _ => {
            m.text(if p.caps.is_some() {
                "the program's file capabilities are all within this process's reach"
            } else {
                "the program has no file capabilities"
            });
            m.text(" and no seccomp filter is installed, so a security module (SELinux, AppArmor, Landlock) refused it; its audit log names the rule");
        }
    }
}

/// `CAP_NET_RAW, CAP_SYS_TIME`: the capabilities of a mask by name.
fn capability_list(m: &mut Message, mask: u64) {
    let mut first = true;
    for cap in (0..64).filter(|c| mask & 1 << c != 0) {
        if !first {
            m.text(", ");
        }
        first = false;
        match crate::probe::creds::capability_name(cap) {
            "a capability" => {
                let _ = core::fmt::write(m, format_args!("capability {cap}"));
            }
            name => m.text(name),
        }
    }
}

/// ENOEXEC: the file is not in a format the kernel runs; what it starts with.
pub fn not_a_program(m: &mut Message, head: &[u8]) {
    m.because();
    if head.is_empty() {
        return m.text("the file is empty, and an empty file is no program the kernel can run (a shell would run it as an empty script; execve does not)");
    }
    m.text("the file is neither an ELF executable nor a script starting with #!: its first bytes are ");
    m.quoted(head);
    m.text("; a shell script needs a #! line naming its interpreter to be run by execve");
}

/// ENOEXEC of an ELF file the kernel does not run (another architecture, a shared
/// object without a loader, a corrupt header).
pub fn foreign_elf(m: &mut Message) {
    m.because();
    m.text("the file is an ELF file that this kernel cannot run: built for another architecture or word size, or not an executable (an object file)");
}

/// E2BIG: the bytes of arguments plus environment, against the limit.
pub fn too_big(m: &mut Message, args: u64, env: u64, limit: u64, stack: Option<u64>, longest: u64, longest_max: u64) {
    m.because();
    if longest > longest_max {
        let _ = core::fmt::write(
            m,
            format_args!("one argument or environment string is {longest} bytes long, over the kernel's limit of {longest_max} bytes (MAX_ARG_STRLEN) for a single string"),
        );
        return;
    }
    let _ = core::fmt::write(
        m,
        format_args!("the arguments ({args} bytes) and the environment ({env} bytes), {} bytes together with their pointers, exceed the space for them, ", args + env),
    );
    m.maximum("ARG_MAX", limit, "bytes");
    if let Some(stack) = stack {
        let _ = core::fmt::write(m, format_args!(", a quarter of the stack limit RLIMIT_STACK ({stack} bytes)"));
    }
    if args + env <= limit {
        m.text("; they fit now: the environment or the stack limit has changed since");
    }
}

/// ETXTBSY: the program is open for writing by a process (named).
pub fn open_for_writing(m: &mut Message, pid: Option<i32>) {
    m.because();
    m.text("the program file is open for writing");
    if let Some(pid) = pid {
        m.text(" by process ");
        super::ids::process(m, pid);
    }
    m.text(", and the kernel will not run a file that may change under it; wait for the writer to close it");
}

/// system(3) with a NULL command asks whether a shell exists.
pub fn shell_missing(m: &mut Message) {
    m.because();
    m.text("there is no shell to run the command: /bin/sh is not an executable file");
}
