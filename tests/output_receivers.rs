//! The syslog and journal outputs checked against real receivers: the test runs itself
//! again in a private mount namespace with tmpfs on /dev and /run (nothing on the host
//! changes), binds datagram sockets at /dev/log and /run/systemd/journal/socket, prints
//! through the library and reports what arrived.

use explain::abi::{context, output, program_name, syslog, journal};
use std::ffi::CString;
use std::os::unix::net::UnixDatagram;
use std::process::Command;

const MISSING: &str = "/nonexistent-receiver-test/map.conf";

fn receive_all(sock: &UnixDatagram) -> Vec<Vec<u8>> {
    sock.set_read_timeout(Some(std::time::Duration::from_millis(300))).unwrap();
    let mut got = Vec::new();
    let mut buf = vec![0u8; 65536];
    while let Ok(n) = sock.recv(&mut buf) {
        got.push(buf[..n].to_vec());
    }
    got
}

fn open_missing() {
    let p = CString::new(MISSING).unwrap();
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { explain::abi::boundary::explain_open_on_error(p.as_ptr(), libc::O_RDONLY, 0) };
    assert_eq!(fd, -1);
}

/// In the namespace: prints through each output and writes what arrived on stdout, one
/// record per line after a marker (the test harness writes on the same stdout), escaped.
fn inside() {
    std::fs::create_dir_all("/run/systemd/journal").unwrap();
    let log = UnixDatagram::bind("/dev/log").unwrap();
    let journal_sock = UnixDatagram::bind("/run/systemd/journal/socket").unwrap();
    let name = CString::new("mydaemon").unwrap();
    // SAFETY: NUL-terminated strings; outputs from the library's constructors.
    unsafe {
        program_name::explain_program_name_set(name.as_ptr());
        output::explain_output_register(syslog::explain_output_syslog_new3(libc::LOG_PID, libc::LOG_LOCAL3, libc::LOG_WARNING));
    }
    open_missing();
    let hello = CString::new("plain message").unwrap();
    let long = CString::new("x".repeat(4000)).unwrap();
    // SAFETY: NUL-terminated strings.
    unsafe {
        output::explain_output_message(hello.as_ptr());
        output::explain_output_message(long.as_ptr());
    }
    for r in receive_all(&log) {
        println!("\n@@syslog {}", String::from_utf8_lossy(&r).escape_debug());
    }
    let label = CString::new("reload configuration").unwrap();
    let label2 = CString::new("load map").unwrap();
    // SAFETY: as above.
    unsafe {
        output::explain_output_register(journal::explain_output_journal_new());
        context::explain_context_push(label.as_ptr());
        context::explain_context_push(label2.as_ptr());
    }
    open_missing();
    context::explain_context_pop();
    context::explain_context_pop();
    for r in receive_all(&journal_sock) {
        println!("\n@@journal {}", String::from_utf8_lossy(&r).escape_debug());
    }
}

