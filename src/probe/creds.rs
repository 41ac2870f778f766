//! The process's credentials and the permission rules of path_resolution(7).

use crate::sys;
use core::cell::OnceCell;

pub const CAP_CHOWN: u32 = 0;
pub const CAP_DAC_OVERRIDE: u32 = 1;
pub const CAP_DAC_READ_SEARCH: u32 = 2;
pub const CAP_FOWNER: u32 = 3;
pub const CAP_SYS_CHROOT: u32 = 18;
pub const CAP_SYS_PACCT: u32 = 20;
pub const CAP_SYS_ADMIN: u32 = 21;
pub const CAP_SYS_RESOURCE: u32 = 24;
pub const CAP_MKNOD: u32 = 27;
// creds (issue 12): the credential calls.
pub const CAP_SETGID: u32 = 6;
pub const CAP_SETUID: u32 = 7;

/// The capabilities by number, as linux/capability.h names them (0 to CAP_LAST_CAP).
const CAPABILITY_NAMES: [&str; 41] = [
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_DAC_READ_SEARCH",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_LINUX_IMMUTABLE",
    "CAP_NET_BIND_SERVICE",
    "CAP_NET_BROADCAST",
    "CAP_NET_ADMIN",
    "CAP_NET_RAW",
    "CAP_IPC_LOCK",
    "CAP_IPC_OWNER",
    "CAP_SYS_MODULE",
    "CAP_SYS_RAWIO",
    "CAP_SYS_CHROOT",
    "CAP_SYS_PTRACE",
    "CAP_SYS_PACCT",
    "CAP_SYS_ADMIN",
    "CAP_SYS_BOOT",
    "CAP_SYS_NICE",
    "CAP_SYS_RESOURCE",
    "CAP_SYS_TIME",
    "CAP_SYS_TTY_CONFIG",
    "CAP_MKNOD",
    "CAP_LEASE",
    "CAP_AUDIT_WRITE",
    "CAP_AUDIT_CONTROL",
    "CAP_SETFCAP",
    "CAP_MAC_OVERRIDE",
    "CAP_MAC_ADMIN",
    "CAP_SYSLOG",
    "CAP_WAKE_ALARM",
    "CAP_BLOCK_SUSPEND",
    "CAP_AUDIT_READ",
    "CAP_PERFMON",
    "CAP_BPF",
    "CAP_CHECKPOINT_RESTORE",
];

/// The capability's name; "a capability" for a number this table does not know.
pub fn capability_name(cap: u32) -> &'static str {
    CAPABILITY_NAMES.get(cap as usize).copied().unwrap_or("a capability")
}

/// What limits the privileges a program may gain at execve(2), from /proc/self/status:
/// whether the process is traced, the bounding and inheritable capability sets, the
/// seccomp mode (2: a filter) and the no_new_privs bit.
#[derive(Clone, Copy, Default, Debug)]
pub struct ExecGuards {
    pub traced: bool,
    pub bounding: u64,
    pub inheritable: u64,
    pub seccomp: u8,
    pub no_new_privs: bool,
}

pub fn exec_guards() -> Option<ExecGuards> {
    let mut g = ExecGuards::default();
    let mut seen = false;
    super::lines::for_each_line(b"/proc/self/status", |line| {
        let value = |key: &[u8]| line.strip_prefix(key).map(|v| v.trim_ascii_start());
        if let Some(v) = value(b"TracerPid:") {
            g.traced = super::lines::number(v).is_some_and(|pid| pid != 0);
        } else if let Some(v) = value(b"CapInh:") {
            g.inheritable = super::lines::hex(v).unwrap_or(0);
        } else if let Some(v) = value(b"CapBnd:") {
            g.bounding = super::lines::hex(v).unwrap_or(0);
            seen = true;
        } else if let Some(v) = value(b"NoNewPrivs:") {
            g.no_new_privs = v.starts_with(b"1");
        } else if let Some(v) = value(b"Seccomp:") {
            g.seccomp = super::lines::number(v).unwrap_or(0) as u8;
            return false;
        }
        true
    })
    .ok()?;
    seen.then_some(g)
}

/// Who the kernel checks permissions for: effective ids, groups, capabilities.
#[derive(Clone)]
pub struct Creds {
    pub uid: u32,
    pub gid: u32,
    /// The supplementary groups and the capabilities, each asked of the kernel only when
    /// a permission decision needs it (most walks need neither; root's refusals need
    /// only the capabilities).
    groups: OnceCell<Groups>,
    caps: OnceCell<u64>,
    /// access(2)'s credentials: the real ids, and capabilities only for a real root.
    real: bool,
}

