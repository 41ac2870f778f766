//! Name resolution (issue 13): what /etc/hosts, /etc/services and the name servers of
//! /etc/resolv.conf say about a name that could not be resolved.

use crate::decode::netdb::{Hints, AI_FAMILIES, AI_FLAGS, AI_SOCKTYPES};
use crate::decode::{name_of, write_bits, Text};
use crate::message::Message;
use crate::probe::netdb::{HostsAnswer, NameServers, ServiceAnswer, Word};
use crate::sys::netdb::ServerReply;

fn quoted_word(m: &mut Message, w: &Word) {
    m.quoted(w.as_bytes());
}

/// Neither a node nor a service was given.
pub fn nothing_to_resolve(m: &mut Message) {
    m.because();
    m.text("node and service are both NULL; at least one of them must name something to resolve");
}

/// A flag forbids the lookup the name would need: AI_NUMERICHOST with a host name,
/// AI_NUMERICSERV with a service name.
pub fn numeric_only(m: &mut Message, arg: &str, value: &Text, flag: &str) {
    m.because();
    let _ = core::fmt::write(m, format_args!("hints.ai_flags has {flag}, which allows only a number for {arg}, and {arg} "));
    m.quoted_text(value);
    m.text(" is a name");
}

/// EAI_NONAME, EAI_NODATA, HOST_NOT_FOUND: the name is unknown; what /etc/hosts says.
pub fn unknown_host(m: &mut Message, node: &Text, hosts: &HostsAnswer, sources: Option<&Word>) {
    m.because();
    m.text("no host named ");
    m.quoted_text(node);
    m.text(" is known");
    match (&hosts.address, hosts.readable) {
        (Some(addr), _) => {
            m.text(", although /etc/hosts lists it with the address ");
            quoted_word(m, addr);
            m.text(": the hosts line of /etc/nsswitch.conf decides whether that file is read");
            if let Some(s) = sources {
                m.text(" (it says ");
                quoted_word(m, s);
                m.text(")");
            }
        }
        (None, true) => {
            m.text(" to the name servers, and /etc/hosts does not list it");
            if let Some(near) = &hosts.nearest {
                m.text("; did you mean ");
                quoted_word(m, near);
                m.text(", which it lists?");
            }
        }
        (None, false) => m.text(" to the name servers, and /etc/hosts could not be read"),
    }
}

/// The host exists, with no address (of the family asked for).
pub fn no_address(m: &mut Message, node: &Text, family: Option<i32>) {
    m.because();
    m.text("the host ");
    m.quoted_text(node);
    m.text(" is known, but has no address");
    if let Some(f) = family.and_then(|f| name_of(AI_FAMILIES, f as i64)) {
        m.text(" in the family asked for (");
        m.text(f);
        m.text(")");
    }
}

/// EAI_AGAIN, EAI_FAIL, TRY_AGAIN, NO_RECOVERY: the name servers and whether each answers.
pub fn name_servers(m: &mut Message, temporary: bool, ns: &NameServers) {
    m.because();
    m.text(if temporary {
        "the name servers could not give an answer now (a later attempt may succeed)"
    } else {
        "the name servers answered with a permanent failure"
    });
    if !ns.readable {
        m.text("; /etc/resolv.conf could not be read, so the resolver asks a name server on this host (127.0.0.1)");
        return;
    }
    if ns.iter().next().is_none() {
        m.text("; /etc/resolv.conf names no name server, so the resolver asks one on this host (127.0.0.1)");
        return;
    }
    m.text("; /etc/resolv.conf names ");
    for (i, s) in ns.iter().enumerate() {
        if i > 0 {
            m.text(", ");
        }
        m.text("nameserver ");
        quoted_word(m, &s.address);
        match s.reply {
            Some(ServerReply::Answered) => m.text(" (it answers on port 53 now)"),
            Some(ServerReply::Refused) => m.text(" (nothing listens on its port 53: the query was refused)"),
            Some(ServerReply::Silent) => m.text(" (it did not answer a query on port 53 within 300 ms)"),
            Some(ServerReply::Unreachable(e)) => {
                m.text(" (it cannot be reached: ");
                m.error(e);
                m.text(")");
            }
            None => {}
        }
    }
}

