//! The call echo side by side with Debian's libexplain 1.4 (issue 10).
//!
//! The corpus is generated, never hand-kept: every call of the tables
//! (src/calls/*/calls.in, so a call added later joins it by itself) × every errno its
//! manual page lists under ERRORS (read now, from the installed pages; a page that lists
//! none takes those of the pages it names, as pread's does read(2)'s), with arguments
//! from src/decode/kinds.samples (values separated by `;`, taken in turn from one errno
//! to the next, so each call's errnos walk through the notations; where Debian's command
//! refuses a notation for a call, the other combinations are tried, and a shorter
//! argument list when it asks for one). Each invocation runs through Debian's
//! `/usr/bin/explain` and ours; the text before `failed,` must be the same after
//! whitespace is collapsed, and so must the `(N, ENAME)`. Addresses that belong to one
//! process (a buffer the command made itself) read `0xADDRESS` on both sides. Where
//! Debian's command crashes on an invocation, the same parsed arguments go to Debian's
//! library, loaded with dlopen, and to ours, in a child process. What still differs is
//! listed in KNOWN with its reason; the totals are printed (`--nocapture`).

use explain::cli::{find, Parsed};
use std::collections::BTreeSet;
use std::ffi::CString;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};

const DEBIAN_EXPLAIN: &str = "/usr/bin/explain";

/// Differences not fixed yet, each with its reason: (call, errno or `*`, why). An
/// invocation listed here may differ; an entry that no longer differs fails the test, so
/// the list only shrinks.
const KNOWN: &[(&str, &str, &str)] = &[
    ("strtoul", "*", "Debian's command fills strtoul's endptr from nptr's number (endptr = 0x0000007B for \"123\"), a bug of its argument parsing"),
    ("strtoull", "*", "Debian's command fills strtoull's endptr from nptr's number, as for strtoul"),
    // creds (issue 12)
    ("endgrent", "*", "Debian's endgrent echo lacks the call's name and opening parenthesis (`) failed, …`), a bug of its library"),
    // Name resolution.
    ("gethostbyname", "*", "Debian reads the errnum as an h_errno value and prints any other number without a name (`unknown <netdb.h> error (22, )`); ours names it as an errno"),
    // processes
    ("execve", "EFAULT", "for EFAULT Debian echoes argv and envp as addresses instead of their strings"),
];
/// Calls neither Debian's command nor ours takes: the printf family (its arguments are
/// C variadic ones; libexplain's explain(1) has no syntax for them). Their echo is checked
/// against Debian's library by tests/format_calls.rs and tests-c/t_format.c.
const NOT_IN_THE_COMMANDS: &[&str] = &[
    "printf", "fprintf", "sprintf", "snprintf", "asprintf", "vprintf", "vfprintf", "vsprintf", "vsnprintf", "vasprintf",
    // Name resolution: Debian's explain(1) has no getaddrinfo;
    // tests/net_term_calls.rs checks its echo.
    "getaddrinfo",
    // sockets: calls beyond libexplain 1.4, which Debian's command lacks.
    "shutdown", "send", "sendto", "sendmsg", "recv", "recvfrom", "recvmsg",
];
/// Calls on which Debian's command and library crash for every argument the command can
/// be given (nothing to compare), with the reason; each must still crash on every
/// invocation, or the entry is stale.
const DEBIAN_ALWAYS_CRASHES: &[(&str, &str)] = &[
    // Terminals.
    ("tcsetattr", "Debian's libexplain reads the struct termios through data unchecked: NULL and any address the command can be given crash it"),
];
const DEBIAN_LIBRARY: &str = "/usr/lib/x86_64-linux-gnu/libexplain.so.51";

/// A call of the tables: its name, manual section and the kind of each argument.
struct TableCall {
    name: String,
    section: String,
    kinds: Vec<String>,
}

