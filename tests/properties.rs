//! Property tests (issue 14): the `explain` command's parser given any words, every
//! argument parser given any text, every decoder of src/decode/kinds.table given any
//! value and (as the address of a structure) any bytes, and printf's format decoder
//! given any format: each must answer, never panic. The calls are direct, not through
//! the C boundary, whose catch_unwind would hide a panic; a panic hook counts any panic
//! caught anywhere all the same.
use explain::cli::{Parsed, COMMANDS};
use explain::message::Message;
use libc::{c_char, c_int};
use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

mod echoes {
    include!(concat!(env!("OUT_DIR"), "/sweep_echoes.rs"));
}

/// The decoders whose value is never the caller's: a va_list argument reaches its echo as
/// the cursor the generated C entry point made on its own stack (src/abi/format_cursor.h).
const INTERNAL: &[&str] = &["format::write_va_list"];

fn decoders() -> impl Iterator<Item = &'static (&'static str, fn(&mut Message, i64))> {
    echoes::ECHOES.iter().filter(|(name, _)| !INTERNAL.contains(name))
}

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts every panic, even one a catch_unwind later swallows.
fn count_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            default(info);
        }));
    });
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() }
}

/// Words the command knows (its options, call names, errno names, strace notations)
/// and arbitrary text.
fn word() -> impl Strategy<Value = String> {
    let known: Vec<String> = COMMANDS
        .iter()
        .map(|c| c.name.to_string())
        .chain(
            [
                "-e", "-m", "-E", "-p", "-V", "--errno", "--errno=ENOENT", "--message=No such file", "--", "-", "ENOENT", "EBADF",
                "2", "-1", "0", "4096", "2147483648", "-9223372036854775809", "NULL", "O_RDONLY|O_CREAT", "O_WRONLY|0x80000000",
                "0644", "0x7f00", "\"str\"", "\"", "''", "[{tv_sec=0, tv_nsec=UTIME_NOW}, {tv_sec=1}]", "[{", "{ 4 }",
                "SIGKILL", "AT_FDCWD", "-Ee5", "-eEBADF", "%s%n", "\u{1b}[31m", "\n",
            ]
            .iter()
            .map(|s| s.to_string()),
        )
        .collect();
    prop_oneof![proptest::sample::select(known), any::<String>(), "[-A-Za-z0-9_|{}\\[\\]=, \"x%]{0,12}"]
}

