//! Laying out a message on stderr the way libexplain 1.4 does, so that programs' test
//! suites that diff its lines pass against us: words (runs of non-blank bytes) are
//! filled greedily into lines of at most `LINE_WIDTH` columns, whatever the terminal's
//! width and whether stderr is a terminal or a pipe; blanks, tabs and newlines between
//! words become one space; continuation lines start with the hanging indent, which is
//! at most a tenth of an 80-column page. A word longer than a line has a line of its own.

/// The widest line, counting the indent (libexplain fills an 80-column page to 75).
pub const LINE_WIDTH: usize = 75;

/// The deepest hanging indent (a tenth of 80 columns).
pub const MAX_INDENT: usize = 8;

/// Emits the laid-out text, every line ended by a newline, through `out`.
pub fn wrap(text: &[u8], indent: usize, mut out: impl FnMut(&[u8])) {
    let indent = indent.min(MAX_INDENT);
    let mut column = 0;
    let mut words_on_line = false;
    for word in text.split(|c| c.is_ascii_whitespace()).filter(|w| !w.is_empty()) {
        if words_on_line {
            if column + 1 + word.len() <= LINE_WIDTH {
                out(b" ");
                column += 1;
            } else {
                out(b"\n");
                for _ in 0..indent {
                    out(b" ");
                }
                column = indent;
            }
        }
        out(word);
        column += word.len();
        words_on_line = true;
    }
    out(b"\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(text: &str, indent: usize) -> Vec<String> {
        let mut s = Vec::new();
        wrap(text.as_bytes(), indent, |b| s.extend_from_slice(b));
        String::from_utf8(s).unwrap().lines().map(str::to_owned).collect()
    }

    #[test]
    fn fills_lines_to_75_columns_with_the_indent_counted() {
        let words = format!("{} y{}", "x".repeat(70), " zz".repeat(40));
        let lines = laid_out(&words, 4);
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[0], format!("{} y zz", "x".repeat(70)));
        assert!(lines[1].starts_with("    zz zz") && lines[1].len() == 75, "{lines:?}");
        assert!(lines.iter().all(|l| l.len() <= LINE_WIDTH));
    }

    #[test]
    fn a_long_word_gets_a_line_of_its_own_and_blanks_collapse() {
        let lines = laid_out(&format!("prog:\t{}  tail\nend", "w".repeat(80)), 20);
        assert_eq!(lines, ["prog:".to_owned(), format!("        {}", "w".repeat(80)), "        tail end".to_owned()]);
    }
}