/// Each call of the tables (the `NAME(SECTION) | RESULT | TYPE NAME: KIND [= DEFAULT], …`
/// lines of build/table.rs).
fn table_calls() -> Vec<TableCall> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/calls");
    let mut calls = Vec::new();
    let mut families: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path().join("calls.in")).filter(|p| p.is_file()).collect();
    families.sort();
    for table in families {
        for line in std::fs::read_to_string(&table).unwrap().lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('|').map(str::trim).collect();
            // `getc(3) [inline or_die]`: the forms after the bracket are not the name's.
            let head = cols[0].split('[').next().unwrap().trim();
            let (name, section) = head.trim_end_matches(')').split_once('(').unwrap();
            // `@stdin fp`: a stream the call uses without taking it, not a command argument.
            let kinds = cols[2]
                .split(',')
                .filter_map(|a| a.rsplit_once(':'))
                .filter(|(decl, _)| !decl.trim_start().starts_with('@'))
                .map(|(_, k)| k.split('=').next().unwrap().trim().to_string())
                .collect();
            calls.push(TableCall { name: name.into(), section: section.into(), kinds });
        }
    }
    calls
}

/// A manual page as text, wide enough that no entry is wrapped.
fn man(section: &str, name: &str) -> Option<String> {
    let out = Command::new("man").args(["-P", "cat", section, name]).env("MANWIDTH", "250").stderr(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.success() && !text.trim().is_empty()).then_some(text)
}

/// The lines of one top-level section (`ERRORS`, `SEE ALSO`) of a page.
fn section<'a>(page: &'a str, heading: &str) -> Vec<&'a str> {
    let mut lines = page.lines().skip_while(|l| l.trim_end() != heading);
    lines.next();
    lines.take_while(|l| l.is_empty() || l.starts_with(' ')).collect()
}

/// Manual pages named in `lines` as `name(2)` or `name(3)`.
fn references(lines: &[&str]) -> Vec<(String, String)> {
    let mut refs = Vec::new();
    for l in lines {
        for (i, _) in l.match_indices('(') {
            let sec = &l[i + 1..];
            if !(sec.starts_with("2)") || sec.starts_with("3)")) {
                continue;
            }
            let name: String = l[..i].chars().rev().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<Vec<_>>().into_iter().rev().collect();
            if !name.is_empty() {
                refs.push((sec[..1].to_string(), name));
            }
        }
    }
    refs
}

/// The errnos an ERRORS section lists: the names an entry starts with (`EAGAIN or
/// EWOULDBLOCK`, `[EINVAL]` in BSD-style pages).
fn listed_errnos(lines: &[&str]) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for l in lines {
        for word in l.split_whitespace() {
            let w = word.trim_matches(|c| c == '[' || c == ']' || c == ',');
            if w == "or" || w == "and" {
                continue;
            }
            if w.len() > 2 && w.starts_with('E') && w[1..].bytes().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
                if explain::errno::parse(w).is_some() {
                    found.insert(w.to_string());
                }
                continue;
            }
            break;
        }
    }
    found
}

/// The errnos of a call's manual page. A page without an entry of its own (pread:
/// "any error specified for read(2)"; fputs, which names none) takes those of the pages
/// its ERRORS, or else its SEE ALSO, section names. A call without a page of its own
/// (lchmod, utimens, lchownat) takes the page of the call it varies.
fn errnos_of(name: &str, sec: &str) -> (String, BTreeSet<String>) {
    let stripped = name.strip_prefix('l').unwrap_or(name);
    let candidates = [name.to_string(), stripped.to_string(), format!("f{stripped}"), format!("{name}at")];
    let Some((page_name, page)) = candidates.iter().find_map(|n| man(sec, n).map(|p| (n.clone(), p))) else {
        // A library's pages may be missing (libacl's come with libacl1-dev); the call is
        // still compared, on one errno. Without manpages-dev the corpus would be thin:
        // the test says so.
        assert!(man("2", "open").is_some(), "no manual pages: install manpages-dev");
        eprintln!("  {name}({sec}): no manual page here; compared on EINVAL only");
        return (String::new(), ["EINVAL".to_string()].into());
    };
    let errors = section(&page, "ERRORS");
    let mut found = listed_errnos(&errors);
    if found.is_empty() {
        let mut refs = references(&errors);
        if refs.is_empty() {
            refs = references(&section(&page, "SEE ALSO"));
        }
        for (s, n) in refs {
            if let Some(p) = man(&s, &n) {
                found.extend(listed_errnos(&section(&p, "ERRORS")));
            }
        }
    }
    if found.is_empty() {
        // "No errors are defined" (tmpnam): the call still gets an invocation.
        found.insert("EINVAL".into());
    }
    (page_name, found)
}