/// An argv that cannot ask for `-o FILE` (the command would create that file).
fn argv() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(word(), 0..7).prop_filter("no output file", |words| {
        !words.iter().any(|w| (w.starts_with('-') && !w.starts_with("--") && w.contains('o')) || w.starts_with("--o"))
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_command_explains_or_refuses_any_words(words in argv()) {
        count_panics();
        let before = PANICS.load(Ordering::SeqCst);
        // The explanation goes to /dev/null (-o): the command writes it to descriptor 1
        // itself, which the test harness does not capture.
        let mut argv = vec!["explain".to_string(), "-o".to_string(), "/dev/null".to_string()];
        argv.extend(words);
        let status = explain::cli::main(argv.clone());
        prop_assert!(status == 0 || status == 1, "{argv:?}: status {status}");
        prop_assert_eq!(PANICS.load(Ordering::SeqCst), before, "{:?} panicked", argv);
    }

    #[test]
    fn every_argument_parser_takes_any_text(text in prop_oneof![any::<String>(), word()]) {
        count_panics();
        let before = PANICS.load(Ordering::SeqCst);
        let mut seen = std::collections::BTreeSet::new();
        for p in COMMANDS.iter().flat_map(|c| c.args) {
            if seen.insert(p.parse as usize) {
                let _ = (p.parse)(&text);
            }
        }
        prop_assert_eq!(PANICS.load(Ordering::SeqCst), before, "{:?} panicked a parser", text);
    }

    #[test]
    fn every_decoder_echoes_any_value(value in any::<i64>()) {
        count_panics();
        let before = PANICS.load(Ordering::SeqCst);
        for (name, echo) in decoders() {
            let mut buf = [0u8; 1024];
            let mut m = Message::new(&mut buf);
            echo(&mut m, value);
            prop_assert!(buf.contains(&0), "{}({}): not NUL-terminated", name, value);
        }
        prop_assert_eq!(PANICS.load(Ordering::SeqCst), before, "{} panicked a decoder", value);
    }

    #[test]
    fn every_decoder_reads_any_bytes_as_its_structure(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        count_panics();
        let before = PANICS.load(Ordering::SeqCst);
        // The bytes at the end of a page-aligned copy, then PROT_NONE: a decoder that reads
        // past what it was given crashes rather than reading a neighbour's bytes.
        let (region, at) = at_a_guard(&bytes);
        for (name, echo) in decoders() {
            let mut buf = [0u8; 1024];
            let mut m = Message::new(&mut buf);
            echo(&mut m, at as i64);
            prop_assert!(buf.contains(&0), "{}: not NUL-terminated", name);
        }
        // SAFETY: the two pages at_a_guard mapped.
        unsafe { libc::munmap(region, 8192) };
        prop_assert_eq!(PANICS.load(Ordering::SeqCst), before, "{:?} panicked a decoder", bytes);
    }

    #[test]
    fn the_format_decoder_takes_any_format(pieces in proptest::collection::vec(format_piece(), 0..8), words in proptest::collection::vec(any::<u64>(), 4)) {
        count_panics();
        let before = PANICS.load(Ordering::SeqCst);
        let mut format = pieces.concat().into_bytes();
        format.retain(|&b| b != 0);
        format.push(0);
        let mut buf = [0u8; 4096];
        // SAFETY: a NUL-terminated format; the variadic words are what a buggy caller passes
        // (the library reads through them only after probing).
        unsafe {
            explain_message_errno_snprintf(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, libc::EOVERFLOW,
                std::ptr::null_mut(), 16, format.as_ptr() as *const c_char, words[0], words[1], words[2], words[3]);
        }
        let text = String::from_utf8_lossy(&buf[..buf.iter().position(|&b| b == 0).unwrap()]).into_owned();
        prop_assert!(text.starts_with("snprintf("), "{}", text);
        prop_assert_eq!(PANICS.load(Ordering::SeqCst), before, "{:?} panicked the format decoder", pieces);
    }
}

extern "C" {
    fn explain_message_errno_snprintf(message: *mut c_char, size: c_int, errnum: c_int, data: *mut c_char, data_size: usize, format: *const c_char, ...);
}

/// Conversions, flags, widths and plain text from which formats are made.
fn format_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "%s", "%n", "%d", "%*d", "%.*s", "%lc", "%ls", "%Lf", "%f", "%p", "%%", "%2147483648d", "%1$s", "%99$d", "%hhn",
            "%jd", "%zu", "%'d", "%-+ #0d", "%m", "%", "%l", "%ll", "%q",
        ])
        .prop_map(String::from),
        any::<String>(),
    ]
}

/// A copy of `bytes` ending at the end of a page followed by a PROT_NONE page; returns
/// the mapping and the copy's address.
fn at_a_guard(bytes: &[u8]) -> (*mut libc::c_void, usize) {
    // SAFETY: a fresh anonymous mapping of two pages, the second made inaccessible.
    unsafe {
        let p = libc::mmap(std::ptr::null_mut(), 8192, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_PRIVATE | libc::MAP_ANONYMOUS, -1, 0);
        assert_ne!(p, libc::MAP_FAILED);
        assert_eq!(libc::mprotect((p as *mut u8).add(4096) as *mut _, 4096, libc::PROT_NONE), 0);
        let at = (p as *mut u8).add(4096 - bytes.len());
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), at, bytes.len());
        (p, at as usize)
    }
}

/// The parsers' answers, run through the command's table, are explained without panic:
/// the number 0 for every argument of every call (a NULL, the first descriptor).
#[test]
fn every_call_explains_zeros() {
    count_panics();
    let before = PANICS.load(Ordering::SeqCst);
    for cmd in COMMANDS {
        let args: Vec<Parsed> = cmd.args.iter().map(|_| Parsed::Number(0)).collect();
        let mut buf = vec![0u8; 4096];
        (cmd.run)(&mut buf, libc::EINVAL, &args);
        assert!(buf[0] != 0, "{}: empty", cmd.name);
    }
    assert_eq!(PANICS.load(Ordering::SeqCst), before);
}

/// A word that is not UTF-8 (a path in another encoding) is refused with a message, not
/// a panic of the command (std::env::args panics on it).
#[test]
fn the_command_refuses_an_argument_that_is_not_utf8() {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::OsStr::from_bytes(b"/nonexistent/caf\xe9");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_explain")).args(["-e", "ENOENT", "open"]).arg(path).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("argument 4") && stderr.contains("not valid UTF-8") && !stderr.contains("panicked"), "{stderr}");
}
