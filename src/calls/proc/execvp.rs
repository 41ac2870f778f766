//! execvp(3): execv(3) of a file name without a slash searched along the PATH
//! directories; its errors are execve's, for the program found (ENOENT when none is,
//! EACCES when one was found but could not be run).

use crate::decode::Text;
use crate::message::prose::programs;
use crate::message::Message;
use crate::probe::program;
use crate::sys::CPath;

pub fn explain(m: &mut Message, errnum: i32, pathname: &Text, argv: usize) {
    let env = crate::sys::environ_table();
    let file = pathname.bytes();
    if !pathname.is_ok() || file.is_empty() || file.contains(&b'/') {
        return super::execve::diagnose(m, errnum, pathname, argv, env);
    }
    let path = program::search_path();
    // The first directory of PATH that holds the name: the one whose failure glibc
    // reports (it goes on past EACCES, and reports EACCES if nothing else ran).
    let mut found: Option<(CPath, usize)> = None;
    program::for_each_search_dir(|dir| {
        if found.is_some() {
            return;
        }
        let mut candidate = CPath::from_bytes(if dir.is_empty() { b"." } else { dir }).unwrap_or_default();
        if candidate.push(b"/").and_then(|_| candidate.push(file)).is_some() && program::exists(&candidate) {
            let dir_len = candidate.as_bytes().len() - file.len() - 1;
            found = Some((candidate, dir_len));
        }
    });
    match found {
        None => programs::not_in_search_path(m, file, path),
        Some((candidate, dir_len)) => {
            let text = Text::from_bytes(candidate.as_bytes());
            super::execve::diagnose(m, errnum, &text, argv, env);
            programs::found_in_search_path(m, &candidate.as_bytes()[..dir_len], path);
        }
    }
}