/// Whitespace runs as one space: Debian's command wraps its lines, ours does not.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The call echo and the `(N, NAME)` of an explanation.
fn split(text: &str) -> Option<(String, String)> {
    let t = collapse(text);
    let at = t.find(" failed, ")?;
    let rest = &t[at..];
    let errno = rest.char_indices().filter(|(_, c)| *c == '(').find_map(|(i, _)| {
        let inner = rest[i + 1..].split(')').next()?;
        let (n, name) = inner.split_once(", ")?;
        (n.bytes().all(|c| c.is_ascii_digit()) && name.starts_with('E')).then(|| format!("({inner})"))
    })?;
    Some((t[..at].to_string(), errno))
}

enum Outcome {
    Said(String),
    /// Refused the invocation (exit status and what it wrote).
    Refused(String),
    Crashed,
}

fn run(program: &str, errno: &str, call: &str, args: &[String]) -> Outcome {
    let out = Command::new(program)
        .args(["-e", errno, "--", call])
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    if out.status.signal().is_some() {
        return Outcome::Crashed;
    }
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() || !text.contains("failed") {
        return Outcome::Refused(collapse(&format!("{} {}", text, String::from_utf8_lossy(&out.stderr))));
    }
    Outcome::Said(text)
}

type LibExplain = unsafe extern "C" fn(*mut libc::c_char, libc::c_int, libc::c_int, usize, usize, usize, usize, usize, usize);

/// Debian's explain_message_errno_NAME, from its library loaded beside ours.
fn debian_function(call: &str) -> Option<LibExplain> {
    static HANDLE: once_cell::sync::Lazy<usize> = once_cell::sync::Lazy::new(|| {
        let lib = CString::new(DEBIAN_LIBRARY).unwrap();
        // SAFETY: loading a shared library; RTLD_DEEPBIND keeps its calls within itself.
        unsafe { libc::dlopen(lib.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL | libc::RTLD_DEEPBIND) as usize }
    });
    if *HANDLE == 0 {
        return None;
    }
    let sym = CString::new(format!("explain_message_errno_{call}")).unwrap();
    // SAFETY: a symbol of the library; every explain_message_errno_* takes the buffer, its
    // size, the errno and up to six integer or pointer arguments, all passed in registers.
    let f = unsafe { libc::dlsym(*HANDLE as *mut libc::c_void, sym.as_ptr()) };
    (!f.is_null()).then(|| unsafe { std::mem::transmute::<*mut libc::c_void, LibExplain>(f) })
}

