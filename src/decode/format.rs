//! The variadic arguments of a printf-style call, taken from the C side's cursor as the
//! format says (crate::sys::varargs), and echoed the way libexplain echoes them after
//! the format: `fprintf(fp = stdout, format = "%s=%d\n", "x", 5)`.
//!
//! libexplain's echo, followed for an identical first part: integers in decimal, `%x`
//! as `0x` and upper-case digits at least as wide as the type (`0x00FF`), `%o` with a
//! leading 0, floating values with 15 significant digits, `%c` as a C character
//! constant, `%s` quoted, `%p`, `%n`, `%ls` as addresses, `%lc` as a number. Its odd
//! corners too: a `*` width or precision shows one value and then `%*`, and a
//! conversion it does not know (or a positional `%1$d`) ends the list. (Its echo of
//! `z` and `j` varies from call to call, an empty item or none: the steady one, none,
//! is followed.)
//!
//! While taking them, it adds up how long the output would be (the literal text, each
//! field at least its width, each string its length): EOVERFLOW and ENOMEM say so.

use super::{write_pointer, Text, TextState};
use crate::message::Message;
use crate::sys::varargs::{self, Class};
use core::fmt::{self, Write as _};
use core::mem::MaybeUninit;

/// More arguments than this are taken for the length but not kept for the echo.
pub const MAX_ITEMS: usize = 32;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shown {
    Signed(i64),
    Unsigned(u64),
    /// `%x`: at least `digits` hexadecimal digits.
    Hex { value: u64, digits: u8 },
    Octal(u64),
    Float(f64),
    Char(u8),
    /// `%lc`: a wide character, shown as its number.
    Wide(u32),
    /// `%s`: the address of the string, read when echoed.
    Str(usize),
    /// `%p`, `%n`, `%ls`.
    Pointer(usize),
    /// libexplain's echo of a conversion with a `*` width or precision.
    Star,
}

/// One variadic argument: its value and the conversion that took it.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub shown: Shown,
    /// The conversion character (`d`, `s`, `c`…); `wide` for `%lc`, `%ls`, `%C`, `%S`.
    pub conv: u8,
    pub wide: bool,
    /// Where its conversion starts in the format (the `%`).
    pub at: usize,
    /// Its place among the variadic arguments, from 1.
    pub position: usize,
}

const NO_ITEM: Item = Item { shown: Shown::Star, conv: 0, wide: false, at: 0, position: 0 };

/// The widest field a conversion asks for (`%2147483647d`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Where the conversion starts in the format.
    pub at: usize,
    /// Its bytes in the format (`%2147483647d`), up to 24.
    pub spec: [u8; 24],
    pub spec_len: usize,
    pub size: u64,
}

impl Field {
    pub fn spec(&self) -> &[u8] {
        &self.spec[..self.spec_len]
    }
}

pub struct Items {
    items: [Item; MAX_ITEMS],
    len: usize,
    /// Whether the echo lists them; else it writes `...`, as libexplain's echo of
    /// asprintf does.
    pub shown: bool,
    /// How many bytes the output takes at least.
    pub length: u64,
    /// Whether the arguments were taken (not for a va_list form, whose list is the
    /// caller's, already used by the call): else `length` counts the format alone.
    pub seen: bool,
    pub widest: Option<Field>,
}

/// The length modifier of a conversion.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Size {
    Char,
    Short,
    Int,
    Long,
    LongLong,
    Max,
    SizeT,
    PtrDiff,
    LongDouble,
}

impl Size {
    fn class(self) -> Class {
        match self {
            Size::Long => Class::Long,
            Size::LongLong | Size::LongDouble => Class::LongLong,
            Size::Max => Class::IntMax,
            Size::SizeT => Class::Size,
            Size::PtrDiff => Class::PtrDiff,
            _ => Class::Int,
        }
    }

    /// An integer argument of this size, as the conversion reads it.
    fn signed(self, bits: u64) -> i64 {
        match self {
            Size::Char => bits as i8 as i64,
            Size::Short => bits as i16 as i64,
            Size::Int => bits as i32 as i64,
            _ => bits as i64,
        }
    }

    fn unsigned(self, bits: u64) -> u64 {
        match self {
            Size::Char => bits as u8 as u64,
            Size::Short => bits as u16 as u64,
            Size::Int => bits as u32 as u64,
            _ => bits,
        }
    }

    /// The fewest hexadecimal digits libexplain shows for `%x` of this size.
    fn hex_digits(self) -> u8 {
        match self {
            Size::Char => 2,
            Size::Short | Size::Int => 4,
            _ => 8,
        }
    }
}

