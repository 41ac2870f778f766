//! libexplain in Rust: explains why a system or library call failed.
//!
//! Data flows one way: a C entry point (`abi`, generated per call from
//! `calls/*/calls.in`) → the call's file in `calls/` (decodes arguments, asks `probe/`)
//! → `message/` (writes the three parts into the caller's buffer) → back.
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(clippy::missing_safety_doc)]

/// The C boundary: generated entry points, buffers, panic guard, output routing.
pub mod abi;
/// One file per call, by family; each family's calls.in declares its calls.
pub mod calls;
/// The explain command: its generated table of calls and the strace-notation parsers.
pub mod cli;
/// Arguments: safe string copies, flag tables, and the echo of each argument kind.
pub mod decode;
/// Error numbers: names, texts, parsing.
pub mod errno;
/// The message writer and all wording (`message::prose`).
pub mod message;
/// How _or_die/_on_error perform the calls libc does not declare under their name.
pub mod perform;
/// Questions asked of the running system; facts, no prose.
pub mod probe;
/// The library's own way to the kernel: raw system calls.
pub mod sys;
