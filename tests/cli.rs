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
fn too_many_or_no_arguments_exit_1_listing_the_arguments() {
    let o = run(&["-e", "ENOENT", "open"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("open needs at least its first argument (pathname, flags, mode)"), "{}", stderr(&o));
    let o = run(&["-e", "ENOENT", "open", "/a", "O_RDONLY", "0", "extra"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("open takes at most 3 arguments (pathname, flags, mode), 4 given"), "{}", stderr(&o));
}

#[test]
fn left_out_arguments_take_libexplains_defaults() {
    let first = |args: &[&str]| explain(args).split(" failed,").next().unwrap().to_string();
    assert_eq!(first(&["-e", "ENOENT", "access", "pathname"]), "access(pathname = \"pathname\", mode = F_OK)");
    assert_eq!(first(&["-e", "EFAULT", "chmod", "foobar"]), "chmod(pathname = \"foobar\", mode = 0644)");
    assert_eq!(first(&["-e", "EROFS", "mkdir", "dir"]), "mkdir(pathname = \"dir\", mode = 0777)");
    assert_eq!(first(&["-e", "EBADF", "read", "42"]), "read(fildes = 42, data = NULL, data_size = 0)");
    assert_eq!(first(&["-e", "EBADF", "lseek", "42"]), "lseek(fildes = 42, offset = 0, whence = SEEK_SET)");
    assert_eq!(first(&["-e", "EPERM", "fchown", "42"]), "fchown(fildes = 42, owner = -1, group = -1)");
    assert!(first(&["-e", "ENOENT", "open", "x", "O_WRONLY+O_CREAT"]).ends_with(", mode = 0666)"));
    // A structure the user left out is a zeroed one of the command's own: a struct flock
    // of F_RDLCK over the whole file, as libexplain's explain gives.
    assert!(first(&["-e", "EBADF", "fcntl", "42", "F_SETLK"]).contains("F_RDLCK"));
    let getcwd = first(&["-e", "ERANGE", "getcwd"]);
    assert!(getcwd.starts_with("getcwd(data = 0x") && getcwd.ends_with(", data_size = 4097)"), "{getcwd}");
}

#[test]
fn getopt_forms_attached_grouped_and_long_are_all_read() {
    let by_name = explain(&["-e", "EBADF", "read", "42"]);
    assert_facts(&by_name, &["(9, EBADF)"]);
    assert_eq!(explain(&["-eEBADF", "read", "42"]), by_name);
    assert_eq!(explain(&["-e9", "read", "42"]), by_name);
    assert_eq!(explain(&["--errno=EBADF", "read", "42"]), by_name);
    assert_eq!(explain(&["--errno", "EBADF", "read", "42"]), by_name);
    assert_eq!(explain(&["--err=EBADF", "read", "42"]), by_name);
    assert_eq!(explain(&["-m", "read: Bad file descriptor", "read", "42"]), by_name);
    assert_eq!(explain(&["-mBad file descriptor", "read", "42"]), by_name);
    // -E grouped with -e and its value.
    let o = run(&["-EeEBADF", "read", "42"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), by_name);
    assert_eq!(stderr(&o), "explain: exit status EXIT_SUCCESS\n");
    // After the function's name a negative number is an argument, not an option.
    assert_facts(&explain(&["-e", "EPERM", "fchown", "42", "-1", "0"]), &["owner = -1", "group = 0"]);
}

#[test]
fn flag_and_mode_expressions_are_written_as_people_write_them() {
    let first = |args: &[&str]| explain(args).split(" failed,").next().unwrap().to_string();
    let want = first(&["-e", "ENOENT", "open", "/nonexistent-cli/x", "O_WRONLY|O_CREAT|O_TRUNC", "0644"]);
    assert!(want.contains("O_WRONLY") && want.contains("O_CREAT") && want.contains("O_TRUNC"), "{want}");
    for flags in ["O_WRONLY+O_CREAT+O_TRUNC", "O_WRONLY | O_CREAT | O_TRUNC", "O_CREAT|O_TRUNC|1", "0x241", "01101"] {
        assert_eq!(first(&["-e", "ENOENT", "open", "/nonexistent-cli/x", flags, "S_IRUSR|0644"]), want, "{flags}");
    }
    assert_eq!(first(&["-e", "ENOENT", "open", "/nonexistent-cli/x", "577", "420"]), want);
    assert_facts(&first(&["-e", "EBADF", "lseek", "42", "0x10", "SEEK_END"]), &["offset = 16, whence = SEEK_END"]);
    assert_facts(&first(&["-e", "EBADF", "fcntl", "42", "F_SETFL", "O_NONBLOCK"]), &["command = F_SETFL", "O_NONBLOCK"]);
    assert_facts(&first(&["-e", "EINVAL", "pathconf", "/", "_PC_NAME_MAX"]), &["name = _PC_NAME_MAX"]);
    assert_facts(&first(&["-e", "EFAULT", "stat", "/", "NULL"]), &["data = NULL"]);
}

#[test]
fn a_misspelt_symbol_is_refused_naming_the_argument_and_the_nearest_name() {
    let o = run(&["-e", "ENOENT", "open", "/x", "O_WRONLY|O_CREATE"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("open argument 2 (flags) = \"O_WRONLY|O_CREATE\": unknown name \"O_CREATE\" (did you mean O_CREAT?)"), "{}", stderr(&o));
    let o = run(&["-e", "EBADF", "fcntl", "3", "F_SETLKK"]);
    assert!(stderr(&o).contains("(did you mean F_SETLK?)"), "{}", stderr(&o));
    let o = run(&["-e", "EBADF", "read", "forty-two"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("read argument 1 (fildes) = \"forty-two\": expected a number"), "{}", stderr(&o));
    let o = run(&["-e", "ENOENTT", "read", "42"]);
    assert!(stderr(&o).contains("(did you mean ENOENT?)"), "{}", stderr(&o));
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

/// libexplain's explain takes a stream by its name and a string as written: `stdout` is
/// the command's own standard output, and `NULL` a path of four letters.
#[test]
fn streams_by_name_and_strings_as_written() {
    let first = |args: &[&str]| explain(args).split(" failed,").next().unwrap().to_string();
    let t = first(&["-e", "EBADF", "fputs", "hello", "stdout"]);
    assert!(t.starts_with("fputs(s = \"hello\", fp = stdout"), "{t}");
    let t = first(&["-e", "ENOENT", "open", "NULL"]);
    assert!(t.starts_with("open(pathname = \"NULL\", flags = O_RDONLY)"), "{t}");
}
