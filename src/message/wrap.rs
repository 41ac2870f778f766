//! Wrapping a message into lines for a terminal, continuation lines indented by the
//! hanging indent (at most a tenth of the width, as libexplain limits it). Breaks only
//! at spaces; a word longer than a line stays whole.

/// Calls `line` with each line's bytes (no newline) and its indent.
pub fn wrap(text: &[u8], width: usize, indent: usize, mut line: impl FnMut(&[u8], usize)) {
    let mut rest = text;
    let mut first = true;
    while !rest.is_empty() {
        let ind = if first { 0 } else { indent.min(width / 10) };
        let room = width.saturating_sub(ind).max(10);
        if rest.len() <= room {
            line(rest, ind);
            return;
        }
        // The last space within room; else the first space after it.
        let cut = rest[..=room].iter().rposition(|&c| c == b' ').filter(|&i| i > 0).or_else(|| {
            rest.iter().position(|&c| c == b' ')
        });
        match cut {
            Some(i) => {
                line(&rest[..i], ind);
                rest = &rest[i + 1..];
                while rest.first() == Some(&b' ') {
                    rest = &rest[1..];
                }
            }
            None => {
                line(rest, ind);
                return;
            }
        }
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_with_hanging_indent() {
        let mut lines = Vec::new();
        wrap(b"aaaa bbbb cccc dddd eeee", 20, 2, |l, i| lines.push(format!("{}{}", " ".repeat(i), String::from_utf8_lossy(l))));
        assert_eq!(lines, ["aaaa bbbb cccc dddd", "  eeee"]);
    }
}
