//! Reads the call tables `src/calls/<family>/calls.in`.
//!
//! A line: `NAME(SECTION) | RESULT | C-TYPE NAME: KIND, … [| PERFORM]`. RESULT is the C
//! type and how failure shows in it: `int fd` (negative on failure, or_die returns it),
//! `int zero` (0 or -1; or_die returns void), `ssize_t count` (-1 on failure),
//! `T *pointer` (NULL), `long minus_one` (exactly -1: telldir(3)), and two that are told
//! from success by errno, which is cleared before the call and put back when the call
//! did not set it: `long limit` (pathconf's -1 also means "no limit") and
//! `T *pointer_errno` (readdir's NULL also means "end of the stream"). `char *string`:
//! NULL or an emptied string (mktemp(3) sets template[0] to NUL). `all_ones`: every bit
//! set, the C `(T)-1` (mmap's MAP_FAILED, shmat's `(void *)-1`, iconv's `(size_t)-1`,
//! iconv_open's `(iconv_t)-1`). `errno`: only errno tells (strtol(3), strcoll(3)): it
//! is cleared before the call and failure is errno set after it. A RESULT of
//! `long double`, which Rust cannot return through the C ABI, gets its `_or_die` and
//! `_on_error` in C (src/abi/long_double.c); the header still comes from this line.
//! A call without
//! arguments writes `void`.
//! stdio (issue 11) adds classes told apart by the stream's error indicator, read
//! through the FILE * argument (kind `stream`; stdin when there is none, getchar):
//! `int eof` (EOF is also the end of the file: fgetc, getw), `size_t items` (a short
//! count of `nmemb`: fread, fwrite), `char *null_eof` (fgets); `void void` (setbuf:
//! told by errno, cleared before the call); `int indicator` (ferror: any non-zero
//! result is the failure, or_die returns void); `T *pointer-void` (freopen: NULL is
//! the failure, or_die returns void).
//! PERFORM, optional, names the function `_or_die` and `_on_error` call when libc has
//! none of the call's name: a function of `crate::perform` (lchmod, utimens…), or a path
//! (libacl's functions, declared in `crate::sys::acl`).
//! An argument may say `(ECHO)` after its name, the name libexplain's call echo prints
//! when it differs from the prototype's (`int dirfd (fildes): dirfd`), and `= DEFAULT`
//! after its kind, the value the explain command takes when the argument is left out
//! (`int mode: mode = 0777`), written as a user would write it; `&` is a zeroed buffer
//! of the command's own (a `struct stat *` the user did not give).
//! `&?` is that buffer too, and the argument is read from the command line only when
//! every argument is given (strtol's endptr: `strtol 12 16` is nptr and base, as
//! libexplain's command reads it).
//! KIND says how the argument is echoed, converted for the call file and parsed by the
//! `explain` command (see `src/decode/kinds.table`). In the explain_* functions pointer
//! arguments become pointers to const, as in libexplain, unless written `!TYPE`.
//! PERFORM, optional, names the function of `crate::perform` that `_or_die`/`_on_error`
//! call, with the call's C arguments in order, when libc has no function of the call's
//! name (lchmod, utimens…); without it they call `libc::NAME`.
//! stdio (issue 11): `NAME(SECTION) [inline or_die on_error]` says which of the two are
//! static inline functions of the header, as in libexplain (getc, putc: one call per
//! character must not cost a library call); the library exports `explain_NAME_FORM_failed`
//! (the call's C arguments, returning void) for them to call on failure. An argument
//! written `@STREAM NAME: KIND` (STREAM is stdin or stdout) is not an argument of the C
//! functions: it is the stream the call uses implicitly, echoed after the others and
//! passed on to the call file (putchar's `fp = stdout`, as libexplain echoes it).
//! `[inline or_die exported]` (fwrite) makes the header's form an extern GNU inline
//! definition of a function the library also exports: programs built against our header
//! pay for the call alone on success, those built against libexplain's (which declares
//! it an ordinary function) reach the exported one.

use std::fs;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
pub struct Arg {
    pub ctype: String,
    /// Written `!TYPE` in the table: the explain_* functions take the same type as the call
    /// (libexplain does not const-qualify every pointer there, e.g. readlink's `char *data`).
    pub same_type: bool,
    pub name: String,
    /// The name the call echo prints, when libexplain's echo differs from its prototype
    /// (written `int dirfd (fildes): dirfd`); else the prototype's name.
    pub echo_name: String,
    pub kind: String,
    /// What the explain command uses when the argument is left out (written
    /// `KIND = DEFAULT`, in the command's own notation); else the kind's default.
    pub default: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Call {
    pub name: String,
    pub section: String,
    pub ret_ctype: String,
    pub ret_class: String,
    pub args: Vec<Arg>,
    /// How the call is performed when libc lacks it: a function of `crate::perform`.
    pub perform: Option<String>,
    /// stdio: the forms (`or_die`, `on_error`) that are static inline in the header.
    pub inline: Vec<String>,
    /// stdio: the streams used implicitly (`@stdout fp`), as (stream, argument).
    pub implied: Vec<(String, Arg)>,
    /// Name resolution: the codes the call reports in instead of
    /// errno, written `NAME(SECTION) [errors SPACE]`: `h_errno` (gethostbyname's
    /// HOST_NOT_FOUND…) or `eai` (getaddrinfo's EAI_* codes, returned: its RESULT is
    /// `int errcode`, and its forms are libexplain's four: explain_errcode_NAME,
    /// explain_message_errcode_NAME, _or_die and _on_error).
    pub error_space: Option<String>,
}

impl Call {
    /// Whether the call takes `...` or a `va_list` (the formatted output family): Rust
    /// cannot define or forward those, so its six functions are C (build/variadic.rs).
    pub fn is_variadic(&self) -> bool {
        self.args.iter().any(|a| a.ctype == "..." || a.ctype == "va_list")
    }
}

pub struct Family {
    pub name: String,
    pub dir: PathBuf,
    pub table: PathBuf,
    pub calls: Vec<Call>,
}

pub fn read_families(calls_dir: &Path) -> Vec<Family> {
    let mut fams = Vec::new();
    let mut dirs: Vec<_> = fs::read_dir(calls_dir).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    for dir in dirs {
        let table = dir.join("calls.in");
        if !table.is_file() {
            continue;
        }
        let text = fs::read_to_string(&table).unwrap();
        let calls = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(n, l)| parse_line(l).unwrap_or_else(|e| panic!("{}:{}: {}", table.display(), n + 1, e)))
            .collect();
        fams.push(Family { name: dir.file_name().unwrap().to_string_lossy().into(), dir, table, calls });
    }
    fams
}

