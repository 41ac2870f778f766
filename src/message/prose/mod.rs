//! All wording lives here: each function turns facts from `probe/` into a phrase.
//! Call files choose which facts to state; they never write sentences themselves.

pub mod access;
pub mod device;
pub mod acl;
pub mod dirent;
pub mod dirstream;
pub mod fd;
pub mod fdio;
pub mod fs;
pub mod generic;
pub mod ids;
pub mod io;
pub mod limits;
pub mod location;
pub mod locks;
pub mod ownership;
pub mod lookup;
pub mod names;
pub mod mount;
pub mod path;
pub mod postmortem;
pub mod times;

// Memory, conversions, environment and character sets.
pub mod memory;
// stdio (issue 11).
pub mod stream;
// popen and pclose: the shell, fork limits, child statuses.
pub mod process;
// Stream positions and character I/O.
pub mod position;
// The environment and character sets (issue 11, environ).
pub mod charset;
pub mod environ;
// Formatted output and the string conversions.
pub mod format;
pub mod convert;
// Credentials and host names.
pub mod credentials;
pub mod host;
pub mod usage;
// --- name resolution, terminals and ioctl.
pub mod netdb;
pub mod term;
// Clocks, sleeping, event descriptors and waiting for descriptors.
pub mod clock;
// Sockets: addresses and their holders; descriptors, peers, options.
pub mod sockaddr;
pub mod socket;
// Processes, signals and waiting.
pub mod programs;
pub mod signals;
pub mod waiting;
// Sockets in depth: routes and interfaces.
pub mod routes;
