//! The `explain` command's table of calls, generated from the call tables, and the
//! parsing of arguments written the way strace prints them.

mod main;
mod parse;

pub use main::main;

pub use parse::{parse_arg, Parsed};
use libc::{c_char, c_int};

/// One call the command can explain.
pub struct Command {
    pub name: &'static str,
    /// (argument name, kind) in order.
    pub args: &'static [(&'static str, &'static str)],
    pub run: fn(&mut [u8], i32, &[Parsed]),
}

include!(concat!(env!("OUT_DIR"), "/commands.rs"));

pub fn find(name: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == name)
}
