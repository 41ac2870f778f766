//! The `explain` command's table of calls, generated from the call tables, and the
//! parsing of arguments written the way strace prints them.

mod arguments;
mod main;
pub mod parse;
mod when;

pub use arguments::arguments;

pub use main::main;

pub use parse::Parsed;
use libc::{c_char, c_int};

/// One call the command can explain.
pub struct Command {
    pub name: &'static str,
    pub args: &'static [Param],
    pub run: fn(&mut [u8], i32, &[Parsed]),
}

/// One argument: its name, what a left-out one is (declared by its call, else its
/// kind's) and how to parse it. (The differential test's sample values of each kind are
/// in src/decode/kinds.samples.)
pub struct Param {
    pub name: &'static str,
    pub declared_default: bool,
    pub default: &'static str,
    pub parse: fn(&str) -> Result<Parsed, String>,
    /// For the kinds written as several words (readv's pairs, two times): parses the
    /// words that are left and says how many it took.
    pub words: Option<fn(&[&str]) -> Result<(Parsed, usize), String>>,
}

include!(concat!(env!("OUT_DIR"), "/commands.rs"));

pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}
