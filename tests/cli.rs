//! The explain command's own behaviour: options, usage errors, exit statuses.
mod common;
use common::*;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_explain")).args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn unknown_function_exits_1_naming_it() {
    let o = run(&["-e", "ENOENT", "no_such_call", "x"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown function \"no_such_call\""), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}

#[test]
fn wrong_argument_count_exits_1_listing_the_arguments() {
    let o = run(&["-e", "ENOENT", "open"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("open takes 3 arguments (pathname, flags, mode), 0 given"), "{}", stderr(&o));
    let o = run(&["-e", "ENOENT", "open", "/a", "O_RDONLY", "0", "extra"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("4 given"), "{}", stderr(&o));
}

#[test]
fn unknown_errno_exits_1() {
    let o = run(&["-e", "ENOTANERROR", "open", "/a", "O_RDONLY"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("\"ENOTANERROR\" is not an error number, name or text"), "{}", stderr(&o));
}

#[test]
fn errno_given_as_number_name_or_text_is_the_same() {
    let by_name = explain(&["-e", "ENOENT", "open", "/nonexistent-cli/x", "O_RDONLY"]);
    assert_facts(&by_name, &["(2, ENOENT)"]);
    assert_eq!(explain(&["-e", "2", "open", "/nonexistent-cli/x", "O_RDONLY"]), by_name);
    assert_eq!(explain(&["-e", "No such file or directory", "open", "/nonexistent-cli/x", "O_RDONLY"]), by_name);
    assert_eq!(explain(&["--errno=enoent", "open", "/nonexistent-cli/x", "O_RDONLY"]), by_name);
}

#[test]
fn message_option_finds_the_error_in_a_full_message() {
    let text = explain(&["-m", "open: No such file or directory", "open", "/nonexistent-cli/x", "O_RDONLY"]);
    assert_facts(&text, &["open(pathname = \"/nonexistent-cli/x\"", "(2, ENOENT)"]);
    // "Operation not permitted" must not be read as a shorter text it contains.
    let text = explain(&["-m", "chmod: changing permissions of 'x': Operation not permitted", "open", "/x", "O_RDONLY"]);
    assert_facts(&text, &["(1, EPERM)"]);
    let text = explain(&["-m", "failed (13, EACCES) somewhere", "open", "/x", "O_RDONLY"]);
    assert_facts(&text, &["(13, EACCES)"]);
}

#[test]
fn output_option_writes_the_file_not_stdout() {
    let d = Scratch::new("cli-output");
    let file = d.s("out.txt");
    let o = run(&["-o", &file, "-e", "ENOENT", "open", "/nonexistent-cli/x", "O_RDONLY"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with("open(pathname = \"/nonexistent-cli/x\""), "{written}");
    assert!(written.ends_with('\n') && written.matches('\n').count() == 1, "{written:?}");
    let o = run(&["-o", &d.s("no-dir/out.txt"), "-e", "ENOENT", "open", "/x", "O_RDONLY"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no-dir/out.txt"), "{}", stderr(&o));
}

#[test]
fn explain_exit_status_prints_the_status_last() {
    let o = run(&["-E", "-e", "ENOENT", "open", "/nonexistent-cli/x", "O_RDONLY"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "explain: exit status EXIT_SUCCESS\n");
    assert!(stdout(&o).contains("ENOENT"));
    let o = run(&["--explain-exit-status", "-e", "ENOENT", "no_such_call"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).ends_with("explain: exit status EXIT_FAILURE\n"), "{}", stderr(&o));
    let o = run(&["-e", "ENOENT", "open", "/nonexistent-cli/x", "O_RDONLY"]);
    assert!(!stderr(&o).contains("exit status"), "{}", stderr(&o));
}

#[test]
fn p_and_capital_p_print_the_error_table() {
    let brief = stdout(&run(&["-p"]));
    assert!(brief.lines().any(|l| l == "2 ENOENT"), "{brief}");
    assert!(brief.lines().count() >= 130, "{} lines", brief.lines().count());
    let full = stdout(&run(&["-P"]));
    let line = full.lines().find(|l| l.contains(" ENOENT ")).expect("ENOENT line");
    assert!(line.trim_start().starts_with("2 ") && line.ends_with("No such file or directory"), "{line}");
    assert_eq!(full.lines().count(), brief.lines().count());
}

#[test]
fn version_names_the_implementation_and_version() {
    let o = run(&["-V"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), format!("explain (libexplain-rs) {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_option_exits_1() {
    let o = run(&["--frobnicate", "open", "/x", "O_RDONLY"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("unknown option --frobnicate"), "{}", stderr(&o));
}

#[test]
fn an_error_number_is_required_and_zero_means_success() {
    let out = run(&["open", "/etc/passwd", "O_RDONLY"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("please specify an error number (-e)"));
    let out = run(&["-e", "0", "open", "/etc/passwd", "O_RDONLY"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "open(pathname = \"/etc/passwd\", flags = O_RDONLY): success\n");
}