#[test]
fn syslog_and_journal_receivers_get_one_whole_record_per_message_with_their_fields() {
    if std::env::var_os("EXPLAIN_TEST_RECEIVERS").is_some() {
        return inside();
    }
    let me = std::env::current_exe().unwrap();
    let out = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c"])
        .arg("mount -t tmpfs tmpfs /dev && mount -t tmpfs tmpfs /run && exec \"$0\" --exact \"$1\" --nocapture --test-threads=1")
        .arg(&me)
        .arg("syslog_and_journal_receivers_get_one_whole_record_per_message_with_their_fields")
        .env("EXPLAIN_TEST_RECEIVERS", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    let syslog: Vec<&str> = stdout.lines().filter_map(|l| l.split_once("@@syslog ").map(|(_, r)| r)).collect();
    let journal: Vec<&str> = stdout.lines().filter_map(|l| l.split_once("@@journal ").map(|(_, r)| r)).collect();
    assert_eq!(syslog.len(), 3, "one record per message: {:?} {stderr}", syslog.iter().map(|r| &r[..r.len().min(200)]).collect::<Vec<_>>());
    // <PRI> is LOG_LOCAL3 | LOG_WARNING = 19 * 8 + 4 = 156; the identifier is the name
    // the program set, with its pid; the text has no second program name.
    let pid_tag = regex_free_pid_tag(syslog[0]);
    assert!(syslog[0].starts_with("<156>"), "{}", syslog[0]);
    assert!(pid_tag.starts_with("mydaemon[") && syslog[0].contains("]: open(pathname = \\\"/nonexistent-receiver-test/map.conf\\\""), "{}", syslog[0]);
    assert!(syslog[1].ends_with("]: plain message"), "{}", syslog[1]);
    assert!(syslog[2].ends_with(&format!("]: {}", "x".repeat(4000))), "a 4 KiB message arrives whole");
    assert!(!stderr.contains("open(pathname"), "nothing on stderr: {stderr}");
    assert_eq!(journal.len(), 1, "{journal:?}");
    let j = journal[0];
    for field in [
        "MESSAGE=reload configuration: load map: open(pathname = \\\"/nonexistent-receiver-test/map.conf\\\"",
        "\\nPRIORITY=3\\n",
        "\\nSYSLOG_IDENTIFIER=mydaemon\\n",
        "\\nSYSLOG_PID=",
        &format!("\\nERRNO={}\\n", libc::ENOENT),
        "\\nEXPLAIN_CALL=open\\n",
        "\\nEXPLAIN_ERRNO_NAME=ENOENT\\n",
        "\\nEXPLAIN_CONTEXT=reload configuration: load map\\n",
    ] {
        assert!(j.contains(field), "{field} in {j}");
    }
    assert!(!j.contains("mydaemon: "), "no program name in the journal's MESSAGE: {j}");
}

/// The "NAME[PID]" after the timestamp of an RFC 3164 record.
fn regex_free_pid_tag(record: &str) -> &str {
    // "<PRI>Mmm dd hh:mm:ss TAG: ..." : the tag starts after the 15-byte time and a space.
    let after = &record[record.find('>').unwrap() + 1..];
    &after[16..]
}

// --- Escaping through every output: a path that tries to forge
// a second log line and recolour a terminal arrives escaped, in one record.

/// A newline with a forged record after it, a carriage return, an ANSI colour sequence
/// the same as the one-character CSI (U+009B, valid UTF-8) and two bytes above 0x7f that
/// are not UTF-8.
const FORGING: &[u8] = b"/nonexistent-esc/a\nFORGED: b\r\x1b[31mred\xc2\x9b32m\xff\xe9";

fn open_forging() {
    let p = CString::new(FORGING).unwrap();
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { explain::abi::boundary::explain_open_on_error(p.as_ptr(), libc::O_RDONLY, 0) };
    assert_eq!(fd, -1);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len() / 2).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap()).collect()
}

/// In the namespace: the forging path explained through syslog, the journal and stderr;
/// each record reported in hex (stderr's between markers written straight to fd 2).
fn inside_escaping() {
    std::fs::create_dir_all("/run/systemd/journal").unwrap();
    let log = UnixDatagram::bind("/dev/log").unwrap();
    let journal_sock = UnixDatagram::bind("/run/systemd/journal/socket").unwrap();
    // The program's name and a context label forge too.
    let name = CString::new(b"name\nFORGED\x1b[31m\xc2\x9b32m\xff".to_vec()).unwrap();
    let label = CString::new(b"label\nFORGED: \r\x1b[31m\xe9".to_vec()).unwrap();
    // SAFETY: NUL-terminated strings; outputs from the library's constructors.
    unsafe {
        program_name::explain_program_name_set(name.as_ptr());
        context::explain_context_push(label.as_ptr());
        output::explain_output_register(syslog::explain_output_syslog_new3(libc::LOG_PID, libc::LOG_LOCAL3, libc::LOG_WARNING));
    }
    open_forging();
    for r in receive_all(&log) {
        println!("\n@@esc-syslog {}", hex(&r));
    }
    // SAFETY: as above.
    unsafe { output::explain_output_register(journal::explain_output_journal_new()) };
    open_forging();
    for r in receive_all(&journal_sock) {
        println!("\n@@esc-journal {}", hex(&r));
    }
    // SAFETY: NULL restores stderr; the markers are our own bytes.
    unsafe {
        output::explain_output_register(std::ptr::null_mut());
        libc::write(2, b"\n@@esc-stderr-begin\n".as_ptr() as *const _, 20);
        open_forging();
        libc::write(2, b"@@esc-stderr-end\n".as_ptr() as *const _, 17);
    }
    context::explain_context_pop();
}