#[derive(Clone)]
struct Groups {
    list: [u32; 64],
    len: usize,
}

impl Creds {
    pub fn current() -> Creds {
        let (uid, gid) = sys::effective_ids();
        Creds { uid, gid, groups: OnceCell::new(), caps: OnceCell::new(), real: false }
    }

    /// The credentials access(2) checks with: the real user and group instead of the
    /// effective ones, and (unless the real user is root) no capabilities.
    pub fn real() -> Creds {
        Creds { uid: sys::uids().0, gid: sys::gids().0, groups: OnceCell::new(), caps: OnceCell::new(), real: true }
    }

    fn caps(&self) -> u64 {
        *self.caps.get_or_init(|| {
            if !self.real {
                sys::capabilities().unwrap_or(0)
            } else if self.uid == 0 {
                sys::capability_sets().map_or(0, |(_, permitted)| permitted)
            } else {
                0
            }
        })
    }

    /// Whether these are not the process's effective credentials (access(2) as a setuid
    /// program, say).
    pub fn differ_from_effective(&self) -> bool {
        (self.uid, self.gid) != sys::effective_ids()
    }

    pub fn has_cap(&self, cap: u32) -> bool {
        self.caps() & (1u64 << cap) != 0
    }

    /// The supplementary groups.
    pub fn groups(&self) -> &[u32] {
        let g = self.groups.get_or_init(|| {
            let mut g = Groups { list: [0; 64], len: 0 };
            g.len = sys::groups(&mut g.list);
            g
        });
        &g.list[..g.len]
    }

    pub fn in_group(&self, gid: u32) -> bool {
        self.gid == gid || self.groups().contains(&gid)
    }
}

/// Access wanted, as the rwx bits of one class.
pub const READ: u32 = 4;
pub const WRITE: u32 = 2;
pub const SEARCH: u32 = 1;

/// Which class of permission bits applied to the caller.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    Owner,
    Group,
    Other,
}

/// The facts behind one permission decision.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    pub granted: bool,
    pub class: Class,
    /// The rwx bits of the class that applied (0..7).
    pub bits: u32,
    pub wanted: u32,
    /// The capability that granted access over the bits, or that would have.
    pub cap: Option<u32>,
    pub cap_held: bool,
}

/// Decides `want` (READ/WRITE/SEARCH bits) on a file with `st` for `c`, the way the
/// kernel's generic_permission does (ACLs aside).
pub fn decide(st: &sys::Stat, want: u32, c: &Creds) -> Decision {
    let mode = st.st_mode;
    let class = if c.uid == st.st_uid {
        Class::Owner
    } else if c.in_group(st.st_gid) {
        Class::Group
    } else {
        Class::Other
    };
    let bits = match class {
        Class::Owner => (mode >> 6) & 7,
        Class::Group => (mode >> 3) & 7,
        Class::Other => mode & 7,
    };
    let by_bits = bits & want == want;
    let is_dir = mode & libc::S_IFMT == libc::S_IFDIR;
    // The capability that overrides: read/search by DAC_READ_SEARCH, anything else by
    // DAC_OVERRIDE (execute of a non-directory only when some x bit is set).
    // When the bits allow it the capabilities are not asked (nor fetched) at all.
    let reads = want & WRITE == 0 && (want & SEARCH == 0 || is_dir);
    let cap = if reads && (by_bits || c.has_cap(CAP_DAC_READ_SEARCH)) { CAP_DAC_READ_SEARCH } else { CAP_DAC_OVERRIDE };
    let cap_applies = cap != CAP_DAC_OVERRIDE || want & SEARCH == 0 || is_dir || mode & 0o111 != 0;
    // The capability is asked only when the bits refuse: it cannot change the answer otherwise.
    let cap_held = !by_bits && cap_applies && c.has_cap(cap);
    Decision { granted: by_bits || cap_held, class, bits, wanted: want, cap: Some(cap).filter(|_| cap_applies), cap_held }
}

/// The sticky-bit rule: in a sticky directory only the file's owner, the directory's
/// owner, or CAP_FOWNER may remove or rename the file.
pub fn sticky_denies(dir: &sys::Stat, file: &sys::Stat, c: &Creds) -> bool {
    dir.st_mode & libc::S_ISVTX != 0 && c.uid != file.st_uid && c.uid != dir.st_uid && !c.has_cap(CAP_FOWNER)
}
