//! Running a program (execve(2) and its library forms, system(3)): a missing `#!`
//! interpreter or ELF loader, the command search PATH, noexec and nosuid mounts, what
//! a file that is not a program starts with, the size of the arguments against their
//! limit, the process that has the program open for writing; and how system(3)'s
//! command ended, as a shell user reads it.

use crate::message::Message;
use crate::probe::mounts::Mount;

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

/// EPERM of a set-user-ID or set-group-ID program on a nosuid mount, or with a file
/// capability, that the kernel refused to run with those privileges.
pub fn privilege_refused(m: &mut Message, mode: u32, nosuid: Option<&Mount>, traced: bool) {
    m.because();
    if mode & (libc::S_ISUID | libc::S_ISGID) != 0 {
        m.text("the program is set-user-ID or set-group-ID (mode ");
        let _ = core::fmt::write(m, format_args!("0{:o})", mode & 0o7777));
    } else {
        m.text("the program gains privileges when run (a file capability, security.capability)");
    }
    match (nosuid, traced) {
        (Some(mnt), _) => {
            m.text(", and its file system, mounted on ");
            m.quoted(mnt.point.as_bytes());
            m.text(", has the nosuid option");
        }
        (None, true) => m.text(", and the process is being traced: a traced process may not gain privileges"),
        (None, false) => m.text(
            ", and the kernel refused the privileges: the process has no_new_privs set, is traced, or a security module forbids it",
        ),
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
