//! Writes the Rust source of the C boundary: six functions per call, and the command table.

use super::kinds::Kind;
use super::table::{Arg, Call};
use std::collections::BTreeMap;

type Kinds = BTreeMap<String, Kind>;
use std::fmt::Write as _;

/// C types that libc does not define; src/sys/acl.rs declares them under the same name,
/// which is the name cbindgen prints (the header includes <sys/acl.h> for them).
const OWN_TYPES: &[&str] = &["acl_t", "acl_type_t"];

/// An argument name as a Rust identifier: C names that are Rust keywords (`type`) are raw.
fn id(name: &str) -> String {
    match name {
        // A variadic call's `...` reaches Rust as the cursor of src/abi/format_cursor.h.
        "..." => "args".to_string(),
        "type" | "ref" | "match" | "mod" | "move" | "fn" | "impl" | "in" | "loop" | "self" | "use" | "where" => format!("r#{name}"),
        _ => name.to_string(),
    }
}

/// The Rust spelling of a C type as the table writes it.
fn rust_type(ctype: &str) -> String {
    // The variadic family (build/variadic.rs): `...` and a va_list arrive as the C
    // side's cursor over the arguments (src/abi/format_cursor.h).
    if ctype == "..." || ctype == "va_list" {
        return "*mut c_void".to_string();
    }
    let t = ctype.replace(" *", "*").replace("* ", "*");
    // processes: execve's `char *const *argv`, a pointer to const
    // pointers to char (cbindgen writes `*const *mut c_char` back as that C type).
    if let Some(inner) = t.strip_suffix("*const*") {
        return format!("*const {}", rust_type(&format!("{inner}*")));
    }
    let (is_const, base) = match t.strip_prefix("const ") {
        Some(rest) => (true, rest.to_string()),
        None => (false, t.clone()),
    };
    let depth = base.matches('*').count();
    let base = base.trim_end_matches('*').trim();
    let named = match base {
        "char" => "c_char".to_string(),
        "void" => "c_void".to_string(),
        "int" => "c_int".to_string(),
        "unsigned int" | "unsigned" => "c_uint".to_string(),
        "long" => "c_long".to_string(),
        "unsigned long" => "c_ulong".to_string(),
        "long long" => "c_longlong".to_string(),
        "unsigned long long" => "c_ulonglong".to_string(),
        "double" => "c_double".to_string(),
        "float" => "c_float".to_string(),
        // Struct tags name C types: libc's, or the few libc lacks (struct ustat),
        // defined in crate::sys::ctypes, which re-exports the rest of libc.
        // Types of other libraries' headers (libacl's), declared in src/sys.
        other if OWN_TYPES.contains(&other) => format!("crate::sys::acl::{other}"),
        other => match other.strip_prefix("struct ") {
            Some(s) => format!("crate::sys::ctypes::{s}"),
            None => format!("libc::{other}"),
        },
    };
    let mut out = named;
    for level in 0..depth {
        // Only the innermost pointer carries the const of `const T *`.
        let q = if level == 0 && is_const { "*const " } else { "*mut " };
        out = format!("{q}{out}");
    }
    out
}

/// The type an explain_* function takes for this argument: explaining never writes
/// through a pointer, so libexplain declares every pointee const there.
pub fn explain_ctype(a: &Arg) -> String {
    if a.ctype.contains('*') && !a.ctype.starts_with("const ") && !a.same_type {
        format!("const {}", a.ctype)
    } else {
        a.ctype.clone()
    }
}

fn kind<'a>(kinds: &'a Kinds, a: &Arg) -> &'a Kind {
    kinds.get(&a.kind).unwrap_or_else(|| panic!("argument {}: unknown kind {} (see src/decode/kinds.table)", a.name, a.kind))
}

