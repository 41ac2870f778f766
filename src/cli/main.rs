//! `explain [OPTION…] FUNCTION ARG…`, with the options of libexplain's explain(1).

use super::{find, COMMANDS};
use crate::errno;
use std::io::Write;

const USAGE: &str = "\
usage: explain [OPTION...] FUNCTION [ARG...]
Explains why FUNCTION failed with the given arguments (written as strace prints them:
O_WRONLY|O_CREAT, 0644, NULL, 0x7f00..., numbers, \"strings\").

  -e, --errno=ERR       the error: a number (2), a name (ENOENT) or its text
  -m, --message=TEXT    the error given as the text a program printed
  -o, --output=FILE     write the explanation to FILE instead of stdout
  -E, --explain-exit-status
                        also explain the exit status of the command
  -p                    print the table of errors, briefly
  -P                    print the table of errors in full
  -V, --version         print the version
      --help            print this help

Functions: ";

/// Whether a group of short options (`-Ee5`) holds -E before any option taking a value.
fn short_e(group: &str) -> bool {
    for c in group[1..].chars() {
        if c == 'E' {
            return true;
        }
        if takes_value(c) {
            return false;
        }
    }
    false
}

fn usage_error(msg: &str) -> i32 {
    eprintln!("explain: {msg}");
    eprintln!("explain: run \"explain --help\" for usage");
    1
}

/// Runs the command; returns its exit status. With -E (--explain-exit-status), the exit
/// status is printed on stderr just before the command ends, as libexplain's explain(1)
/// does: `explain: exit status EXIT_SUCCESS` (or EXIT_FAILURE).
pub fn main(argv: Vec<String>) -> i32 {
    let explain_status = argv
        .iter()
        .skip(1)
        .take_while(|a| *a != "--")
        .any(|a| a == "--explain-exit-status" || (a.starts_with('-') && !a.starts_with("--") && short_e(a)));
    let status = run(argv);
    if explain_status {
        let _ = std::io::stdout().flush();
        match status {
            0 => eprintln!("explain: exit status EXIT_SUCCESS"),
            1 => eprintln!("explain: exit status EXIT_FAILURE"),
            n => eprintln!("explain: exit status {n}"),
        }
    }
    status
}

/// The long options (unique prefixes accepted, as getopt_long does) and the short one
/// each stands for.
const LONG: &[(&str, char)] = &[
    ("errno", 'e'),
    ("message", 'm'),
    ("output", 'o'),
    ("explain-exit-status", 'E'),
    ("version", 'V'),
    ("help", 'h'),
];

/// The short options that take a value.
fn takes_value(c: char) -> bool {
    matches!(c, 'e' | 'm' | 'o')
}

/// What the command line asks for, read the way getopt reads it: grouped short options
/// (`-Ee5`), values attached (`-eEBADF`) or separate (`-e EBADF`), long options with `=`
/// or a separate value, and `--` ending the options. Options may follow the function's
/// name (GNU getopt permutes), but a word starting with `-` and a digit there is an
/// argument (`-1` for an unchanged owner).
enum Request {
    Run { errnum: Option<i32>, output: Option<String>, rest: Vec<String> },
    Exit(i32),
}

fn read_options(argv: Vec<String>) -> Result<Request, String> {
    let mut errnum: Option<i32> = None;
    let mut output: Option<String> = None;
    let mut rest: Vec<String> = Vec::new();
    let mut it = argv.into_iter().skip(1);
    while let Some(a) = it.next() {
        // (option letter, value attached to it, how the user wrote it)
        let mut opts: Vec<(char, Option<String>, String)> = Vec::new();
        if a == "--" {
            rest.extend(it.by_ref());
            break;
        } else if let Some(long) = a.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (long, None),
            };
            let exact = LONG.iter().find(|(n, _)| *n == name);
            let matches: Vec<_> = LONG.iter().filter(|(n, _)| !name.is_empty() && n.starts_with(name)).collect();
            let c = match (exact, matches.as_slice()) {
                (Some((_, c)), _) => *c,
                (None, [(_, c)]) => *c,
                (None, []) => return Err(format!("unknown option --{name}")),
                (None, _) => return Err(format!("option --{name} is ambiguous")),
            };
            opts.push((c, inline, format!("--{name}")));
        } else if a.len() > 1 && a.starts_with('-') && !(a.as_bytes()[1].is_ascii_digit() && !rest.is_empty()) {
            let body = &a[1..];
            for (i, c) in body.char_indices() {
                if takes_value(c) {
                    let tail = &body[i + c.len_utf8()..];
                    opts.push((c, (!tail.is_empty()).then(|| tail.to_string()), format!("-{c}")));
                    break;
                }
                opts.push((c, None, format!("-{c}")));
            }
        } else {
            rest.push(a);
            continue;
        }
        for (c, inline, written) in opts {
            let value = if takes_value(c) {
                match inline.or_else(|| it.next()) {
                    Some(v) => Some(v),
                    None => return Err(format!("option {written} needs a value")),
                }
            } else if inline.is_some() {
                return Err(format!("option {written} takes no value"));
            } else {
                None
            };
            match c {
                'e' | 'm' => {
                    let v = value.unwrap_or_default();
                    match errno::parse(&v).or_else(|| message_errno(&v)).or_else(|| crate::decode::netdb::parse_code(&v)) {
                        Some(n) => errnum = Some(n),
                        None => {
                            let hint = errno_suggestion(&v).map(|n| format!(" (did you mean {n}?)")).unwrap_or_default();
                            return Err(format!("{v:?} is not an error number, name or text{hint}"));
                        }
                    }
                }
                'o' => output = value,
                'E' => {}
                'p' => return Ok(Request::Exit(print_table(false))),
                'P' => return Ok(Request::Exit(print_table(true))),
                'V' => {
                    println!("explain (libexplain-rs) {}", env!("CARGO_PKG_VERSION"));
                    return Ok(Request::Exit(0));
                }
                'h' => {
                    let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
                    print!("{USAGE}{}\n", names.join(" "));
                    return Ok(Request::Exit(0));
                }
                _ => return Err(format!("unknown option {written}")),
            }
        }
    }
    Ok(Request::Run { errnum, output, rest })
}

