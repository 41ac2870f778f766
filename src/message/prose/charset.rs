//! Character set conversion (iconv_open, iconv, iconv_close): unknown character sets
//! with the nearest known name, what a conversion descriptor is, and where the input
//! and output stood when a conversion stopped.

use crate::message::Message;
use crate::probe::charsets::Lookup;
use crate::probe::iconv::{Charset, Descriptor, Side};
use core::fmt::Write as _;

/// EINVAL: `arg` (tocode or fromcode) names no character set glibc knows.
pub fn unknown(m: &mut Message, arg: &str, name: &[u8], l: &Lookup) {
    m.because();
    let _ = write!(m, "{arg} (");
    m.quoted(name);
    m.text(") is not a character set iconv knows: it is neither built into the C library nor listed in the gconv-modules files");
    if let Some(dir) = l.dir {
        m.text(" of ");
        m.quoted(dir);
    }
    if let Some(n) = &l.nearest {
        m.text("; perhaps ");
        m.quoted(n.as_bytes());
        m.text(" was meant");
    }
}

/// EINVAL: `arg` names a character set whose conversion module's file is missing.
pub fn module_missing(m: &mut Message, arg: &str, name: &[u8], path: &[u8]) {
    m.because();
    let _ = write!(m, "{arg} (");
    m.quoted(name);
    m.text(") is a character set iconv knows, but the module that converts it, ");
    m.quoted(path);
    m.text(", does not exist: the gconv-modules files name a module that is not installed");
}

/// EINVAL although both names are known: the conversion could not be set up.
pub fn both_known(m: &mut Message, to: &[u8], from: &[u8], l: &Lookup) {
    m.because();
    m.text("tocode (");
    m.quoted(to);
    m.text(") and fromcode (");
    m.quoted(from);
    m.text(") are both character sets iconv knows, so the conversion between them could not be set up: its module could not be loaded from the gconv directory");
    if let Some(dir) = l.dir {
        m.text(" ");
        m.quoted(dir);
    }
    if let Some(p) = l.gconv_path {
        m.text(" or GCONV_PATH (");
        m.quoted(p);
        m.text(")");
    }
    m.text(", or the suffix after \"//\" is not TRANSLIT or IGNORE");
}

/// EBADF: what `cd` is instead of a conversion descriptor.
pub fn descriptor(m: &mut Message, cd: usize, d: &Descriptor) {
    m.because();
    m.text("cd ");
    match d {
        Descriptor::Failed => m.text("is (iconv_t) -1, the value iconv_open returns when it fails: the iconv_open that produced it failed and its result was not checked"),
        Descriptor::Null => m.text("is NULL, which iconv_open never returns: it is not a conversion descriptor"),
        Descriptor::Unreadable => {
            m.hex(cd as u64);
            m.text(" points at memory the process cannot read: it is not a conversion descriptor (a wild pointer, or one already freed)");
        }
        Descriptor::NotConversion => {
            m.hex(cd as u64);
            m.text(" does not point at a conversion descriptor of the C library: it was never returned by iconv_open, or iconv_close has already freed it");
        }
        Descriptor::Conversion { from, to } => {
            m.text("looks at present like a descriptor converting from ");
            m.quoted(from.as_bytes());
            m.text(" to ");
            m.quoted(to.as_bytes());
            m.text(", yet the C library refused it: it was probably closed already, its memory since reused");
        }
    }
}

/// `at *inbuf (0x…), byte 2 of the input,`: where the input stands.
fn position(m: &mut Message, at: usize, offset: Option<usize>) {
    m.text("at *inbuf (");
    m.hex(at as u64);
    m.text(")");
    if let Some(o) = offset {
        let _ = write!(m, ", byte {o} of the input (counting from 0),");
    }
}

/// `0xff 0xfe 0x63`.
fn bytes(m: &mut Message, b: &[u8]) {
    for (i, c) in b.iter().enumerate() {
        if i > 0 {
            m.text(" ");
        }
        let _ = write!(m, "0x{c:02x}");
    }
}

/// Why the bytes at `*inbuf` stopped the conversion, when the character set is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bad {
    /// Not a valid sequence of the source character set.
    Invalid,
    /// A valid character with no equivalent in the target character set.
    Unrepresentable,
    /// Not known which of the two.
    Either,
}

/// EILSEQ: the bytes at `*inbuf` and why they stopped the conversion.
pub fn invalid_sequence(m: &mut Message, input: &Side, offset: Option<usize>, b: &[u8], conv: Option<(&Charset, &Charset)>, why: Bad) {
    m.because();
    m.text("the conversion stopped ");
    if let Some(at) = input.at {
        position(m, at, offset);
    }
    m.text(" where the input holds ");
    bytes(m, b);
    if let Some(left) = input.left {
        if left > b.len() {
            m.text(" and more");
        }
    }
    let (from, to): (&[u8], &[u8]) = match conv {
        Some((f, t)) => (f.as_bytes(), t.as_bytes()),
        None => (b"", b""),
    };
    // A name is quoted; an unknown one is said in words.
    let name = |m: &mut Message, n: &[u8], or: &str| if n.is_empty() { m.text(or) } else { m.quoted(n) };
    match why {
        Bad::Invalid => {
            m.text(", which is not a valid character of ");
            name(m, from, "the source character set");
        }
        Bad::Unrepresentable => {
            m.text(", a valid ");
            name(m, from, "source");
            m.text(" character that ");
            name(m, to, "the target character set");
            m.text(" has no way to write (append \"//TRANSLIT\" to tocode to approximate such characters, or \"//IGNORE\" to drop them)");
        }
        Bad::Either => {
            m.text(", which is either not a valid character of ");
            name(m, from, "the source character set");
            m.text(" or one that ");
            name(m, to, "the target character set");
            m.text(" has no way to write");
        }
    }
    if let Some(left) = input.left {
        let _ = write!(m, "; {left} byte{} of input are left", if left == 1 { "" } else { "s" });
    }
}

/// EINVAL: the input ends inside a multibyte character.
pub fn incomplete(m: &mut Message, input: &Side, offset: Option<usize>, b: &[u8], from: Option<&Charset>) {
    m.because();
    let left = input.left.unwrap_or(b.len());
    let _ = write!(m, "the input ends with {left} byte{} ", if left == 1 { "" } else { "s" });
    if let Some(at) = input.at {
        position(m, at, offset);
        m.text(" ");
    }
    m.text("(");
    bytes(m, b);
    m.text(") that begin a multibyte character");
    if let Some(f) = from {
        m.text(" of ");
        m.quoted(f.as_bytes());
    }
    m.text(" but do not complete it: if more input follows, keep these bytes and call iconv again with the rest after them");
}

/// E2BIG: the room left in the output against the input still to convert.
pub fn output_full(m: &mut Message, input: &Side, output: &Side) {
    m.because();
    m.text("the output buffer is full");
    if let Some(room) = output.left {
        let _ = write!(m, ": *outbytesleft is {room} byte{}", if room == 1 { "" } else { "s" });
    }
    if let Some(left) = input.left {
        let _ = write!(m, ", and {left} byte{} of input remain to be converted", if left == 1 { "" } else { "s" });
    }
    m.text("; write out (or enlarge) the output buffer and call iconv again to convert the rest");
}

/// EILSEQ or EINVAL with `*inbuf` NULL: iconv was given no input to find fault with.
pub fn no_input(m: &mut Message) {
    m.because();
    m.text("*inbuf is NULL, which asks iconv only to end the output (write the sequence that returns to the initial shift state), with no input to convert, so no input sequence can be at fault");
}