/// Debian's library and ours on the same parsed arguments, in a child process of this one
/// (so both see the same descriptors), since Debian's library may crash on an argument
/// as its command did. `Ok(None)`: Debian's library crashed too.
fn through_libraries(call: &str, errnum: i32, args: &[String]) -> Result<Option<(String, String)>, String> {
    let cmd = find(call).unwrap();
    let parsed = explain::cli::arguments(cmd, args).map_err(|e| format!("ours refuses {args:?}: {e}"))?;
    let f = debian_function(call).ok_or_else(|| format!("Debian's library lacks explain_message_errno_{call}"))?;
    let mut w = [0usize; 6];
    for (slot, p) in w.iter_mut().zip(&parsed) {
        *slot = match p {
            Parsed::Null => 0,
            p => p.number() as usize,
        };
    }
    let mut theirs = vec![0u8; 4096];
    let mut ours = vec![0u8; 8192];
    let mut fds = [0; 2];
    // SAFETY: a pipe and a child that writes the two messages into it and ends with
    // _exit; it allocates nothing after the fork (the buffers are ready).
    unsafe {
        assert_eq!(libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC), 0);
        let pid = libc::fork();
        if pid == 0 {
            f(theirs.as_mut_ptr() as *mut libc::c_char, theirs.len() as libc::c_int, errnum, w[0], w[1], w[2], w[3], w[4], w[5]);
            (cmd.run)(&mut ours, errnum, &parsed);
            for b in [&theirs, &ours] {
                let n = b.iter().position(|&c| c == 0).unwrap_or(b.len() - 1) + 1;
                libc::write(fds[1], b.as_ptr() as *const libc::c_void, n);
            }
            libc::_exit(0);
        }
        libc::close(fds[1]);
        let mut out = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            let n = libc::read(fds[0], chunk.as_mut_ptr() as *mut libc::c_void, chunk.len());
            if n <= 0 {
                break;
            }
            out.extend_from_slice(&chunk[..n as usize]);
        }
        libc::close(fds[0]);
        let mut status = 0;
        libc::waitpid(pid, &mut status, 0);
        if !libc::WIFEXITED(status) {
            return Ok(None);
        }
        let mut parts = out.split(|&c| c == 0).map(|b| String::from_utf8_lossy(b).into_owned());
        Ok(Some((parts.next().unwrap_or_default(), parts.next().unwrap_or_default())))
    }
}

/// The sample values of each argument kind (src/decode/kinds.samples: `KIND VALUE;VALUE…`).
fn samples() -> std::collections::BTreeMap<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/decode/kinds.samples");
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (k, v) = l.split_once(char::is_whitespace).unwrap_or((l, ""));
            (k.to_string(), v.trim().to_string())
        })
        .collect()
}

/// The arguments of invocation `i` of a call, on its `attempt`th try: each argument's
/// sample `i` (cycling), moved on by the digits of `attempt` in the mixed radix of the
/// arguments' sample counts, so the tries walk through every combination. An empty sample
/// leaves that argument and those after it out; `at_most` cuts the list short (Debian's
/// command takes fewer arguments for some calls than their prototypes have).
fn arguments(call: &TableCall, samples: &std::collections::BTreeMap<String, String>, i: usize, attempt: usize, at_most: usize) -> Vec<String> {
    let choices: Vec<Vec<&str>> = call
        .kinds
        .iter()
        .take(at_most)
        .map(|kind| {
            let sample = samples.get(kind).unwrap_or_else(|| panic!("{}: kind {kind} has no line in src/decode/kinds.samples", call.name));
            sample.split(';').collect()
        })
        .collect();
    // The last argument's digit moves fastest: Debian refuses a notation of one argument
    // at a time, and the later ones have fewer choices.
    let mut picks = vec![0; choices.len()];
    let mut rest = attempt;
    for (pick, c) in picks.iter_mut().zip(&choices).rev() {
        *pick = (i + rest) % c.len();
        rest /= c.len();
    }
    let mut args = Vec::new();
    for (c, pick) in choices.iter().zip(picks) {
        if c[pick].is_empty() {
            break;
        }
        // `^` separates the words of a sample written as several (readv's pairs, two times).
        args.extend(c[pick].split('^').map(String::from));
    }
    args
}

/// How many arguments Debian's command says the call takes, when it refuses a count
/// (`realpath: requires 1 argument, not 2`, `fcntl: need 2 arguments (not 3)`).
fn wanted_count(refusal: &str) -> Option<usize> {
    let words: Vec<&str> = refusal.split_whitespace().collect();
    words.windows(3).find_map(|w| {
        (matches!(w[0], "requires" | "need") && w[2].starts_with("argument")).then(|| w[1].parse().ok()).flatten()
    })
}

