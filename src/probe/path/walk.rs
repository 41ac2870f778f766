//! The walk itself: `lstat` (as statx) of each growing prefix, links spliced in.

use super::{is_dir, is_link, Failure, Found, Link, Outcome, Start, CHAIN_CAP, MAXSYMLINKS, PATH_MAX};
use crate::probe::attributes::InodeFlags;
use crate::probe::creds::{decide, Creds, SEARCH};
use crate::sys::{self, CPath, Stat};

pub fn resolve_bytes(start: Start, path: &[u8], follow_final: bool, creds: &Creds) -> Outcome {
    resolve_traced(start, path, follow_final, creds, &mut |_, _| {})
}

/// The same walk, calling `on_link(n, path)` for the n-th symbolic link it follows (from
/// 0), so that a message can name every link of a loop without the walk keeping them.
///
/// Like the kernel, a walk that follows more than MAXSYMLINKS links fails with ELOOP; it
/// goes on counting up to CHAIN_CAP first, to say how long the chain is.
pub fn resolve_traced(start: Start, path: &[u8], follow_final: bool, creds: &Creds, on_link: &mut dyn FnMut(usize, &CPath)) -> Outcome {
    let mut chain = Chain { links: 0, beyond: None };
    let outcome = walk(start, path, follow_final, creds, on_link, &mut chain);
    match (outcome, chain.beyond) {
        (Err(f @ Failure::Loop { repeated: true, .. }), _) | (Err(f @ Failure::Loop { count: 0, .. }), None) => Err(f),
        (_, Some(link)) => Err(Failure::Loop { link, repeated: false, limit: MAXSYMLINKS, count: chain.links, capped: chain.links > CHAIN_CAP }),
        (outcome, None) => outcome,
    }
}

/// The links a walk has followed: how many, and the first one beyond MAXSYMLINKS.
struct Chain {
    links: usize,
    beyond: Option<CPath>,
}

/// What identifies one step of a resolution: the link (device, inode) and a hash of the
/// path still to resolve after it (runs of '/' counted as one). The same step met twice
/// is a loop the kernel would go round until MAXSYMLINKS; the same link met twice with
/// different rests is not (`l -> .` in "l/l/l").
fn step(st: &Stat, rest: &[u8]) -> (u64, u64, u64) {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut slash = true;
    for &c in rest {
        if c == b'/' && slash {
            continue;
        }
        slash = c == b'/';
        h = (h ^ c as u64).wrapping_mul(0x100_0000_01b3);
    }
    (st.st_dev, st.st_ino, h)
}