fn parse_line(line: &str) -> Result<Call, String> {
    let cols: Vec<&str> = line.split('|').map(str::trim).collect();
    if cols.len() != 3 && cols.len() != 4 {
        return Err("expected NAME(SECTION) | RESULT | ARGUMENTS [| PERFORM]".into());
    }
    let perform = cols.get(3).map(|p| p.to_string());
    if let Some(p) = &perform {
        if p.is_empty() || !p.chars().all(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            return Err(format!("PERFORM {p:?} is not a function name or path"));
        }
    }
    let (head, mut inline): (&str, Vec<String>) = match cols[0].split_once('[') {
        Some((h, i)) => (h.trim(), i.trim_end_matches(']').split_whitespace().map(String::from).collect()),
        None => (cols[0], Vec::new()),
    };
    // `[inline FORM…]` (stdio) or `[errors SPACE]` (name resolution, issue 13).
    let error_space = match inline.first().map(String::as_str) {
        Some("errors") => Some(inline.get(1).cloned().ok_or("[errors SPACE]: which codes")?),
        _ => None,
    };
    if !inline.is_empty() {
        inline.remove(0);
    }
    if error_space.is_some() {
        inline.clear();
    }
    let mut implied = Vec::new();
    let (name, section) = head.trim_end_matches(')').split_once('(').ok_or("NAME(SECTION)")?;
    let (ret_ctype, ret_class) = split_result(cols[1])?;
    let mut args = Vec::new();
    if !cols[2].is_empty() && cols[2] != "void" {
        for a in cols[2].split(',') {
            let (decl, kind) = a.rsplit_once(':').ok_or_else(|| format!("argument {a:?} has no kind"))?;
            let (kind, default) = match kind.split_once('=') {
                Some((k, d)) if !d.trim().is_empty() => (k, Some(d.trim().to_string())),
                Some(_) => return Err(format!("argument {a:?}: `=` without a default")),
                None => (kind, None),
            };
            let (decl, echo_name) = match decl.trim().strip_suffix(')').and_then(|d| d.rsplit_once('(')) {
                Some((d, e)) => (d, Some(e.trim().to_string())),
                None => (decl, None),
            };
            let decl = decl.trim();
            let (same_type, decl) = match decl.strip_prefix('!') {
                Some(d) => (true, d),
                None => (false, decl),
            };
            let (implicit, decl) = match decl.strip_prefix('@').and_then(|d| d.split_once(' ')) {
                Some((stream, d)) => (Some(stream.to_string()), d),
                None => (None, decl),
            };
            let (ctype, name) = match implicit {
                Some(_) => ("FILE *".to_string(), decl.trim().to_string()),
                // A variadic call's `...` (printf(3) and the rest: their boundary is C).
                None if decl.trim() == "..." => ("...".to_string(), "...".to_string()),
                None => split_decl(decl)?,
            };
            let echo_name = echo_name.unwrap_or_else(|| name.clone());
            let arg = Arg { ctype, same_type, name, echo_name, kind: kind.trim().into(), default };
            match implicit {
                Some(stream) => implied.push((stream, arg)),
                None => args.push(arg),
            }
        }
    }
    match ret_class.as_str() {
        "fd" | "zero" | "count" | "pointer" | "limit" | "string" | "pointer_errno" | "minus_one" | "all_ones" | "errno" => {}
        // stdio (issue 11): see the note at the top of this file.
        "eof" | "items" | "null_eof" | "void" | "indicator" | "pointer-void" => {}
        // getaddrinfo (issue 13): the result is the error code, 0 on success.
        "errcode" => {}
        other => return Err(format!("unknown result class {other}")),
    }
    Ok(Call { name: name.trim().into(), section: section.into(), ret_ctype, ret_class, args, perform, inline, implied, error_space })
}

/// Splits the RESULT column like a declaration, the class may hold a `-` (`FILE *pointer-void`).
fn split_result(decl: &str) -> Result<(String, String), String> {
    let decl = decl.trim();
    let at = decl.rfind([' ', '*']).ok_or_else(|| format!("{decl:?}: expected C-TYPE CLASS"))?;
    let (ctype, class) = (decl[..=at].trim().to_string(), decl[at + 1..].to_string());
    if ctype.is_empty() || class.is_empty() {
        return Err(format!("cannot split {decl:?} into type and result class"));
    }
    Ok((ctype, class))
}

/// Splits `const char *pathname` into (`const char *`, `pathname`).
fn split_decl(decl: &str) -> Result<(String, String), String> {
    let decl = decl.trim();
    let at = decl.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).ok_or_else(|| format!("{decl:?}"))?;
    let ctype = decl[..=at].trim().to_string();
    let name = decl[at + 1..].to_string();
    if ctype.is_empty() || name.is_empty() {
        return Err(format!("cannot split {decl:?} into type and name"));
    }
    Ok((ctype, name))
}
