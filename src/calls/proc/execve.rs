//! execve(2): ERRORS E2BIG, EACCES, EAGAIN, EFAULT, EINVAL, EIO, EISDIR, ELIBBAD, ELOOP,
//! EMFILE, ENAMETOOLONG, ENFILE, ENOENT, ENOEXEC, ENOMEM, ENOTDIR, EPERM, ETXTBSY.
//! `diagnose` is shared with execv(3) and execvp(3) (which calls it for the program it
//! found along PATH).

use crate::decode::process::argv_bytes;
use crate::decode::Text;
use crate::message::prose::{access, generic, limits, process, programs};
use crate::message::Message;
use crate::probe::creds::SEARCH;
use crate::probe::path::{resolve, Start};
use crate::probe::{children, mounts, process as procs, program};
use crate::sys::CPath;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, argv: usize, envp: usize) {
    diagnose(m, errnum, pathname, argv, envp);
}

pub fn diagnose(m: &mut Message, errnum: i32, pathname: &Text, argv: usize, envp: usize) {
    match errnum {
        libc::E2BIG => {
            let (limit, stack) = program::argument_limit();
            let longest = program::longest_string(argv).max(program::longest_string(envp));
            programs::too_big(m, argv_bytes(argv), argv_bytes(envp), limit, stack, longest, program::MAX_ARG_STRLEN);
        }
        libc::EMFILE => limits::too_many_open_files(m),
        libc::ENFILE => limits::too_many_files_in_system(m),
        libc::EAGAIN => process::fork_refused(m, &children::fork_limits()),
        libc::EFAULT if pathname.state == crate::decode::TextState::Ok => generic::meaning(m, errnum),
        libc::ENOENT | libc::EACCES | libc::ENOEXEC | libc::ETXTBSY | libc::EPERM | libc::ELIBBAD | libc::EISDIR => {
            program_file(m, errnum, pathname)
        }
        _ => path_problem(m, errnum, pathname),
    }
}

/// The diagnoses that look at the program file itself, once its path resolves.
fn program_file(m: &mut Message, errnum: i32, pathname: &Text) {
    let name = pathname.bytes();
    // A program that opens is there: ENOENT and its kin need nothing but its start.
    if matches!(errnum, libc::ENOENT | libc::ELIBBAD | libc::EISDIR) {
        if let Some(start) = program::start(name) {
            return missing_part(m, errnum, name, Some(start));
        }
    }
    // One stat answers when the program is there (the errnos here mostly come from a
    // program that exists); the walk, component by component, only when it is not.
    let path = CPath::from_bytes(name);
    let direct = path.as_ref().and_then(|p| crate::sys::stat_at(libc::AT_FDCWD, p, true).ok());
    let st = match direct {
        Some(st) => st,
        None => match resolve(Start::Cwd, pathname, true) {
            Ok(found) => match found.stat {
                Some(st) => st,
                None => return path_problem(m, errnum, pathname),
            },
            Err(_) => return path_problem(m, errnum, pathname),
        },
    };
    let start = program::start(name);
    match errnum {
        libc::ENOENT | libc::ELIBBAD | libc::EISDIR => missing_part(m, errnum, name, start),
        libc::EACCES => {
            if st.st_mode & libc::S_IFMT != libc::S_IFREG {
                return programs::not_regular(m, crate::probe::fd::type_name(st.st_mode));
            }
            if let Some(mnt) = mounts::mount_of(&st).filter(|mnt| mnt.noexec) {
                return programs::noexec_mount(m, &mnt);
            }
            let creds = m.creds();
            if !access::refusal(m, &st, SEARCH, &creds, |m| m.quoted(name)) {
                // The bits allow it: the interpreter of a script may be what is refused.
                if let Some(program::Start::Script(interp)) = start {
                    m.text("; or the script's interpreter ");
                    m.quoted(interp.as_bytes());
                    m.text(" may not be executed");
                }
            }
        }
        libc::ENOEXEC => match start {
            Some(program::Start::Other { head, len }) => programs::not_a_program(m, &head[..len]),
            Some(program::Start::Elf(_)) => programs::foreign_elf(m),
            Some(program::Start::Script(interp)) => {
                m.because();
                m.text("the script's interpreter ");
                m.quoted(interp.as_bytes());
                m.text(" is itself not a program the kernel can run (an interpreter may not be another script)");
            }
            None => generic::meaning(m, errnum),
        },
        libc::ETXTBSY => programs::open_for_writing(m, procs::writer_of(&st)),
        libc::EPERM => {
            let nosuid = mounts::mount_of(&st).filter(|mnt| mnt.nosuid);
            programs::privilege_refused(m, &programs::Privilege {
                mode: st.st_mode,
                caps: path.as_ref().and_then(program::file_capabilities),
                guards: crate::probe::creds::exec_guards(),
                nosuid: nosuid.as_ref(),
            });
        }
        _ => generic::meaning(m, errnum),
    }
}

/// ENOENT (or ELIBBAD, EISDIR) for a program that exists: its #! interpreter or its ELF
/// loader is what is missing or unusable.
fn missing_part(m: &mut Message, errnum: i32, name: &[u8], start: Option<program::Start>) {
    match start {
        Some(program::Start::Script(interp)) if !program::exists(&interp) || errnum != libc::ENOENT => {
            programs::missing_interpreter(m, name, interp.as_bytes())
        }
        Some(program::Start::Elf(Some(loader))) => programs::missing_loader(m, name, loader.as_bytes()),
        _ => generic::meaning(m, errnum),
    }
}

/// The pathname itself does not lead to a file: the path walk says why.
fn path_problem(m: &mut Message, errnum: i32, pathname: &Text) {
    crate::calls::fs::open::diagnose(m, errnum, Start::Cwd, pathname, libc::O_RDONLY, 0);
}