/// EAI_SERVICE: the service is not in /etc/services, or not for this socket type.
pub fn unknown_service(m: &mut Message, service: &Text, s: &ServiceAnswer, socktype: i32) {
    m.because();
    m.text("the service ");
    m.quoted_text(service);
    if !s.readable {
        m.text(" is not a port number, and /etc/services, where service names are listed, could not be read (on Debian it comes with the netbase package)");
        return;
    }
    if s.tcp || s.udp || s.other {
        m.text(" is listed in /etc/services");
        if let Some(p) = s.port {
            let _ = core::fmt::write(m, format_args!(" (port {p})"));
        }
        m.text(" only for ");
        m.text(match (s.tcp, s.udp) {
            (true, false) => "TCP",
            (false, true) => "UDP",
            _ => "other protocols",
        });
        m.text(", and hints.ai_socktype asks for ");
        match name_of(AI_SOCKTYPES, socktype as i64) {
            Some(n) => m.text(n),
            None => m.number(socktype as i64),
        }
        return;
    }
    m.text(" is not a port number and is not listed in /etc/services");
    if let Some(near) = &s.nearest {
        m.text("; did you mean ");
        quoted_word(m, near);
        m.text("?");
    }
}

/// EAI_FAMILY: the family of the hints.
pub fn bad_family(m: &mut Message, h: Option<&Hints>) {
    m.because();
    match h {
        Some(h) => {
            m.text("hints.ai_family is ");
            match name_of(AI_FAMILIES, h.family as i64) {
                Some(n) => m.text(n),
                None => m.number(h.family as i64),
            }
            m.text(", and getaddrinfo resolves only for PF_UNSPEC, PF_INET and PF_INET6");
        }
        None => m.text("the address family asked for is not one getaddrinfo resolves (PF_UNSPEC, PF_INET, PF_INET6)"),
    }
}

/// EAI_SOCKTYPE: the socket type, or its combination with the protocol.
pub fn bad_socktype(m: &mut Message, h: Option<&Hints>, known: bool) {
    m.because();
    let Some(h) = h else { return m.text("the socket type asked for is not supported") };
    m.text("hints.ai_socktype is ");
    match name_of(AI_SOCKTYPES, h.socktype as i64) {
        Some(n) => m.text(n),
        None => m.number(h.socktype as i64),
    }
    if known {
        m.text(", which does not go with hints.ai_protocol ");
        m.number(h.protocol as i64);
    } else {
        m.text(", and getaddrinfo knows only SOCK_STREAM, SOCK_DGRAM and SOCK_RAW (or 0 for any)");
    }
}

/// EAI_BADFLAGS: the bits no flag has, or AI_CANONNAME without a node.
pub fn bad_flags(m: &mut Message, flags: i32, unknown: i32, canonname_without_node: bool) {
    m.because();
    m.text("hints.ai_flags (");
    write_bits(m, AI_FLAGS, flags as i64);
    if unknown != 0 {
        let _ = core::fmt::write(m, format_args!(") has bits no AI_ flag defines ({unknown:#x})"));
    } else if canonname_without_node {
        m.text(") has AI_CANONNAME, which needs a node name to find the canonical name of, and node is NULL");
    } else {
        m.text(") has a combination of flags this C library refuses");
    }
}

/// EAI_SYSTEM: the errno the call left, in its own words.
pub fn system_error(m: &mut Message, errnum: i32) {
    m.because();
    if errnum <= 0 {
        return m.text("a system call failed, and errno (which says which) was not available to the explanation");
    }
    m.text("a system call failed: ");
    m.error(errnum);
    // The limits behind the errors a resolver's opens and sockets meet.
    match errnum {
        libc::EMFILE => super::limits::too_many_open_files(m),
        libc::ENFILE => super::limits::too_many_files_in_system(m),
        _ => super::generic::meaning(m, errnum),
    }
}