impl Items {
    /// Takes the arguments from `cursor` (0: none to take) as `format` says, into `slot`.
    pub fn fetch_into<'a>(slot: &'a mut MaybeUninit<Items>, format: &Text, cursor: usize, shown: bool) -> &'a Items {
        let items = slot.write(Items { items: [NO_ITEM; MAX_ITEMS], len: 0, shown, length: 0, seen: cursor != 0, widest: None });
        if format.state == TextState::Ok {
            items.parse(format.bytes(), cursor);
        }
        items
    }

    pub fn as_slice(&self) -> &[Item] {
        &self.items[..self.len]
    }

    fn push(&mut self, item: Item) {
        if self.len < MAX_ITEMS {
            self.items[self.len] = item;
            self.len += 1;
        }
    }

    fn parse(&mut self, f: &[u8], cursor: usize) {
        let mut i = 0;
        let mut position = 0;
        while i < f.len() {
            if f[i] != b'%' {
                self.length += 1;
                i += 1;
                continue;
            }
            let at = i;
            i += 1;
            if i < f.len() && f[i] == b'%' {
                self.length += 1;
                i += 1;
                continue;
            }
            // A positional argument (`%1$d`): libexplain's echo stops there.
            let digits = f[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if f.get(i + digits) == Some(&b'$') {
                return;
            }
            while i < f.len() && b"-+ #0'I".contains(&f[i]) {
                i += 1;
            }
            let (width, star_w) = number_or_star(f, &mut i);
            let (precision, star_p) = if f.get(i) == Some(&b'.') {
                i += 1;
                let (p, s) = number_or_star(f, &mut i);
                (Some(p), s)
            } else {
                (None, false)
            };
            let size = length_modifier(f, &mut i);
            let Some(&conv) = f.get(i) else { return };
            i += 1;
            let field = width.max(precision.unwrap_or(0));
            if field > self.widest.map_or(0, |w| w.size) {
                let mut spec = [0u8; 24];
                let n = (i - at).min(spec.len());
                spec[..n].copy_from_slice(&f[at..at + n]);
                self.widest = Some(Field { at, spec, spec_len: n, size: field });
            }
            if conv == b'm' {
                self.length += width.max(1);
                continue;
            }
            let Some((class, wide)) = class_of(conv, size) else { return };
            if cursor == 0 {
                // A va_list form: the arguments are not seen, their fields' widths are.
                self.length += width.max(precision.unwrap_or(0));
                continue;
            }
            position += 1;
            // SAFETY: the C side's cursor, over arguments the caller passed for this format.
            let bits = unsafe { varargs::next(cursor, class) };
            let shown = shown_of(conv, size, wide, bits);
            self.length += width.max(natural_length(&shown, conv, precision));
            self.push(Item { shown, conv, wide, at, position });
            if star_w || star_p {
                self.push(Item { shown: Shown::Star, conv, wide, at, position });
            }
        }
    }

    /// A va_list form's arguments: taken from `cursor` when it holds a copy made before
    /// the call (its `_or_die` and `_on_error`); else the format alone is read.
    pub fn from_va_list<'a>(slot: &'a mut MaybeUninit<Items>, format: &Text, cursor: usize) -> &'a Items {
        Items::fetch_into(slot, format, if varargs::usable(cursor) { cursor } else { 0 }, false)
    }

    /// The echo after the format: `, 5, "x"` (or `, ...`).
    pub fn echo(&self, m: &mut Message) {
        if !self.shown {
            return m.text(", ...");
        }
        for item in self.as_slice() {
            m.text(", ");
            write_shown(m, &item.shown);
        }
    }
}

fn number_or_star(f: &[u8], i: &mut usize) -> (u64, bool) {
    if f.get(*i) == Some(&b'*') {
        *i += 1;
        return (0, true);
    }
    let mut n: u64 = 0;
    while let Some(c) = f.get(*i).filter(|c| c.is_ascii_digit()) {
        n = n.saturating_mul(10).saturating_add((c - b'0') as u64);
        *i += 1;
    }
    (n, false)
}

/// The length modifier at `f[*i]`.
fn length_modifier(f: &[u8], i: &mut usize) -> Size {
    let two = |a: u8| f.get(*i + 1) == Some(&a);
    let (size, len) = match f.get(*i) {
        Some(b'h') if two(b'h') => (Size::Char, 2),
        Some(b'h') => (Size::Short, 1),
        Some(b'l') if two(b'l') => (Size::LongLong, 2),
        Some(b'l') => (Size::Long, 1),
        Some(b'q') => (Size::LongLong, 1),
        Some(b'L') => (Size::LongDouble, 1),
        Some(b'j') => (Size::Max, 1),
        Some(b'z') => (Size::SizeT, 1),
        Some(b't') => (Size::PtrDiff, 1),
        _ => (Size::Int, 0),
    };
    *i += len;
    size
}

