//! getaddrinfo(3): every EAI_* code. EAI_NONAME (node and service both NULL, a name
//! where AI_NUMERICHOST or AI_NUMERICSERV allow only numbers, the host unknown: whether
//! /etc/hosts lists it and the nearest name it lists), EAI_NODATA and EAI_ADDRFAMILY
//! (no address, of the family), EAI_AGAIN and EAI_FAIL (the name servers of
//! /etc/resolv.conf and whether each answers now), EAI_SERVICE (the nearest name in
//! /etc/services, or the protocols it is listed for), EAI_FAMILY, EAI_SOCKTYPE,
//! EAI_BADFLAGS (the AI_ flags decoded), EAI_MEMORY, EAI_SYSTEM (the errno it left,
//! explained); a positive code is that errno (EAI_SYSTEM's, as libexplain's callers
//! pass it).

use crate::decode::netdb::*;
use crate::decode::{Text, TextState};
use crate::message::prose::{generic, netdb};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, node: &Text, service: &Text, hints: usize, _res: usize) {
    let h = read_hints(hints);
    let flags = h.map_or(0, |h| h.flags);
    let given = |t: &Text| t.state != TextState::Null;
    match errnum {
        EAI_NONAME if !given(node) && !given(service) => netdb::nothing_to_resolve(m),
        EAI_NONAME if given(node) && flags & AI_NUMERICHOST != 0 && !probe::netdb::is_numeric_host(node.bytes()) => {
            netdb::numeric_only(m, "node", node, "AI_NUMERICHOST")
        }
        EAI_NONAME if given(service) && flags & AI_NUMERICSERV != 0 && !probe::netdb::is_numeric_service(service.bytes()) => {
            netdb::numeric_only(m, "service", service, "AI_NUMERICSERV")
        }
        EAI_NONAME if given(node) => {
            netdb::unknown_host(m, node, &probe::netdb::hosts_entry(node.bytes()), probe::netdb::hosts_sources().as_ref())
        }
        EAI_NONAME => unknown_service(m, service, h),
        EAI_NODATA => netdb::no_address(m, node, None),
        EAI_ADDRFAMILY => netdb::no_address(m, node, h.map(|h| h.family)),
        EAI_AGAIN => netdb::name_servers(m, true, &probe::netdb::name_servers(true)),
        EAI_FAIL => netdb::name_servers(m, false, &probe::netdb::name_servers(true)),
        EAI_SERVICE => unknown_service(m, service, h),
        EAI_FAMILY => netdb::bad_family(m, h.as_ref()),
        EAI_SOCKTYPE => {
            let known = h.is_some_and(|h| matches!(h.socktype, 0 | libc::SOCK_STREAM | libc::SOCK_DGRAM | libc::SOCK_RAW));
            netdb::bad_socktype(m, h.as_ref(), known)
        }
        EAI_BADFLAGS => netdb::bad_flags(m, flags, unknown_ai_flags(flags), flags & AI_CANONNAME != 0 && !given(node)),
        EAI_MEMORY => generic::meaning(m, libc::ENOMEM),
        EAI_SYSTEM => netdb::system_error(m, crate::abi::errno()),
        _ => generic::meaning(m, errnum),
    }
}

fn unknown_service(m: &mut Message, service: &Text, h: Option<Hints>) {
    netdb::unknown_service(m, service, &probe::netdb::service_entry(service.bytes()), h.map_or(0, |h| h.socktype))
}