/// Addresses that belong to one process (a buffer on its stack or heap, the address of
/// an argument string): what either command prints there is its own, so both read
/// `0xADDRESS`. The samples' own addresses (0x00001000) are short and stay.
fn mask_addresses(echo: &str) -> String {
    let mut out = String::new();
    let mut rest = echo;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        let digits = rest[at + 2..].bytes().take_while(|c| c.is_ascii_hexdigit()).count();
        out.push_str(if digits > 8 { "0xADDRESS" } else { &rest[at..at + 2 + digits] });
        rest = &rest[at + 2 + digits..];
    }
    out.push_str(rest);
    out
}

#[test]
fn call_echo_and_errno_are_debians() {
    assert!(Path::new(DEBIAN_EXPLAIN).exists(), "{DEBIAN_EXPLAIN} is missing: install Debian's explain package");
    let ours = env!("CARGO_BIN_EXE_explain");
    let (mut compared, mut by_library, mut invocations) = (0, 0, 0);
    let mut failures = Vec::new();
    // Invocations on which Debian's command and library both crash (a wild pointer
    // they read): nothing to compare; each call must still be compared on others.
    let mut crashes = Vec::new();
    let mut compared_calls = BTreeSet::new();
    let calls = table_calls();
    let samples = samples();
    for tc in calls.iter().filter(|c| !NOT_IN_THE_COMMANDS.contains(&c.name.as_str())) {
        let call = tc.name.as_str();
        assert!(find(call).is_some(), "{call}: in the tables but not in the command");
        let (_, errnos) = errnos_of(call, &tc.section);
        for (i, errno) in errnos.iter().enumerate() {
            invocations += 1;
            // Debian's command refuses some notations for some calls (a stream by name
            // for fgetc, NULL for fread's buffer): the next samples are tried in turn.
            let tries = 96;
            let (mut attempt, mut at_most) = (0, usize::MAX);
            let (args, debian) = loop {
                let args = arguments(tc, &samples, i, attempt, at_most);
                match run(DEBIAN_EXPLAIN, errno, call, &args) {
                    Outcome::Refused(why) if wanted_count(&why).is_some_and(|n| n < args.len() && at_most == usize::MAX) => {
                        at_most = wanted_count(&why).unwrap();
                    }
                    Outcome::Refused(_) if attempt + 1 < tries => attempt += 1,
                    outcome => break (args, outcome),
                }
            };
            let line = format!("explain -e {errno} -- {call} {}", args.join(" "));
            let errnum = explain::errno::parse(errno).unwrap();
            let (theirs, mine) = match debian {
                Outcome::Said(t) => match run(ours, errno, call, &args) {
                    Outcome::Said(o) => (t, o),
                    Outcome::Refused(why) => {
                        failures.push((call.to_string(), errno.to_string(), format!("{line}\n  ours refuses: {why}")));
                        continue;
                    }
                    Outcome::Crashed => {
                        failures.push((call.to_string(), errno.to_string(), format!("{line}\n  ours crashed")));
                        continue;
                    }
                },
                Outcome::Refused(why) => {
                    failures.push((call.to_string(), errno.to_string(), format!("{line}\n  Debian's command refuses it (change the SAMPLE): {why}")));
                    continue;
                }
                Outcome::Crashed => match through_libraries(call, errnum, &args) {
                    Ok(Some(pair)) => {
                        by_library += 1;
                        pair
                    }
                    Ok(None) => {
                        crashes.push(line);
                        continue;
                    }
                    Err(why) => {
                        failures.push((call.to_string(), errno.to_string(), format!("{line}\n  Debian's command crashed; {why}")));
                        continue;
                    }
                },
            };
            compared += 1;
            compared_calls.insert(call.to_string());
            match (split(&theirs), split(&mine)) {
                (Some(t), Some(o)) if (mask_addresses(&t.0), &t.1) == (mask_addresses(&o.0), &o.1) => {}
                (Some(t), Some(o)) => failures.push((call.to_string(), errno.to_string(), format!("{line}\n  Debian: {} {}\n  ours:   {} {}", t.0, t.1, o.0, o.1))),
                (t, o) => failures.push((call.to_string(), errno.to_string(), format!("{line}\n  no echo: Debian {:?}, ours {:?}", t.is_some(), o.is_some()))),
            }
        }
    }
    let mut known_seen = BTreeSet::new();
    failures.retain(|(call, errno, _)| match KNOWN.iter().position(|(c, e, _)| c == call && (*e == "*" || e == errno)) {
        Some(k) => {
            known_seen.insert(k);
            false
        }
        None => true,
    });
    let stale: Vec<String> = KNOWN.iter().enumerate().filter(|(k, _)| !known_seen.contains(k)).map(|(_, (c, e, _))| format!("{c} {e}")).collect();
    eprintln!(
        "differential: {} calls, {invocations} invocations, {compared} compared ({by_library} through the libraries), \
         {} on which Debian crashes, {} other differences; {} KNOWN entries",
        calls.len(),
        crashes.len(),
        failures.len(),
        KNOWN.len()
    );
    for line in &crashes {
        eprintln!("  Debian crashes on: {line}");
    }
    let failures: Vec<&str> = failures.iter().map(|(_, _, f)| f.as_str()).collect();
    assert!(failures.is_empty(), "{} of {invocations} invocations differ from Debian's libexplain:\n{}", failures.len(), failures.join("\n"));
    // A call is compared on some invocation, or listed whole in KNOWN with its reason.
    let never: Vec<&str> = calls
        .iter()
        .map(|c| c.name.as_str())
        .filter(|c| !compared_calls.contains(*c) && !NOT_IN_THE_COMMANDS.contains(c) && !KNOWN.iter().any(|(k, e, _)| k == c && *e == "*"))
        .filter(|c| !DEBIAN_ALWAYS_CRASHES.iter().any(|(k, _)| k == c))
        .collect();
    assert!(never.is_empty(), "calls never compared (choose SAMPLEs Debian takes): {never:?}");
    // Each call listed as one Debian always crashes on still makes it crash, uncompared.
    let recovered: Vec<&str> = DEBIAN_ALWAYS_CRASHES
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| compared_calls.contains(*c) || !crashes.iter().any(|l| l.contains(&format!(" -- {c} "))))
        .collect();
    assert!(recovered.is_empty(), "DEBIAN_ALWAYS_CRASHES entries that Debian now explains or that never ran (remove them): {recovered:?}");
    assert!(stale.is_empty(), "KNOWN differences that are gone (remove them): {stale:?}");
}