/// No byte of the path that could forge a line or drive a terminal arrives raw.
#[track_caller]
fn assert_no_raw_controls(what: &str, record: &[u8]) {
    let shown = String::from_utf8_lossy(record).escape_debug().to_string();
    for (byte, name) in [(b'\r', "carriage return"), (0x1b, "ESC"), (0xff, "byte 0xff"), (0xe9, "byte 0xe9")] {
        assert!(!record.contains(&byte), "{what}: a raw {name}: {shown}");
    }
    assert!(!record.windows(2).any(|w| w == b"\xc2\x9b"), "{what}: a raw CSI: {shown}");
    assert!(!record.split(|&b| b == b'\n').any(|l| l.starts_with(b"FORGED")), "{what}: a forged line: {shown}");
    // The path is there, escaped: its newline as the two characters \n.
    assert!(shown.contains("nonexistent-esc/a\\\\nFORGED"), "{what}: the path's newline is not C-escaped: {shown}");
}

#[test]
fn a_path_that_forges_lines_and_colours_arrives_escaped_in_one_record_everywhere() {
    if std::env::var_os("EXPLAIN_TEST_RECEIVERS_ESCAPING").is_some() {
        return inside_escaping();
    }
    let me = std::env::current_exe().unwrap();
    let name = "a_path_that_forges_lines_and_colours_arrives_escaped_in_one_record_everywhere";
    let out = Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c"])
        .arg("mount -t tmpfs tmpfs /dev && mount -t tmpfs tmpfs /run && exec \"$0\" --exact \"$1\" --nocapture --test-threads=1")
        .arg(&me)
        .arg(name)
        .env("EXPLAIN_TEST_RECEIVERS_ESCAPING", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let records = |marker: &str| -> Vec<Vec<u8>> { stdout.lines().filter_map(|l| l.split_once(marker).map(|(_, r)| unhex(r))).collect() };
    let syslog = records("@@esc-syslog ");
    assert_eq!(syslog.len(), 1, "one syslog record: {syslog:?}");
    assert!(!syslog[0].contains(&b'\n'), "a newline in the syslog record: {}", String::from_utf8_lossy(&syslog[0]).escape_debug());
    assert_no_raw_controls("syslog", &syslog[0]);
    let journal = records("@@esc-journal ");
    assert_eq!(journal.len(), 1, "one journal record: {journal:?}");
    // The native protocol ends each FIELD=value with a newline: the MESSAGE field is one
    // line, and the record has no line that is not a field.
    for line in journal[0].split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        assert!(line.contains(&b'=') && line[0].is_ascii_uppercase(), "a journal line that is not a field: {}", String::from_utf8_lossy(line).escape_debug());
    }
    assert_no_raw_controls("journal", &journal[0]);
    let err = &out.stderr;
    let begin = err.windows(20).position(|w| w == b"\n@@esc-stderr-begin\n").expect("the stderr marker") + 20;
    let end = begin + err[begin..].windows(16).position(|w| w == b"@@esc-stderr-end").expect("the end marker");
    let printed = &err[begin..end];
    // stderr is laid out in 75-column lines: every line after the first is the same
    // explanation, so no line may start as a new record (a program name and a colon).
    let first_line_start = printed.split(|&b| b == b'\n').next().unwrap();
    assert!(first_line_start.contains(&b':'), "{}", String::from_utf8_lossy(printed));
    assert_no_raw_controls("stderr", printed);
}
