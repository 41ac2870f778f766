//! The words after the call's name, made into its arguments: one word each, or several
//! for the kinds that take several (libexplain's command reads readv's array as the
//! (base, length) pairs that follow the descriptor, and two times as two words); a
//! left-out argument takes its default.

use super::parse::{buffer, Parsed};
use super::Command;

/// The arguments, or what is wrong with the words (naming the argument).
pub fn arguments(cmd: &Command, given: &[String]) -> Result<Vec<Parsed>, String> {
    let words: Vec<&str> = given.iter().map(String::as_str).collect();
    // A default written `&?` (strtol's endptr) is a buffer of the command's own, and the
    // argument is read from the command line only when every argument is given, as
    // libexplain's command reads `strtol 12 16` as nptr and base.
    let all_given = words.len() >= cmd.args.len();
    let mut parsed: Vec<Parsed> = Vec::with_capacity(cmd.args.len());
    let mut at = 0;
    for param in cmd.args {
        // argv: the program's name (the first argument) and all that is left (the exec
        // calls, as libexplain's command takes them).
        if param.default == super::parse::REST_OF_LINE {
            let mut rest: Vec<String> = vec![words.first().map_or(String::new(), |w| w.to_string())];
            rest.extend(words[at.min(words.len())..].iter().map(|w| w.to_string()));
            at = words.len();
            parsed.push(super::parse::argv(&rest).map_err(|what| format!("{} argument ({}): expected {what}", cmd.name, param.name))?);
            continue;
        }
        if param.default == "&?" && !all_given {
            parsed.push(buffer());
            continue;
        }
        let rest = &words[at.min(words.len())..];
        let text = match rest.first() {
            Some(&t) => t,
            None => {
                parsed.push(default(param, parsed.last())?);
                continue;
            }
        };
        // A name whose length is given too is an address (`sethostname 0x1000 100`), as
        // libexplain's command reads it; given alone it is the string.
        if param.default == "strlen" && at > 0 {
            match super::parse::pointer(words[at - 1]) {
                Ok(p) => *parsed.last_mut().unwrap() = p,
                Err(what) => return Err(format!("{} argument {at} = {:?}: expected {what} when the length is given", cmd.name, words[at - 1])),
            }
        }
        let result = match param.words {
            Some(several) => several(rest).map(|(p, n)| (p, n.max(1))),
            None => (param.parse)(text).map(|p| (p, 1)),
        };
        match result {
            Ok((p, n)) => {
                parsed.push(p);
                at += n;
            }
            Err(what) => {
                let what = if what.starts_with("unknown") { what } else { format!("expected {what}") };
                return Err(format!("{} argument {} ({}) = {text:?}: {what}", cmd.name, at + 1, param.name));
            }
        }
    }
    if at < words.len() {
        return Err(format!("{} takes at most {} {} ({}), {} given", cmd.name, cmd.args.len(), plural(cmd.args.len()), names(cmd), words.len()));
    }
    Ok(parsed)
}

/// A left-out argument.
fn default(param: &super::Param, previous: Option<&Parsed>) -> Result<Parsed, String> {
    Ok(match param.default {
        "&" | "&?" => buffer(),
        // A left-out pointer is the null pointer, even where a NULL given on the command
        // line is the string "NULL" (libexplain's command reads it so).
        "NULL" => Parsed::Null,
        // The length of the string argument before it (sethostname's name_size, as
        // libexplain's command takes `sethostname NAME`).
        "strlen" => Parsed::Number(match previous {
            Some(Parsed::Str(s)) => s.as_bytes().len() as i64,
            _ => 0,
        }),
        // The number of (base, length) pairs of the array before it (readv's count).
        "#" => Parsed::Number(match previous {
            Some(Parsed::Words(w)) => (w.len() / 2) as i64,
            _ => 0,
        }),
        d => {
            // A default written in quotes (`""`) is that string: the command takes strings
            // as written, so the quotes are the table's, not the user's.
            let d = d.strip_prefix('"').and_then(|d| d.strip_suffix('"')).unwrap_or(d);
            match param.words {
                // Several words are written with commas: `UTIME_OMIT,UTIME_OMIT`.
                Some(several) => several(&d.split(',').collect::<Vec<_>>()).map(|(p, _)| p)?,
                None => (param.parse)(d)?,
            }
        }
    })
}

pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        "argument"
    } else {
        "arguments"
    }
}

pub fn names(cmd: &Command) -> String {
    cmd.args.iter().map(|p| p.name).collect::<Vec<_>>().join(", ")
}
