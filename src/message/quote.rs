//! Quoting user-supplied bytes the way C source would spell them.

use super::Message;

/// Writes `b` in double quotes with C escapes. Valid UTF-8 passes through; control
/// characters, quotes, backslashes and bytes that are not valid UTF-8 are escaped.
/// Longer than `limit`: the head and the tail, with the full length between them.
/// `total` is the string's real length when only its first bytes are in `b`.
pub fn write_quoted(m: &mut Message, b: &[u8], limit: usize, total: usize) {
    if total > b.len() {
        // Only the head is known: show it, and the real length.
        let head = char_boundary(b, (limit / 2).min(b.len()));
        m.text("\"");
        escape(m, &b[..head]);
        m.text("\"...");
        let _ = core::fmt::write(m, format_args!(" ({} bytes)", total));
        return;
    }
    if b.len() <= limit {
        m.text("\"");
        escape(m, b);
        m.text("\"");
        return;
    }
    let head = char_boundary(b, limit / 2);
    let tail = char_boundary(b, b.len() - limit / 2);
    m.text("\"");
    escape(m, &b[..head]);
    m.text("\"...\"");
    escape(m, &b[tail..]);
    m.text("\"");
    let _ = core::fmt::write(m, format_args!(" ({} bytes)", b.len()));
}

/// Moves `at` back to the start of the UTF-8 sequence it falls in.
fn char_boundary(b: &[u8], mut at: usize) -> usize {
    while at > 0 && at < b.len() && b[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    at
}

/// Writes `b` with the C escapes of `write_quoted`, without the quotes.
pub fn escape(m: &mut Message, b: &[u8]) {
    let mut i = 0;
    while i < b.len() {
        // A run of printable ASCII that needs no escape goes out in one piece.
        let run = b[i..].iter().position(|&c| !(0x20..0x7f).contains(&c) || c == b'"' || c == b'\\').unwrap_or(b.len() - i);
        if run > 0 {
            m.raw(&b[i..i + run]);
            i += run;
            continue;
        }
        let c = b[i];
        let esc: Option<&str> = match c {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\t' => Some("\\t"),
            b'\r' => Some("\\r"),
            0x07 => Some("\\a"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            0x0b => Some("\\v"),
            _ => None,
        };
        if let Some(e) = esc {
            m.text(e);
            i += 1;
        } else if c < 0x20 || c == 0x7f {
            octal(m, c);
            i += 1;
        } else if c < 0x80 {
            m.raw(&b[i..i + 1]);
            i += 1;
        } else {
            let n = utf8_len(&b[i..]);
            // U+0080..U+009F are the C1 controls: U+009B is a terminal's CSI (ESC [) and
            // U+0085 a line break to some readers. Escaped like the C0 controls.
            if n == 2 && b[i] == 0xC2 && b[i + 1] < 0xA0 {
                octal(m, b[i]);
                octal(m, b[i + 1]);
                i += 2;
            } else if n == 0 {
                octal(m, c);
                i += 1;
            } else {
                m.raw(&b[i..i + n]);
                i += n;
            }
        }
    }
}

fn octal(m: &mut Message, c: u8) {
    let s = [b'\\', b'0' + (c >> 6), b'0' + ((c >> 3) & 7), b'0' + (c & 7)];
    m.raw(&s);
}

/// The length of the valid UTF-8 sequence at the start of `b`, or 0 if it is not one.
fn utf8_len(b: &[u8]) -> usize {
    let n = match b[0] {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return 0,
    };
    if b.len() < n || core::str::from_utf8(&b[..n]).is_err() {
        0
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(b: &[u8], limit: usize) -> String {
        let mut buf = [0u8; 512];
        let mut m = Message::new(&mut buf);
        write_quoted(&mut m, b, limit, b.len());
        let n = m.finish();
        String::from_utf8(buf[..n].to_vec()).unwrap()
    }

    #[test]
    fn escapes_controls_quotes_and_invalid_bytes() {
        assert_eq!(quoted(b"a\"b\\c\n\x01\xff\x7f", 100), r#""a\"b\\c\n\001\377\177""#);
        assert_eq!(quoted("é".as_bytes(), 100), "\"é\"");
        // C1 controls (CSI, NEL) are escaped though valid UTF-8.
        assert_eq!(quoted("a\u{9b}31m\u{85}b".as_bytes(), 100), r#""a\302\23331m\302\205b""#);
    }

    #[test]
    fn long_strings_keep_head_tail_and_length() {
        let s = vec![b'x'; 300];
        let q = quoted(&s, 40);
        assert!(q.ends_with("(300 bytes)"), "{q}");
        assert!(q.len() < 80, "{q}");
    }
}