fn walk(start: Start, path: &[u8], follow_final: bool, creds: &Creds, on_link: &mut dyn FnMut(usize, &CPath), chain: &mut Chain) -> Outcome {
    let fd = start.fd();
    let mut dir = CPath::new();
    let absolute = path.first() == Some(&b'/');
    let mut dir_stat = if absolute {
        dir.push(b"/");
        stat(fd, &dir, true)?
    } else {
        match start {
            Start::Cwd => stat(fd, &dir, true)?,
            Start::Dir(d) => match sys::stat_fd(d) {
                Ok(st) if is_dir(&st) => st,
                Ok(st) => return Err(Failure::BadDirFd { fd: d, stat: Some(st) }),
                Err(_) => return Err(Failure::BadDirFd { fd: d, stat: None }),
            },
        }
    };
    let mut rest = CPath::from_bytes(path).ok_or(Failure::PathTooLong { len: path.len(), max: PATH_MAX - 1 })?;
    let mut pos = 0;
    let trailing_slash = path.len() > 1 && path.ends_with(b"/");
    let mut seen: [(u64, u64, u64); CHAIN_CAP] = [(0, 0, 0); CHAIN_CAP];
    let mut link: Option<Link> = None;
    let mut dir_flags: Option<InodeFlags> = None;

    loop {
        // Take the next component.
        let bytes = rest.as_bytes();
        while pos < bytes.len() && bytes[pos] == b'/' {
            pos += 1;
        }
        let end = bytes[pos..].iter().position(|&c| c == b'/').map_or(bytes.len(), |i| pos + i);
        if pos == end {
            // Nothing left: the path named a directory ("/", "a/", ".").
            let dir_len = dir.len();
            return Ok(Found {
                start, dir_stat, path: dir, dir_len, name_at: dir_len, dir_only: true,
                stat: Some(dir_stat), link, trailing_slash, final_is_link: false,
                dir_flags, flags: dir_flags,
            });
        }
        let name = &bytes[pos..end];
        let after = end;
        let last = bytes[after..].iter().all(|&c| c == b'/');

        let decision = decide(&dir_stat, SEARCH, creds);
        if !decision.granted {
            return Err(Failure::NoSearch { dir, stat: dir_stat, decision });
        }
        // The component is appended to `dir` in place and cut off again when the walk
        // goes on from the same directory: no copy of the path per component.
        let dir_len = dir.len();
        if dir.push_component(name).is_none() {
            return Err(Failure::PathTooLong { len: dir.len() + name.len(), max: PATH_MAX - 1 });
        }
        let name_at = dir.len() - name.len();
        let (st, flags) = match sys::status_at(fd, &dir, false) {
            Ok(status) => (status.stat, InodeFlags::reported(&status)),
            Err(libc::ENOENT) if last => {
                return Ok(Found {
                    start, dir_stat, path: dir, dir_len, name_at, dir_only: false,
                    stat: None, link, trailing_slash, final_is_link: false, dir_flags, flags: None,
                });
            }
            Err(libc::ENOENT) => return Err(Failure::Missing { path: dir, dir_len, name_at, dir_stat, link }),
            Err(libc::ENOTDIR) => {
                dir.truncate(dir_len);
                return Err(Failure::NotDir { path: dir, stat: dir_stat });
            }
            Err(libc::ELOOP) => return Err(Failure::Loop { link: dir, repeated: false, limit: MAXSYMLINKS, count: 0, capped: false }),
            // The file system's NAME_MAX is asked only now: most walks never need it, and
            // each directory of the path may be on a file system with its own limit.
            Err(libc::ENAMETOOLONG) => {
                let len = dir.len();
                let name = CPath::from_bytes(name).unwrap_or_default();
                dir.truncate(dir_len);
                let max = name_max(fd, &dir);
                if name.len() > max {
                    return Err(Failure::NameTooLong { dir, len: name.len(), name, max });
                }
                return Err(Failure::PathTooLong { len, max: PATH_MAX - 1 });
            }
            Err(errno) => return Err(Failure::Other { path: dir, errno }),
        };

        if is_link(&st) && (!last || follow_final || trailing_slash) {
            let links = chain.links;
            let here = step(&st, &bytes[after..]);
            if let Some(first) = seen[..links.min(CHAIN_CAP)].iter().position(|s| *s == here) {
                chain.beyond = None;
                return Err(Failure::Loop { link: dir, repeated: true, limit: MAXSYMLINKS, count: links - first, capped: false });
            }
            on_link(links, &dir);
            chain.links += 1;
            if links == MAXSYMLINKS {
                chain.beyond = Some(dir.clone());
            }
            if links == CHAIN_CAP {
                return Err(Failure::Loop { link: dir, repeated: false, limit: MAXSYMLINKS, count: 0, capped: true });
            }
            seen[links] = here;
            let target = match sys::readlink_at(fd, &dir) {
                Ok(t) => t,
                Err(errno) => return Err(Failure::Other { path: dir, errno }),
            };
            let mut spliced = CPath::new();
            let overflow = || Failure::PathTooLong { len: target.len() + rest.len(), max: PATH_MAX - 1 };
            spliced.push(target.as_bytes()).ok_or_else(overflow)?;
            spliced.push(b"/").ok_or_else(overflow)?;
            spliced.push(&rest.as_bytes()[after..]).ok_or_else(overflow)?;
            link = Some(Link { path: dir.clone() });
            rest = spliced;
            pos = 0;
            if target.as_bytes().first() == Some(&b'/') {
                dir = CPath::from_bytes(b"/").unwrap_or_default();
                dir_stat = stat(fd, &dir, true)?;
                dir_flags = None;
            } else {
                // A relative target goes on from the link's own directory.
                dir.truncate(dir_len);
            }
            continue;
        }
        if last {
            return Ok(Found {
                start, dir_stat, path: dir, dir_len, name_at, dir_only: false,
                stat: Some(st), link, trailing_slash, final_is_link: is_link(&st), dir_flags, flags,
            });
        }
        if !is_dir(&st) {
            return Err(Failure::NotDir { path: dir, stat: st });
        }
        dir_stat = st;
        dir_flags = flags;
        pos = after;
    }
}

fn stat(fd: i32, p: &CPath, follow: bool) -> Result<Stat, Failure> {
    sys::stat_at(fd, p, follow).map_err(|errno| Failure::Other { path: p.clone(), errno })
}

/// NAME_MAX of the file system holding `dir` (what pathconf(_PC_NAME_MAX) reports).
fn name_max(fd: i32, dir: &CPath) -> usize {
    let relative_to_fd = fd != libc::AT_FDCWD && dir.as_bytes().first() != Some(&b'/');
    let st = if !relative_to_fd {
        sys::statfs(dir)
    } else if dir.is_empty() {
        sys::fstatfs(fd)
    } else {
        // statfs has no *at form: reach the directory through an O_PATH descriptor.
        sys::open_at(fd, dir, libc::O_PATH | libc::O_DIRECTORY).and_then(|d| sys::fstatfs(d.raw()))
    };
    match st {
        Ok(s) if s.f_namelen > 0 => s.f_namelen as usize,
        _ => 255,
    }
}
