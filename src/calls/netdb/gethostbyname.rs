//! gethostbyname(3): its h_errno values, which libexplain takes as the errnum:
//! HOST_NOT_FOUND (whether /etc/hosts lists the name, the nearest name it lists),
//! TRY_AGAIN and NO_RECOVERY (the name servers of /etc/resolv.conf and whether each
//! answers now), NO_DATA (the host has no address); any other number as an errno.

use crate::decode::netdb::{HOST_NOT_FOUND, NO_DATA, NO_RECOVERY, TRY_AGAIN};
use crate::decode::{Text, TextState};
use crate::message::prose::{generic, netdb};
use crate::message::Message;
use crate::probe;

pub fn explain(m: &mut Message, errnum: i32, name: &Text) {
    match errnum {
        HOST_NOT_FOUND if name.state == TextState::Null => netdb::nothing_to_resolve(m),
        HOST_NOT_FOUND => netdb::unknown_host(m, name, &probe::netdb::hosts_entry(name.bytes()), probe::netdb::hosts_sources().as_ref()),
        TRY_AGAIN => netdb::name_servers(m, true, &probe::netdb::name_servers(true)),
        NO_RECOVERY => netdb::name_servers(m, false, &probe::netdb::name_servers(true)),
        NO_DATA => netdb::no_address(m, name, None),
        _ => generic::meaning(m, errnum),
    }
}