// --- dates in the local zone ---

/// The command reads a date text as a wall-clock time in the local zone at the offset in
/// force now (as Debian's does, through mktime), for the utime calls' pairs and the time
/// family's timeval and time_t alike: under zones west and east of Greenwich, and one
/// in daylight saving time in December, each echo is Debian's. Only texts that name the
/// day and the time of day, so that nothing depends on when the test runs.
#[test]
fn dates_are_read_in_the_local_zone_as_debians() {
    let ours = env!("CARGO_BIN_EXE_explain");
    let invocations: &[&[&str]] = &[
        &["futimens", "3", "2020-01-01 12:00", "UTIME_OMIT"],
        &["futimens", "3", "Wed, 2020-Jan-01 12:00:00 +0000", "2020-07-01T12:00:30"],
        &["lutimes", "/tmp", "Jan 1 2020 12:00", "2020-07-01 12:00"],
        &["settimeofday", "2020-01-01 12:00"],
        &["settimeofday", "January 1, 2020 12:00"],
        &["stime", "2020-07-01 12:00"],
        &["stime", "2020-01-01 12:00 UTC"],
    ];
    let echo = |program: &str, zone: &str, args: &[&str]| {
        let out = Command::new(program).env("TZ", zone).args(["-e", "EPERM", "--"]).args(args).stdin(Stdio::null()).output().unwrap();
        split(&String::from_utf8_lossy(&out.stdout)).map(|(echo, _)| echo)
    };
    let mut differ = Vec::new();
    for zone in ["America/New_York", "Asia/Kolkata", "Australia/Sydney"] {
        for args in invocations {
            let theirs = echo(DEBIAN_EXPLAIN, zone, args);
            assert!(theirs.is_some(), "Debian's command refuses TZ={zone} explain -e EPERM {args:?}");
            let mine = echo(ours, zone, args);
            if mine != theirs {
                differ.push(format!("TZ={zone} explain -e EPERM {args:?}\n  Debian: {theirs:?}\n  ours:   {mine:?}"));
            }
        }
    }
    assert!(differ.is_empty(), "dates read in another zone than Debian's:\n{}", differ.join("\n"));
}