/// The C type a conversion takes, and whether it is a wide character or string.
fn class_of(conv: u8, size: Size) -> Option<(Class, bool)> {
    Some(match conv {
        b'd' | b'i' | b'u' | b'o' | b'x' | b'X' => (size.class(), false),
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
            (if size == Size::LongDouble { Class::LongDouble } else { Class::Double }, false)
        }
        b'c' if size == Size::Long => (Class::WInt, true),
        b'c' => (Class::Int, false),
        b'C' => (Class::WInt, true),
        b's' => (Class::Pointer, size == Size::Long),
        b'S' => (Class::Pointer, true),
        b'p' | b'n' => (Class::Pointer, false),
        _ => return None,
    })
}

fn shown_of(conv: u8, size: Size, wide: bool, bits: u64) -> Shown {
    match conv {
        b'd' | b'i' => Shown::Signed(size.signed(bits)),
        b'u' => Shown::Unsigned(size.unsigned(bits)),
        b'o' => Shown::Octal(size.unsigned(bits)),
        b'x' | b'X' => Shown::Hex { value: size.unsigned(bits), digits: size.hex_digits() },
        b'c' | b'C' if wide => Shown::Wide(bits as u32),
        b'c' => Shown::Char(bits as u8),
        b's' if !wide => Shown::Str(bits as usize),
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => Shown::Float(f64::from_bits(bits)),
        _ => Shown::Pointer(bits as usize),
    }
}

/// Counts what is written through it.
struct Counter(u64);

impl fmt::Write for Counter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += s.len() as u64;
        Ok(())
    }
}

/// How many bytes a conversion writes for the value without a width.
fn natural_length(shown: &Shown, conv: u8, precision: Option<u64>) -> u64 {
    let mut c = Counter(0);
    let _ = match *shown {
        Shown::Signed(v) => write!(c, "{v}"),
        Shown::Unsigned(v) => write!(c, "{v}"),
        Shown::Octal(v) => write!(c, "{v:o}"),
        Shown::Hex { value, .. } => write!(c, "{value:x}"),
        Shown::Float(v) if matches!(conv, b'f' | b'F') && v.is_finite() => {
            write!(c, "{:.*}", precision.unwrap_or(6).min(400) as usize, v)
        }
        Shown::Float(_) => write!(c, "{:1$}", "", precision.unwrap_or(6).min(400) as usize + 7),
        Shown::Char(_) | Shown::Wide(_) => write!(c, "x"),
        Shown::Str(addr) => {
            let mut slot = MaybeUninit::uninit();
            let t = Text::copy_into(&mut slot, addr);
            let len = if t.is_ok() { t.len as u64 } else { 6 };
            c.0 = precision.map_or(len, |p| p.min(len));
            Ok(())
        }
        Shown::Pointer(_) => write!(c, "0x000000000000"),
        Shown::Star => Ok(()),
    };
    match (*shown, precision) {
        (Shown::Signed(_) | Shown::Unsigned(_) | Shown::Octal(_) | Shown::Hex { .. }, Some(p)) => c.0.max(p),
        _ => c.0,
    }
}

fn write_shown(m: &mut Message, s: &Shown) {
    match *s {
        Shown::Signed(v) => m.number(v),
        Shown::Unsigned(v) => m.unsigned(v),
        Shown::Hex { value, digits } => {
            let _ = write!(m, "0x{:01$X}", value, digits as usize);
        }
        Shown::Octal(0) => m.text("0"),
        Shown::Octal(v) => {
            let _ = write!(m, "0{v:o}");
        }
        Shown::Float(v) => write_float(m, v),
        Shown::Char(c) => write_char_constant(m, c),
        Shown::Wide(c) => m.unsigned(c as u64),
        Shown::Str(addr) => {
            let mut slot = MaybeUninit::uninit();
            let t = Text::copy_into(&mut slot, addr);
            match t.state {
                TextState::Null => m.text("NULL"),
                TextState::Unreadable => write_pointer(m, addr as i64),
                TextState::Ok => m.quoted_text(t),
            }
        }
        Shown::Pointer(p) => write_pointer(m, p as i64),
        Shown::Star => m.text("%*"),
    }
}

/// A va_list argument, as libexplain echoes it: the caller's va_list's address.
pub fn write_va_list(m: &mut Message, cursor: i64) {
    write_pointer(m, varargs::address(cursor as usize) as i64);
}

