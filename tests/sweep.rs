//! Every call, every errno Linux defines (and some it does not), with arguments a buggy
//! caller might pass: NULL, wild pointers, closed and negative descriptors, empty and
//! over-long strings. Each explanation must come back NUL-terminated, as valid UTF-8,
//! in the three-part form, without a crash, and leave errno alone.
use explain::cli::{Parsed, COMMANDS};
use std::ffi::CString;

/// The arguments of one sweep: every parameter gets the same kind of value.
fn values(variant: usize) -> Parsed {
    match variant {
        0 => Parsed::Null,
        1 => Parsed::Number(0x10),                   // a wild pointer, a small fd
        2 => Parsed::Number(-1),                     // a negative fd, all bits set
        3 => Parsed::Str(CString::new("/nonexistent/dir/file").unwrap()),
        4 => Parsed::Str(CString::new("").unwrap()),
        5 => Parsed::Str(CString::new("/tmp/".repeat(1200)).unwrap()),
        6 => Parsed::Number(i64::MAX),
        _ => Parsed::Number(1_000_000),              // a closed, huge descriptor
    }
}

#[test]
fn every_call_explains_every_errno_with_hostile_arguments() {
    let errnos: Vec<i32> = (0..=134).chain([-1, 255, 4096, i32::MAX, i32::MIN]).collect();
    let mut buf = vec![0u8; 4096];
    let mut explained = 0;
    for cmd in COMMANDS {
        for variant in 0..8 {
            let args: Vec<Parsed> = cmd.args.iter().map(|_| values(variant)).collect();
            for &e in &errnos {
                unsafe { *libc::__errno_location() = 4242 };
                buf.fill(0xAA);
                (cmd.run)(&mut buf, e, &args);
                assert_eq!(unsafe { *libc::__errno_location() }, 4242, "{} errno {e}: errno changed", cmd.name);
                let len = buf.iter().position(|&c| c == 0).unwrap_or_else(|| panic!("{} errno {e}: no NUL", cmd.name));
                let text = std::str::from_utf8(&buf[..len]).unwrap_or_else(|_| panic!("{} errno {e}: not UTF-8", cmd.name));
                let head = format!("{}(", cmd.name);
                assert!(text.starts_with(&head), "{} errno {e}: {text}", cmd.name);
                if e != 0 {
                    assert!(text.contains(") failed, ") && text.contains(" because "), "{} errno {e}: {text}", cmd.name);
                }
                explained += 1;
            }
        }
    }
    assert!(explained > 50_000, "{explained}");
}