/// ioctl with its data left out, as libexplain's users type it (`explain -e ENOTTY ioctl 0
/// TCSETS`): both commands pass a zeroed buffer of their own, so a request the kernel
/// reads from is echoed with the structure's fields, one it fills by the buffer's
/// address, an integer argument by the address as a number. Requests of the families
/// decoded here, and where libexplain's echo of them has quirks, those.
#[test]
fn ioctl_with_its_data_left_out_is_echoed_as_debians() {
    let ours = env!("CARGO_BIN_EXE_explain");
    let requests = [
        "TCGETS", "TCSETS", "TCSETSW", "TCGETA", "TCSETA", "TCSETAF", "TIOCGWINSZ", "TIOCSWINSZ", "TIOCSETD", "TIOCEXCL", "TIOCSPGRP",
        "FIONBIO", "FIONREAD", "FIBMAP", "BLKGETSIZE64", "BLKROSET", "SIOCGIFFLAGS", "SIOCSIFFLAGS", "SIOCSIFADDR", "SIOCSIFHWADDR",
        "SIOCADDMULTI", "SIOCSIFMTU", "SIOCSIFMAP", "SIOCBONDENSLAVE", "SIOCBONDINFOQUERY", "SIOCETHTOOL", "SIOCBRADDIF", "SIOCSHWTSTAMP",
        "SIOCSIFPFLAGS", "SIOCSIFMEM", "SIOCGIFNAME", "TCSETS2", "TCGETS2", "BLKSECTSET", "SIOCSIFENCAP", "TIOCSSOFTCAR",
    ];
    // An integer argument is the buffer's address as a decimal number: its own per process.
    let mask = |echo: &str| {
        let e = mask_addresses(echo);
        match e.split_once("intptr_t data = ") {
            Some((head, tail)) if tail.starts_with(|c: char| c.is_ascii_digit() || c == '-') => {
                format!("{head}intptr_t data = NUMBER{}", tail.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-'))
            }
            _ => e,
        }
    };
    let mut differ = Vec::new();
    for r in requests {
        let args = ["0".to_string(), r.to_string()];
        let (Outcome::Said(theirs), Outcome::Said(mine)) = (run(DEBIAN_EXPLAIN, "ENOTTY", "ioctl", &args), run(ours, "ENOTTY", "ioctl", &args)) else {
            differ.push(format!("{r}: one command refused or crashed"));
            continue;
        };
        let (theirs, mine) = (split(&theirs).unwrap().0, split(&mine).unwrap().0);
        if mask(&theirs) != mask(&mine) {
            differ.push(format!("{r}:\n  Debian: {theirs}\n  ours:   {mine}"));
        }
    }
    assert!(differ.is_empty(), "{} of {} differ:\n{}", differ.len(), requests.len(), differ.join("\n"));
}
