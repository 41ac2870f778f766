//! libexplain in Rust: explains why a system or library call failed.
//!
//! Data flows one way: a C entry point (`abi`, generated per call from
//! `calls/*/calls.in`) → the call's file in `calls/` (decodes arguments, asks `probe/`)
//! → `message/` (writes the three parts into the caller's buffer) → back.
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(clippy::missing_safety_doc)]

pub mod abi;
pub mod calls;
pub mod cli;
pub mod decode;
pub mod errno;
pub mod message;
pub mod perform;
pub mod probe;
pub mod sys;
