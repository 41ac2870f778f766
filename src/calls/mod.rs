//! One file per call, grouped by family (`src/calls/<family>/`); each family's `calls.in`
//! declares its calls, and build.rs turns each line into the six C functions, the command
//! entry and the module of the call file, so adding a call edits no other file.

include!(concat!(env!("OUT_DIR"), "/families.rs"));