/// The statement that binds `var` to what the call file receives for the raw C argument.
/// A string is copied into a slot on the caller's stack: a Text is 4 KiB, and returning
/// it by value costs a memcpy of all of it on every explanation.
fn convert(kinds: &Kinds, a: &Arg, var: &str) -> String {
    let n = &id(&a.name);
    match kind(kinds, a).ty.as_str() {
        "text" => format!(
            "let mut {var}_slot = core::mem::MaybeUninit::uninit();\n    let {var} = crate::decode::Text::copy_into(&mut {var}_slot, {n} as usize);"
        ),
        // The variadic arguments, taken from the cursor as the format (converted before
        // them into a Text named `format`) says; `varargs_hidden` is echoed as `...`.
        ty @ ("varargs" | "varargs_hidden") => format!(
            "let mut {var}_slot = core::mem::MaybeUninit::uninit();\n    let {var} = crate::decode::format::Items::fetch_into(&mut {var}_slot, format, {n} as usize, {});",
            ty == "varargs"
        ),
        ty => format!("let {var} = {n} as {ty};"),
    }
}

/// The echo of the argument in the message's first part.
fn value(kinds: &Kinds, a: &Arg) -> String {
    let n = &id(&a.name);
    let k = kind(kinds, a);
    let v = match k.ty.as_str() {
        "text" if k.echo == "address_if_efault" => format!("crate::decode::Value::AddressIfEfault(&{n})"),
        "text" => format!("crate::decode::Value::Text(&{n})"),
        "varargs" | "varargs_hidden" => format!("crate::decode::Value::Items({n})"),
        // sockets (issue 13): an echo that reads the call's other arguments.
        _ if k.role == "Related" => format!("crate::decode::Value::Related {{ value: {n} as i64, echo: crate::decode::{} }}", k.echo),
        _ => format!(
            "crate::decode::Value::Number {{ value: {n} as i64, echo: crate::decode::{}, role: crate::decode::Role::{} }}",
            k.echo, k.role
        ),
    };
    format!("crate::decode::Arg {{ name: {:?}, value: {v} }}", a.echo_name)
}