/// A `char` as C source writes it: `'a'`, `'\n'`, `'\310'`.
fn write_char_constant(m: &mut Message, c: u8) {
    let esc = match c {
        b'\'' => "\\'",
        b'\\' => "\\\\",
        b'\n' => "\\n",
        b'\t' => "\\t",
        b'\r' => "\\r",
        0x07 => "\\a",
        0x08 => "\\b",
        0x0b => "\\v",
        0x0c => "\\f",
        0x20..=0x7e => {
            let _ = write!(m, "'{}'", c as char);
            return;
        }
        _ => {
            let _ = write!(m, "'\\{c:03o}'");
            return;
        }
    };
    let _ = write!(m, "'{esc}'");
}

/// A small buffer on the stack for one formatted number.
struct Digits {
    buf: [u8; 440],
    len: usize,
}

impl fmt::Write for Digits {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let b = s.as_bytes();
        let end = self.len + b.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(b);
        self.len = end;
        Ok(())
    }
}

/// The significant digits libexplain shows of a floating argument.
const FLOAT_DIGITS: usize = 15;

/// `v` as C's `%.15g`: `0.1`, `1e+300`, `123456789`, `-0`, `inf`, `-nan`.
pub fn write_float(m: &mut Message, v: f64) {
    if v.is_nan() {
        return m.text(if v.is_sign_negative() { "-nan" } else { "nan" });
    }
    if v.is_infinite() {
        return m.text(if v < 0.0 { "-inf" } else { "inf" });
    }
    if v == 0.0 {
        return m.text(if v.is_sign_negative() { "-0" } else { "0" });
    }
    let mut d = Digits { buf: [0; 440], len: 0 };
    let _ = write!(d, "{:.*e}", FLOAT_DIGITS - 1, v);
    let text = &d.buf[..d.len];
    let e_at = text.iter().position(|&c| c == b'e').unwrap_or(text.len());
    let exp: i32 = core::str::from_utf8(&text[e_at + 1..]).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    if exp < -4 || exp >= FLOAT_DIGITS as i32 {
        m.raw(trim_fraction(&text[..e_at]));
        let _ = write!(m, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
        return;
    }
    let mut f = Digits { buf: [0; 440], len: 0 };
    let _ = write!(f, "{:.*}", (FLOAT_DIGITS as i32 - 1 - exp) as usize, v);
    m.raw(trim_fraction(&f.buf[..f.len]));
}

/// `1.500` → `1.5`, `2.000` → `2`; a number without a point is left whole.
fn trim_fraction(b: &[u8]) -> &[u8] {
    if !b.contains(&b'.') {
        return b;
    }
    let mut end = b.len();
    while end > 0 && b[end - 1] == b'0' {
        end -= 1;
    }
    if end > 0 && b[end - 1] == b'.' {
        end -= 1;
    }
    &b[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(v: f64) -> String {
        let mut buf = [0u8; 128];
        let mut m = Message::new(&mut buf);
        write_float(&mut m, v);
        let n = m.finish();
        String::from_utf8_lossy(&buf[..n]).into_owned()
    }

    #[test]
    fn floats_are_written_as_c_writes_them_with_15_digits() {
        let cases: [(f64, &str); 10] = [
            (0.1, "0.1"),
            (1.5, "1.5"),
            (2.0, "2"),
            (1e300, "1e+300"),
            (123456789.0, "123456789"),
            (1e10, "10000000000"),
            (1.0 / 3.0, "0.333333333333333"),
            (1e-5, "1e-05"),
            (-0.0, "-0"),
            (f64::INFINITY, "inf"),
        ];
        for (v, want) in cases {
            assert_eq!(float(v), want, "{v:e}");
        }
        assert_eq!(float(f64::MAX), "1.79769313486232e+308");
        assert_eq!(float(1e15), "1e+15");
    }

    #[test]
    fn the_format_alone_gives_its_literal_length_and_widest_field() {
        let t = Text::from_bytes(b"ab %5d %.300s %% %q");
        let mut slot = MaybeUninit::uninit();
        let items = Items::fetch_into(&mut slot, &t, 0, true);
        assert!(items.as_slice().is_empty());
        let w = items.widest.unwrap();
        assert_eq!((w.spec(), w.at, w.size), (&b"%.300s"[..], 7, 300));
        // "ab " + 5 + " " + 300 + " " + "%" + " ", then %q ends the reading.
        assert_eq!(items.length, 3 + 5 + 1 + 300 + 1 + 1 + 1);
    }
}
