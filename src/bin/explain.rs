//! The `explain` command: explains an error after the fact, from the call's arguments.
fn main() {
    // An argument that is not UTF-8 (a path with a byte above 0x7f of another encoding)
    // is refused with a clear message: std::env::args would panic on it, and a lossy
    // conversion would explain a different path than the one given.
    let mut argv = Vec::new();
    for (i, a) in std::env::args_os().enumerate() {
        match a.into_string() {
            Ok(s) => argv.push(s),
            Err(raw) => {
                eprintln!("explain: argument {i} ({}) is not valid UTF-8, which this command cannot take", raw.to_string_lossy().escape_debug());
                std::process::exit(1);
            }
        }
    }
    std::process::exit(explain::cli::main(argv));
}
