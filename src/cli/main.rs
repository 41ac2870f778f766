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
        .any(|a| a == "-E" || a == "--explain-exit-status");
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

fn run(argv: Vec<String>) -> i32 {
    let mut errnum: Option<i32> = None;
    let mut output: Option<String> = None;
    let mut rest = Vec::new();
    let mut it = argv.into_iter().skip(1);
    while let Some(a) = it.next() {
        let (opt, inline) = match a.split_once('=') {
            Some((o, v)) if o.starts_with("--") => (o.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        let mut value = |name: &str| inline.clone().or_else(|| it.next()).ok_or_else(|| format!("option {name} needs a value"));
        match opt.as_str() {
            "-e" | "--errno" | "-m" | "--message" => {
                let v = match value(&opt) {
                    Ok(v) => v,
                    Err(e) => return usage_error(&e),
                };
                match errno::parse(&v).or_else(|| message_errno(&v)) {
                    Some(n) => errnum = Some(n),
                    None => return usage_error(&format!("{v:?} is not an error number, name or text")),
                }
            }
            "-o" | "--output" => match value(&opt) {
                Ok(v) => output = Some(v),
                Err(e) => return usage_error(&e),
            },
            "-E" | "--explain-exit-status" => {}
            "-p" => return print_table(false),
            "-P" => return print_table(true),
            "-V" | "--version" => {
                println!("explain (libexplain-rs) {}", env!("CARGO_PKG_VERSION"));
                return 0;
            }
            "--help" | "-h" => {
                let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
                print!("{USAGE}{}\n", names.join(" "));
                return 0;
            }
            "--" => {
                rest.extend(it.by_ref());
            }
            o if o.starts_with('-') && rest.is_empty() && o.len() > 1 && !o[1..].starts_with(|c: char| c.is_ascii_digit()) => {
                return usage_error(&format!("unknown option {o}"));
            }
            _ => rest.push(a),
        }
    }
    let Some(func) = rest.first() else {
        return usage_error("no function named");
    };
    let Some(cmd) = find(func) else {
        return usage_error(&format!("unknown function {func:?}"));
    };
    let given = &rest[1..];
    let required = cmd.args.iter().rposition(|p| !p.optional).map_or(0, |i| i + 1);
    if given.len() < required || given.len() > cmd.args.len() {
        let names: Vec<&str> = cmd.args.iter().map(|p| p.name).collect();
        return usage_error(&format!("{} takes {} arguments ({}), {} given", cmd.name, cmd.args.len(), names.join(", "), given.len()));
    }
    let mut parsed = Vec::new();
    for (i, param) in cmd.args.iter().enumerate() {
        let text = given.get(i).map(String::as_str).unwrap_or("0");
        match (param.parse)(text) {
            Ok(p) => parsed.push(p),
            Err(what) => return usage_error(&format!("{} argument {} = {text:?}: expected {what}", cmd.name, param.name)),
        }
    }
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