fn params(args: &[Arg], explain: bool) -> String {
    args.iter()
        .map(|a| {
            let t = if explain { explain_ctype(a) } else { a.ctype.clone() };
            format!("{}: {}", id(&a.name), rust_type(&t))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn names(args: &[Arg]) -> String {
    args.iter().map(|a| id(&a.name)).collect::<Vec<_>>().join(", ")
}

/// The call as C performs it; variadic arguments need their promoted type spelled out.
fn perform(c: &Call, kinds: &Kinds) -> String {
    let args: Vec<String> = c
        .args
        .iter()
        .map(|a| match kind(kinds, a).role {
            "OnlyIfCreating" => format!("{} as libc::c_uint", id(&a.name)),
            // A mode_t is a c_uint: spelled out, it also passes openat's variadic mode.
            _ if a.ctype == "mode_t" => format!("{} as libc::c_uint", id(&a.name)),
            "FcntlArg" => format!("{} as libc::c_long", id(&a.name)),
            _ => format!("{} as _", id(&a.name)),
        })
        .collect();
    match c.perform.as_deref() {
        Some(path) if path.contains("::") => format!("{path}({})", args.join(", ")),
        Some(f) => format!("crate::perform::{f}({})", args.join(", ")),
        None => format!("libc::{}({})", c.name, args.join(", ")),
    }
}

/// The stream argument of a stdio call, as a usize expression (stdin for getchar).
fn stream_arg(c: &Call) -> String {
    if let Some((stream, _)) = c.implied.first() {
        return format!("crate::sys::stream::{stream}_addr()");
    }
    match c.args.iter().find(|a| a.kind == "stream") {
        Some(a) => format!("{} as usize", id(&a.name)),
        None => "crate::sys::stream::stdin_addr()".to_string(),
    }
}

fn failed(c: &Call) -> String {
    let fp = stream_arg(c);
    match c.ret_class.as_str() {
        // stdio (issue 11): the stream's error indicator tells a failure from the end of
        // the file; it is read without following a freed stream.
        "eof" => return format!("result == libc::EOF && crate::sys::stream::error_indicator({fp})"),
        "items" => return format!("result < nmemb && crate::sys::stream::error_indicator({fp})"),
        "null_eof" => return format!("result.is_null() && crate::sys::stream::error_indicator({fp})"),
        "void" => return "crate::abi::errno() != 0".to_string(),
        "indicator" => return "result != 0".to_string(),
        "pointer-void" => return "result.is_null()".to_string(),
        _ => {}
    }
    match c.ret_class.as_str() {
        "pointer" => "result.is_null()",
        // -1 is also the answer "no limit": only a changed errno makes it a failure.
        "limit" => "result == -1 && crate::abi::errno() != 0",
        // SAFETY (in the generated code): a non-NULL result is the caller's template.
        "string" => "result.is_null() || unsafe { *result } == 0",
        // NULL is also the end of the stream: only a NULL that set errno is a failure.
        "pointer_errno" => "result.is_null() && crate::abi::errno() != 0",
        "minus_one" => "result == -1",
        // (T)-1: MAP_FAILED, (size_t)-1, (iconv_t)-1.
        "all_ones" => "result as usize == usize::MAX",
        // Nothing in the result tells: errno, cleared before the call, does.
        "errno" => "crate::abi::errno() != 0",
        _ => "result < 0",
    }
    .to_string()
}

/// What runs around the call, ending with `failed` set. For the results told from
/// success by errno (`limit`, `pointer_errno`), errno is cleared first and the caller's
/// put back when the call did not set one.
fn perform_block(c: &Call, call: &str) -> String {
    let fail = failed(c);
    if matches!(c.ret_class.as_str(), "limit" | "pointer_errno" | "errno" | "void") {
        // A void call (setbuf) has no result to look at.
        let result = if c.ret_class == "void" { "_result" } else { "result" };
        format!(
            "let saved = crate::abi::errno();\n\
             \x20   crate::abi::set_errno(0);\n\
             \x20   // SAFETY: the caller's arguments, passed on unchanged as C would.\n\
             \x20   let {result} = unsafe {{ {call} }};\n\
             \x20   let failed = {fail};\n\
             \x20   if !failed && crate::abi::errno() == 0 {{\n\
             \x20       crate::abi::set_errno(saved);\n\
             \x20   }}"
        )
    } else {
        format!(
            "// SAFETY: the caller's arguments, passed on unchanged as C would.\n\
             \x20   let result = unsafe {{ {call} }};\n\
             \x20   let failed = {fail};"
        )
    }
}

pub fn extern_functions(calls: &[(String, Call)], kinds: &Kinds) -> String {
    let mut s = String::from(
        "// Generated by build.rs from src/calls/*/calls.in; do not edit.\n\
         // The C boundary: six functions per call, each guarded by src/abi.\n\n",
    );
    for (family, c) in calls {
        let n = &c.name;
        let man = format!("{}({})", c.name, c.section);
        let ep = params(&c.args, true);
        let cp = params(&c.args, false);
        let sep = if c.args.is_empty() { "" } else { ", " };
        let ret = rust_type(&c.ret_ctype);
        let argnames = names(&c.args);

        // The body: convert, then echo and explain the converted arguments.
        let typed: Vec<String> = c
            .args
            .iter()
            .map(|a| match kind(kinds, a).ty.as_str() {
                "text" => format!("{}: &crate::decode::Text", id(&a.name)),
                "varargs" | "varargs_hidden" => format!("{}: &crate::decode::format::Items", id(&a.name)),
                ty => format!("{}: {ty}", id(&a.name)),
            })
            .collect();
        writeln!(s, "fn body_{n}(m: &mut crate::message::Message, errnum: i32{sep}{ep}) {{").unwrap();
        for a in &c.args {
            writeln!(s, "    {}", convert(kinds, a, &id(&a.name))).unwrap();
        }
        writeln!(s, "    explained_{n}(m, errnum{sep}{});\n}}\n", names(&c.args)).unwrap();
        writeln!(s, "fn explained_{n}(m: &mut crate::message::Message, errnum: i32{sep}{}) {{", typed.join(", ")).unwrap();
        let mut vals: Vec<String> = c.args.iter().map(|a| value(kinds, a).replace("Value::Text(&", "Value::Text(")).collect();
        // stdio: the stream used implicitly (putchar's stdout) is echoed and explained too.
        let mut pass = names(&c.args);
        for (stream, a) in &c.implied {
            writeln!(s, "    let {} = crate::sys::stream::{stream}_addr();", id(&a.name)).unwrap();
            vals.push(value(kinds, a));
            pass = if pass.is_empty() { id(&a.name) } else { format!("{pass}, {}", id(&a.name)) };
        }
        let sep = if pass.is_empty() { "" } else { ", " };
        // errno 0 is not a failure: the echo says "success" and there is nothing to explain.
        match &c.error_space {
            // Name resolution (issue 13): the error part from the call's own codes.
            Some(space) => writeln!(s, "    m.call_with_error({n:?}, &[{}], errnum, crate::decode::netdb::write_{space}_error);", vals.join(", ")).unwrap(),
            None => writeln!(s, "    m.call({n:?}, &[{}], errnum);", vals.join(", ")).unwrap(),
        }
        writeln!(s, "    if errnum == 0 {{\n        return;\n    }}").unwrap();
        writeln!(s, "    crate::calls::{family}::{n}::explain(m, errnum{sep}{pass});\n}}\n").unwrap();
        let sep = if c.args.is_empty() { "" } else { ", " };

        let body = format!("&mut |m| body_{n}(m, errnum{sep}{argnames})");
        // `...` and va_list: the six functions are C (build/variadic.rs), which calls this.
        if c.is_variadic() {
            writeln!(s,
                "/// The explanation behind the C functions of {man} (build/variadic.rs): `how` says\n\
                 /// where it goes (crate::abi::deliver). Internal.\n///\n\
                 /// cbindgen:ignore\n\
                 #[no_mangle]\n\
                 pub unsafe extern \"C\" fn libexplain_rs_{n}(how: c_int, message: *mut c_char, message_size: c_int, errnum: c_int{sep}{ep}) -> *const c_char {{\n\
                 \x20   // SAFETY: the C side passes the caller's buffer (or NULL) and arguments.\n\
                 \x20   unsafe {{ crate::abi::deliver(how, {n:?}, message, message_size, errnum, {body}) }}\n}}\n").unwrap();
            continue;
        }
        // getaddrinfo (issue 13): the code is the result; libexplain's four forms.
        if c.ret_class == "errcode" {
            errcode_functions(&mut s, c, &man, &body, &ep, &cp, &perform(c, kinds));
            continue;
        }
        // A call that fails by overwriting its string argument (mktemp empties the
        // template) is explained from a copy taken before the call.
        let (before, after_body) = if c.ret_class == "string" {
            let copies: String =
                c.args.iter().map(|a| format!("    {}\n", convert(kinds, a, &format!("before_{}", a.name)))).collect();
            let pass: Vec<String> = c.args.iter().map(|a| format!("before_{}", a.name)).collect();
            (copies, format!("&mut |m| explained_{n}(m, errnum{sep}{})", pass.join(", ")))
        } else {
            (String::new(), body.clone())
        };
        writeln!(s,
            "/// Explains why {man} failed with the current `errno`.\n///\n\
             /// Returns a pointer to the library's one shared buffer, overwritten by the next\n\
             /// explain call from any thread: not thread-safe. From threads use\n\
             /// `explain_message_{n}` with a buffer of your own. `errno` is left unchanged.\n\
             #[no_mangle]\n#[must_use]\n\
             pub unsafe extern \"C\" fn explain_{n}({ep}) -> *const c_char {{\n\
             \x20   let errnum = crate::abi::errno();\n\
             \x20   crate::abi::into_shared_buffer({n:?}, errnum, {body})\n}}\n").unwrap();
        writeln!(s,
            "/// Explains why {man} failed with the error `errnum`.\n///\n\
             /// Returns a pointer to the library's one shared buffer: not thread-safe; from\n\
             /// threads use `explain_message_errno_{n}`. `errno` is left unchanged.\n\
             #[no_mangle]\n#[must_use]\n\
             pub unsafe extern \"C\" fn explain_errno_{n}(errnum: c_int{sep}{ep}) -> *const c_char {{\n\
             \x20   crate::abi::into_shared_buffer({n:?}, errnum, {body})\n}}\n").unwrap();
        writeln!(s,
            "/// Writes into `message` (of `message_size` bytes, always NUL-terminated when the\n\
             /// size is at least 1) why {man} failed with the current `errno`. Thread-safe.\n\
             #[no_mangle]\n\
             pub unsafe extern \"C\" fn explain_message_{n}(message: *mut c_char, message_size: c_int{sep}{ep}) {{\n\
             \x20   let errnum = crate::abi::errno();\n\
             \x20   // SAFETY: the caller passes a buffer of message_size bytes (or NULL).\n\
             \x20   unsafe {{ crate::abi::into_caller_buffer({n:?}, message, message_size, errnum, {body}) }}\n}}\n").unwrap();
        writeln!(s,
            "/// Writes into `message` (of `message_size` bytes, always NUL-terminated when the\n\
             /// size is at least 1) why {man} failed with the error `errnum`. Thread-safe.\n\
             #[no_mangle]\n\
             pub unsafe extern \"C\" fn explain_message_errno_{n}(message: *mut c_char, message_size: c_int, errnum: c_int{sep}{ep}) {{\n\
             \x20   // SAFETY: the caller passes a buffer of message_size bytes (or NULL).\n\
             \x20   unsafe {{ crate::abi::into_caller_buffer({n:?}, message, message_size, errnum, {body}) }}\n}}\n").unwrap();

        // long double has no Rust type: those two are C (src/abi/long_double.c), which
        // calls `failed_NAME` below to print the explanation.
        if c.ret_ctype == "long double" {
            writeln!(s,
                "/// Prints why {man} failed with `errnum` (exiting when `die` is non-zero): the\n\
                 /// C `_or_die`/`_on_error` of src/abi/long_double.c call it. Internal.\n///\n\
                 /// cbindgen:ignore\n\
                 #[no_mangle]\n\
                 pub unsafe extern \"C\" fn libexplain_rs_failed_{n}(errnum: c_int, die: c_int{sep}{ep}) {{\n\
                 \x20   if die != 0 {{\n\
                 \x20       crate::abi::print_and_exit({n:?}, errnum, {body});\n\
                 \x20   }}\n\
                 \x20   crate::abi::print({n:?}, errnum, {body});\n}}\n").unwrap();
            continue;
        }
        let call = perform_block(c, &perform(c, kinds));
        // gethostbyname (issue 13): the error is in h_errno; errno is put back after
        // printing, since print leaves the explained code in it.
        let (errnum_of, restore) = match c.error_space.as_deref() {
            Some("h_errno") => ("crate::sys::netdb::h_errno()", "\n        crate::abi::set_errno(saved);"),
            _ => ("crate::abi::errno()", ""),
        };
        let save = if restore.is_empty() { "" } else { "\n        let saved = crate::abi::errno();" };
        let die_void = matches!(c.ret_class.as_str(), "zero" | "void" | "indicator" | "pointer-void");
        let (die_ret, die_tail) = if die_void { (String::new(), "") } else { (format!(" -> {ret}"), "\n    result") };
        // A void call (setbuf) returns nothing from _on_error either.
        let (err_ret, err_tail) = if c.ret_class == "void" { (String::new(), "") } else { (format!(" -> {ret}"), "\n    result") };
        let must_use = if c.ret_class == "void" { "" } else { "#[must_use]\n" };
        // stdio: a form that is static inline in the header (getc, putc) performs the
        // call there, and calls this on failure.
        for form in c.inline.iter().filter(|f| *f != "exported") {
            let (verb, print) = if form == "or_die" { ("exits", "print_and_exit") } else { ("returns", "print") };
            writeln!(s,
                "/// Prints why {man} failed with the current `errno` (through the registered\n\
                 /// output) and {verb}: called on failure by the inline `explain_{n}_{form}` of\n\
                 /// <libexplain/{n}.h>, which performs the call. `errno` is left unchanged.\n\
                 #[no_mangle]\n\
                 pub unsafe extern \"C\" fn explain_{n}_{form}_failed({cp}) {{\n\
                 \x20   let errnum = crate::abi::errno();\n\
                 \x20   crate::abi::{print}({n:?}, errnum, {body});\n}}\n").unwrap();
        }
        let inline = |form: &str| c.inline.iter().any(|f| f == form);
        if !inline("or_die") || inline("exported") {
        writeln!(s,
            "/// Calls {man}; on failure prints why (through the registered output, by default\n\
             /// stderr with the program name) and exits with `EXIT_FAILURE`.\n\
             #[no_mangle]\n\
             pub unsafe extern \"C\" fn explain_{n}_or_die({cp}){die_ret} {{\n\
             {before}\
             \x20   {call}\n\
             \x20   if failed {{\n\
             \x20       let errnum = {errnum_of};\n\
             \x20       crate::abi::print_and_exit({n:?}, errnum, {after_body});\n\
             \x20   }}{die_tail}\n}}\n").unwrap();
        }
        if inline("on_error") {
            continue;
        }
        writeln!(s,
            "/// Calls {man}; on failure prints why (through the registered output) and returns\n\
             /// the call's own result with `errno` as the call left it.\n\
             #[no_mangle]\n{must_use}\
             pub unsafe extern \"C\" fn explain_{n}_on_error({cp}){err_ret} {{\n\
             {before}\
             \x20   {call}\n\
             \x20   if failed {{{save}\n\
             \x20       let errnum = {errnum_of};\n\
             \x20       crate::abi::print({n:?}, errnum, {after_body});{restore}\n\
             \x20   }}{err_tail}\n}}\n").unwrap();
    }
    s
}

/// The `explain` command's table: each call's argument names and kinds, and a function
/// that passes parsed arguments to the call's thread-safe explain function.
pub fn command_table(calls: &[(String, Call)], kinds: &Kinds) -> String {
    let mut s = String::from("// Generated by build.rs from src/calls/*/calls.in; do not edit.\n\n");
    s.push_str("pub static COMMANDS: &[Command] = &[\n");
    // Debian's explain command knows no printf-style call (their arguments follow a
    // format); nor does ours.
    // execlp is variadic, but its `...` is a list of strings the
    // command can build: it is in the table without its `...`.
    let calls: Vec<&(String, Call)> = calls.iter().filter(|(_, c)| !c.is_variadic() || super::variadic::is_gathered(c)).collect();
    for (_, c) in &calls {
        let args: Vec<String> = c
            .args
            .iter()
            .filter(|a| a.ctype != "...")
            .map(|a| {
                let k = kind(kinds, a);
                // `NAME+`: parse::NAME reads one word, parse::NAME_words several.
                let (parse, words) = match k.parse.strip_suffix('+') {
                    Some(p) => (p.to_string(), format!("Some(crate::cli::parse::{p}_words)")),
                    None => (k.parse.clone(), "None".to_string()),
                };
                format!(
                    "Param {{ name: {:?}, declared_default: {}, default: {:?}, parse: crate::cli::parse::{parse}, words: {words} }}",
                    a.name,
                    a.default.is_some(),
                    a.default.as_deref().unwrap_or(&k.default),
                )
            })
            .collect();
        writeln!(s, "    Command {{ name: {:?}, args: &[{}], run: run_{} }},", c.name, args.join(", "), c.name).unwrap();
    }
    s.push_str("];\n\n");
    for (_, c) in calls.iter().filter(|(_, c)| super::variadic::is_gathered(c)) {
        // The command's argv (the `&argv` default: the file name, then the rest of the
        // line) is arg's; the strings after it are the `...`.
        writeln!(s,
            "fn run_{n}(buf: &mut [u8], errnum: i32, a: &[Parsed]) {{\n\
             \x20   // Only the argv parser's NULL-ended array is followed; anything else is no list.\n\
             \x20   let (first, rest) = match &a[1] {{\n\
             \x20       Parsed::Words(w) if !w.is_empty() => {{\n\
             \x20           let list = w.as_ptr() as *const *const c_char;\n\
             \x20           // SAFETY: the array has at least one word; the rest follow it.\n\
             \x20           unsafe {{ (*list, list.add(1)) }}\n\
             \x20       }}\n\
             \x20       _ => (core::ptr::null(), core::ptr::null()),\n\
             \x20   }};\n\
             \x20   // SAFETY: the command's own strings and NULL-ended array, alive for the call.\n\
             \x20   unsafe {{ crate::abi::boundary::libexplain_rs_{n}(1, buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, errnum, a[0].pointer(), first, rest as *mut _) }};\n}}\n",
            n = c.name).unwrap();
    }
    for (_, c) in calls.iter().filter(|(_, c)| !c.is_variadic()) {
        let pass: Vec<String> = c
            .args
            .iter()
            .enumerate()
            .map(|(i, a)| match kind(kinds, a).ty.as_str() {
                "text" | "usize" if a.ctype.contains('*') => format!("a[{i}].pointer() as _"),
                "text" => format!("a[{i}].pointer() as _"),
                _ => format!("a[{i}].number() as _"),
            })
            .collect();
        let sep = if c.args.is_empty() { "" } else { ", " };
        let a = if c.args.is_empty() { "_a" } else { "a" };
        writeln!(s,
            "fn run_{n}(buf: &mut [u8], errnum: i32, {a}: &[Parsed]) {{\n\
             \x20   // SAFETY: strings are NUL-terminated and outlive the call; other pointers are\n\
             \x20   // only echoed and checked, never dereferenced without a probe.\n\
             \x20   unsafe {{ crate::abi::boundary::explain_message_{form}_{n}(buf.as_mut_ptr() as *mut c_char, buf.len() as c_int, errnum{sep}{}) }}\n}}\n",
            pass.join(", "), n = c.name, form = if c.ret_class == "errcode" { "errcode" } else { "errno" }).unwrap();
    }
    s
}

/// libexplain's four functions of a call that returns its error code (getaddrinfo(3),
/// issue 13): explain_errcode_NAME, explain_message_errcode_NAME, and _or_die and
/// _on_error, which take the code from the result (EAI_SYSTEM: from errno).
fn errcode_functions(s: &mut String, c: &Call, man: &str, body: &str, ep: &str, cp: &str, call: &str) {
    let n = &c.name;
    let sep = if c.args.is_empty() { "" } else { ", " };
    writeln!(s,
        "/// Explains why {man} failed with the code `errnum` it returned (an EAI_* code, or\n\
         /// for EAI_SYSTEM the errno it left).\n///\n\
         /// Returns a pointer to the library's one shared buffer: not thread-safe; from\n\
         /// threads use `explain_message_errcode_{n}`. `errno` is left unchanged.\n\
         #[no_mangle]\n#[must_use]\n\
         pub unsafe extern \"C\" fn explain_errcode_{n}(errnum: c_int{sep}{ep}) -> *const c_char {{\n\
         \x20   crate::abi::into_shared_buffer({n:?}, errnum, {body})\n}}\n").unwrap();
    writeln!(s,
        "/// Writes into `message` (of `message_size` bytes, always NUL-terminated when the\n\
         /// size is at least 1) why {man} failed with the code `errcode`. Thread-safe.\n\
         #[no_mangle]\n\
         pub unsafe extern \"C\" fn explain_message_errcode_{n}(message: *mut c_char, message_size: c_int, errcode: c_int{sep}{ep}) {{\n\
         \x20   let errnum = errcode;\n\
         \x20   // SAFETY: the caller passes a buffer of message_size bytes (or NULL).\n\
         \x20   unsafe {{ crate::abi::into_caller_buffer({n:?}, message, message_size, errnum, {body}) }}\n}}\n").unwrap();
    for (form, verb, print, ret, tail, restore) in [
        ("or_die", "exits with `EXIT_FAILURE`", "print_and_exit", "", "", ""),
        ("on_error", "returns its result with `errno` as the call left it", "print", " -> c_int", "\n    result", "\n        crate::abi::set_errno(saved);"),
    ] {
        let must_use = if ret.is_empty() { "" } else { "#[must_use]\n" };
        writeln!(s,
            "/// Calls {man}; when it fails prints why (through the registered output) and {verb}.\n\
             #[no_mangle]\n{must_use}\
             pub unsafe extern \"C\" fn explain_{n}_{form}({cp}){ret} {{\n\
             \x20   // SAFETY: the caller's arguments, passed on unchanged as C would.\n\
             \x20   let result = unsafe {{ {call} }};\n\
             \x20   if result != 0 {{\n\
             \x20       let saved = crate::abi::errno();\n\
             \x20       let errnum = crate::decode::netdb::errcode(result, saved);\n\
             \x20       crate::abi::{print}({n:?}, errnum, {body});{restore}\n\
             \x20   }}{tail}\n}}\n").unwrap();
    }
}
