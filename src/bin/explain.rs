//! The `explain` command: explains an error after the fact, from the call's arguments.
fn main() {
    std::process::exit(explain::cli::main(std::env::args().collect()));
}
