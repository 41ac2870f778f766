//! One file per call, grouped by family; each family's `calls.in` declares its calls
//! (build.rs turns each line into the six C functions and the command entry).

pub mod fs;
