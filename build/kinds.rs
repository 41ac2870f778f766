//! Reads src/decode/kinds.table: for each argument kind, the type the call file receives,
//! the echo function and the command-line parser.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

pub struct Kind {
    pub ty: String,
    pub echo: String,
    /// `Plain`, `OnlyIfCreating`, `CreationFlags`, `FcntlArg`, `FcntlCommand`, `IovArray`,
    /// `IovCount`, `MapFd` or `MapFlags` (crate::decode::Role).
    pub role: &'static str,
    pub parse: String,
    /// The value of a left-out argument (when its call declares none): `DEFAULT` column,
    /// else NULL for strings and 0 for numbers.
    pub default: String,
}

pub fn read(path: &Path) -> BTreeMap<String, Kind> {
    println!("cargo:rerun-if-changed={}", path.display());
    let mut kinds = BTreeMap::new();
    for (n, line) in fs::read_to_string(path).unwrap().lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        assert!((4..=5).contains(&cols.len()), "{}:{}: expected KIND TYPE ECHO PARSE [DEFAULT]", path.display(), n + 1);
        let default = match cols.get(4) {
            Some(d) if *d != "-" => d.to_string(),
            _ if cols[1] == "text" => "NULL".into(),
            _ => "0".into(),
        };
        let (echo, role) = if let Some(e) = cols[2].strip_suffix("?creat") {
            (e, "OnlyIfCreating")
        } else if let Some(e) = cols[2].strip_suffix("!flags") {
            (e, "CreationFlags")
        } else if let Some(e) = cols[2].strip_suffix("?fcntl") {
            (e, "FcntlArg")
        } else if let Some(e) = cols[2].strip_suffix("!fcntl") {
            (e, "FcntlCommand")
        } else if let Some(e) = cols[2].strip_suffix("?iov") {
            (e, "IovArray")
        } else if let Some(e) = cols[2].strip_suffix("!iov") {
            (e, "IovCount")
        } else if let Some(e) = cols[2].strip_suffix("?anon") {
            (e, "MapFd")
        } else if let Some(e) = cols[2].strip_suffix("!anon") {
            (e, "MapFlags")
        // creds (issue 12): a name given with its length (sethostname), `!len` the length.
        } else if let Some(e) = cols[2].strip_suffix("?len") {
            (e, "SizedName")
        } else if let Some(e) = cols[2].strip_suffix("!len") {
            (e, "NameSize")
        // ioctl: the request decides how its data is echoed.
        } else if let Some(e) = cols[2].strip_suffix("?ioctl") {
            (e, "IoctlData")
        } else if let Some(e) = cols[2].strip_suffix("!ioctl") {
            (e, "IoctlRequest")
        // Time, events and waiting: poll's array and its count,
        // select's sets and their nfds.
        } else if let Some(e) = cols[2].strip_suffix("?poll") {
            (e, "PollArray")
        } else if let Some(e) = cols[2].strip_suffix("!poll") {
            (e, "PollCount")
        } else if let Some(e) = cols[2].strip_suffix("?fdset") {
            (e, "FdSet")
        } else if let Some(e) = cols[2].strip_suffix("!fdset") {
            (e, "FdSetCount")
        } else if let Some(e) = cols[2].strip_suffix('&') {
            // sockets (issue 13): the echo reads the other arguments (Value::Related).
            (e, "Related")
        // processes: getpriority's which and who, getpgrp's and
        // setpgrp's arguments, which the echo leaves out when all are 0.
        } else if let Some(e) = cols[2].strip_suffix("!prio") {
            (e, "PriorityWhich")
        } else if let Some(e) = cols[2].strip_suffix("?prio") {
            (e, "PriorityWho")
        } else if let Some(e) = cols[2].strip_suffix("?zero") {
            (e, "HiddenWhenZero")
        } else {
            (cols[2], "Plain")
        };
        kinds.insert(cols[0].to_string(), Kind { ty: cols[1].into(), echo: echo.into(), role, parse: cols[3].into(), default });
    }
    kinds
}