/// The errno name nearest to a misspelt one (`ENOENTT`), by the project's edit distance.
fn errno_suggestion(text: &str) -> Option<&'static str> {
    let t = text.trim().to_ascii_lowercase();
    if !t.starts_with('e') || t.contains(' ') {
        return None;
    }
    super::parse::nearest(&t, errno::TABLE.iter().map(|e| e.name))
}

use super::arguments::{names, plural};

fn run(argv: Vec<String>) -> i32 {
    let (errnum, output, rest) = match read_options(argv) {
        Ok(Request::Run { errnum, output, rest }) => (errnum, output, rest),
        Ok(Request::Exit(status)) => return status,
        Err(e) => return usage_error(&e),
    };
    let Some(func) = rest.first() else {
        return usage_error("no function named");
    };
    let Some(cmd) = find(func) else {
        return usage_error(&format!("unknown function {func:?}"));
    };
    let given = &rest[1..];
    if given.len() > cmd.args.len() && cmd.args.iter().all(|p| p.words.is_none() && p.default != super::parse::REST_OF_LINE) {
        return usage_error(&format!("{} takes at most {} {} ({}), {} given", cmd.name, cmd.args.len(), plural(cmd.args.len()), names(cmd), given.len()));
    }
    // Left-out arguments take their defaults, but a call is not explained from nothing:
    // its first argument must be given unless the call declares a default for it.
    if given.is_empty() && cmd.args.first().is_some_and(|p| !p.declared_default) {
        return usage_error(&format!("{} needs at least its first argument ({})", cmd.name, names(cmd)));
    }
    let parsed = match super::arguments::arguments(cmd, given) {
        Ok(p) => p,
        Err(e) => return usage_error(&e),
    };
    // The command has no errno of its own to explain: the user must say which.
    let Some(errnum) = errnum else {
        return usage_error("please specify an error number (-e) or a message (-m)");
    };
    let mut buf = vec![0u8; 8192];
    (cmd.run)(&mut buf, errnum, &parsed);
    let len = buf.iter().position(|&c| c == 0).unwrap_or(0);
    buf.truncate(len);
    buf.push(b'\n');
    let written = match output {
        Some(path) => std::fs::write(&path, &buf).map_err(|e| format!("{path}: {e}")),
        None => std::io::stdout().write_all(&buf).map_err(|e| e.to_string()),
    };
    match written {
        Ok(()) => 0,
        Err(e) => usage_error(&e),
    }
}

/// An error text embedded in a longer message ("open: No such file or directory"), or
/// a symbolic name in it ("... (2, ENOENT)"). The longest matching text wins, so a text
/// that contains another ("Operation not permitted" / "not permitted") is not mistaken.
fn message_errno(text: &str) -> Option<i32> {
    let by_text = errno::TABLE.iter().filter(|e| !e.text.is_empty() && text.contains(e.text)).max_by_key(|e| e.text.len());
    let by_name = || {
        text.split(|c: char| !(c.is_ascii_alphanumeric()))
            .find_map(|w| errno::TABLE.iter().find(|e| w.starts_with('E') && e.name == w))
    };
    by_text.or_else(by_name).map(|e| e.value as i32)
}

fn print_table(full: bool) -> i32 {
    let mut out = String::new();
    for e in errno::TABLE {
        if full {
            out.push_str(&format!("{:>4} {:<16} {}\n", e.value, e.name, e.text));
        } else {
            out.push_str(&format!("{} {}\n", e.value, e.name));
        }
    }
    print!("{out}");
    0
}
