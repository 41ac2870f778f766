//! The listing cache behind the nearest-name search never serves a stale listing:
//! explaining the same typo again after the directory changed sees the change.
mod common;
use common::*;
use explain::probe::listing_cache;
use explain::sys::{stat_at, CPath};
use std::os::raw::c_char;

/// Explains open(path) = ENOENT in this process (so the cache persists between calls).
fn explain_open_enoent(path: &str) -> String {
    let p = std::ffi::CString::new(path).unwrap();
    let mut buf = [0u8; 4096];
    // SAFETY: buf is 4096 writable bytes; p is a valid C string.
    unsafe {
        explain::abi::boundary::explain_message_errno_open(buf.as_mut_ptr() as *mut c_char, 4096, libc::ENOENT, p.as_ptr(), libc::O_RDONLY, 0);
    }
    let len = buf.iter().position(|&c| c == 0).unwrap();
    String::from_utf8_lossy(&buf[..len]).into_owned()
}

fn is_cached(dir: &str) -> bool {
    let st = stat_at(libc::AT_FDCWD, &CPath::from_bytes(dir.as_bytes()).unwrap(), true).unwrap();
    listing_cache::each_cached(&st, |_, _| true)
}

/// Lets the directory's change time age past the cache's settling margin.
fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(2300));
}

// The two directories are explained one after the other in one test: the slots are
// shared by the whole process, and a parallel test could evict the listing checked.
#[test]
fn suggestion_sees_files_created_and_removed_after_a_cached_explanation() {
    closer_file_created_after_a_cached_explanation();
    file_removed_after_a_cached_explanation();
}

fn closer_file_created_after_a_cached_explanation() {
    let d = Scratch::new("suggest-cache-create");
    std::fs::write(d.join("abcdxxxx"), "").unwrap();
    std::fs::write(d.join("unrelated"), "").unwrap();
    settle();
    let typo = d.s("abcdefgh");
    let first = explain_open_enoent(&typo);
    assert_facts(&first, &["perhaps the \"abcdxxxx\" regular file was meant"]);
    assert!(is_cached(&d.s("")), "a settled small directory's listing is kept");
    // Explained again from the cache: the same answer.
    assert_facts(&explain_open_enoent(&typo), &["perhaps the \"abcdxxxx\" regular file was meant"]);

    std::fs::write(d.join("abcdefgx"), "").unwrap();
    let second = explain_open_enoent(&typo);
    assert_facts(&second, &["perhaps the \"abcdefgx\" regular file was meant"]);
}

fn file_removed_after_a_cached_explanation() {
    let d = Scratch::new("suggest-cache-remove");
    std::fs::write(d.join("config.yaml"), "").unwrap();
    std::fs::create_dir(d.join("other")).unwrap();
    settle();
    let typo = d.s("config.yml");
    assert_facts(&explain_open_enoent(&typo), &["perhaps the \"config.yaml\" regular file was meant"]);
    assert!(is_cached(&d.s("")));
    std::fs::remove_file(d.join("config.yaml")).unwrap();
    std::fs::create_dir(d.join("config.yaml")).unwrap();
    assert_facts(&explain_open_enoent(&typo), &["perhaps the \"config.yaml\" directory was meant"]);
    std::fs::remove_dir(d.join("config.yaml")).unwrap();
    let text = explain_open_enoent(&typo);
    assert!(!text.contains("perhaps"), "no suggestion once the file is gone:\n{text}");
}

#[test]
fn a_directory_just_changed_is_not_cached() {
    let d = Scratch::new("suggest-cache-fresh");
    std::fs::write(d.join("report.txt"), "").unwrap();
    assert_facts(&explain_open_enoent(&d.s("reprot.txt")), &["perhaps the \"report.txt\" regular file was meant"]);
    assert!(!is_cached(&d.s("")), "a directory changed within the settling margin is read every time");
}
