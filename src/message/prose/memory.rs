//! Memory: allocations refused (ENOMEM with the limit that refused them), mappings and
//! System V shared memory segments. Written without the heap: these explain a process
//! that has none left.

use crate::decode::memory::{write_human_size, write_prot};
use crate::message::prose::ids;
use crate::message::Message;
use crate::probe::vm::{Culprit, Memory, Segment, ShmLimits};
use core::fmt::Write as _;

/// `1073741824 bytes (1 GiB)`.
pub fn bytes(m: &mut Message, n: u64) {
    m.unsigned(n);
    m.text(" bytes");
    write_human_size(m, n);
}

/// calloc(3): `nmemb * size` does not fit in a size_t.
pub fn product_overflows(m: &mut Message, nmemb: usize, size: usize) {
    m.because();
    let _ = write!(
        m,
        "nmemb ({nmemb}) times size ({size}) is more than a size_t can hold ({}, SIZE_MAX): the total size overflows, so no memory was asked of the system",
        usize::MAX
    );
}

/// ENOMEM for a request of `request` bytes: which limit refused it, with its value.
pub fn out_of_memory(m: &mut Message, arg: &str, request: u64, mem: &Memory, culprit: Culprit) {
    m.because();
    let _ = write!(m, "the process asked for {arg} = ");
    bytes(m, request);
    match culprit {
        Culprit::AddressSpace { limit, size } | Culprit::Data { limit, size } => {
            m.text(match culprit {
                Culprit::AddressSpace { .. } => ", and its address space limit (RLIMIT_AS) is ",
                _ => ", and its data segment limit (RLIMIT_DATA) is ",
            });
            bytes(m, limit);
            m.text(", of which it already uses ");
            bytes(m, size);
            left(m, limit, size);
        }
        Culprit::CommitLimit { limit, committed } => {
            m.text("; the kernel does not overcommit memory (vm.overcommit_memory = 2): ");
            bytes(m, committed);
            m.text(" are already committed (Committed_AS) of the system's CommitLimit of ");
            bytes(m, limit);
            left(m, limit, committed);
        }
        Culprit::LargerThanMemory { total } => {
            m.text(", more than the system's RAM and swap together (");
            bytes(m, total);
            m.text("), which the kernel's heuristic overcommit (vm.overcommit_memory = 0) refuses at once");
        }
        Culprit::Impossible => {
            m.text(", more than half of the whole address space: no process can have that much, so the size is probably a miscalculation (a negative number converted to size_t)");
        }
        Culprit::Unknown => {
            m.text(", and the system could not provide it");
            state(m, mem);
        }
    }
}

/// `, leaving 12 bytes (…)`.
fn left(m: &mut Message, limit: u64, used: u64) {
    m.text(", leaving ");
    bytes(m, limit.saturating_sub(used));
}

/// What is known when no single limit explains the failure.
fn state(m: &mut Message, mem: &Memory) {
    if let Some((size, _)) = mem.size {
        m.text("; the process's virtual size is ");
        bytes(m, size);
    }
    match mem.as_limit {
        Some(l) => {
            m.text(", its RLIMIT_AS is ");
            bytes(m, l);
        }
        None => m.text(", with no RLIMIT_AS"),
    }
    if let Some(mode) = mem.overcommit {
        let _ = write!(m, "; vm.overcommit_memory is {mode} ");
        m.text(match mode {
            0 => "(heuristic)",
            1 => "(always overcommit)",
            2 => "(never overcommit)",
            _ => "(unknown mode)",
        });
        if let (2, Some((limit, committed))) = (mode, mem.commit) {
            m.text(", Committed_AS ");
            bytes(m, committed);
            m.text(" of CommitLimit ");
            bytes(m, limit);
        }
    }
}

/// mmap ENOMEM for too many mappings: the count against vm.max_map_count.
pub fn too_many_mappings(m: &mut Message, count: u64, max: u64) {
    m.because();
    let _ = write!(m, "the process already has {count} memory mappings, and the system allows at most {max} (vm.max_map_count)");
}

/// An address or offset not a multiple of the page size.
pub fn misaligned(m: &mut Message, arg: &str, value: u64, page: u64) {
    m.because();
    let _ = write!(m, "{arg} ({value:#x}) is not a multiple of the page size ({page} bytes); ");
    let _ = write!(m, "the nearest page boundary below it is {:#x}", value - value % page);
}

/// A length of zero.
pub fn zero_length(m: &mut Message, arg: &str) {
    m.because();
    let _ = write!(m, "{arg} is 0: a mapping has at least one page");
}

/// mmap flags without one mapping type (MAP_SHARED, MAP_PRIVATE, MAP_SHARED_VALIDATE).
pub fn no_map_type(m: &mut Message, arg: &str) {
    m.because();
    let _ = write!(m, "{arg} gives no valid mapping type: exactly one of MAP_SHARED, MAP_PRIVATE or MAP_SHARED_VALIDATE is needed");
}

/// The descriptor's access mode does not allow the protection asked for.
pub fn access_mode_forbids(m: &mut Message, fd: i32, accmode: i32, prot: i32, shared: bool) {
    m.because();
    let mode = match accmode {
        libc::O_RDONLY => "O_RDONLY",
        libc::O_WRONLY => "O_WRONLY",
        _ => "O_RDWR",
    };
    let _ = write!(m, "file descriptor {fd} was opened {mode}, and prot ");
    write_prot(m, prot as i64);
    if prot & libc::PROT_WRITE != 0 && shared {
        m.text(" with MAP_SHARED writes the changes back to the file, which needs it open O_RDWR");
    } else {
        m.text(" needs the file open for reading");
    }
}

/// PROT_EXEC on a file whose file system is mounted noexec.
pub fn noexec(m: &mut Message, fd: i32, mount: Option<&crate::probe::mounts::Mount>) {
    m.because();
    let _ = write!(m, "prot asks for PROT_EXEC, and file descriptor {fd} is on a file system mounted noexec");
    if let Some(mt) = mount {
        m.text(" (");
        m.quoted(mt.point.as_bytes());
        m.text(", ");
        m.raw(mt.fstype());
        m.text(")");
    }
}

/// EBADF/ENODEV: what the descriptor is, and that it cannot be mapped.
pub fn cannot_map(m: &mut Message, fd: i32, type_name: &str) {
    m.because();
    let _ = write!(m, "file descriptor {fd} is a {type_name}, which cannot be mapped into memory");
}

/// munmap of an address that is not the start of any page the process has.
pub fn nothing_mapped(m: &mut Message, arg: &str, addr: usize) {
    m.because();
    let _ = write!(m, "nothing is mapped at {arg} ({addr:#x}); munmap of an unmapped range is harmless, so this is an address the kernel rejects (outside the process's address space)");
}

/// A segment named by shmid that does not exist.
pub fn no_segment(m: &mut Message, arg: &str, shmid: i32) {
    m.because();
    let _ = write!(m, "there is no shared memory segment with {arg} {shmid} (ipcs -m lists them); it may have been removed");
}

/// The segment's owner and mode, and who the caller is.
pub fn segment_denied(m: &mut Message, seg: &Segment, want: &str, need_owner: bool) {
    m.because();
    m.text("the segment belongs to user ");
    ids::user(m, seg.uid);
    m.text(" and group ");
    ids::group(m, seg.gid);
    let _ = write!(m, " with mode {:04o}", seg.mode);
    let c = m.creds();
    m.text(", and the process (user ");
    ids::user(m, c.uid);
    m.text(")");
    if need_owner {
        let _ = write!(m, " is neither its owner nor its creator, nor has CAP_SYS_ADMIN, so it may not {want} it");
    } else {
        let _ = write!(m, " has no permission to {want} it and lacks CAP_IPC_OWNER");
    }
}

/// The segment is marked for removal.
pub fn segment_destroyed(m: &mut Message) {
    m.because();
    m.text("the segment has been marked for removal (IPC_RMID) and goes when the last process detaches");
}

/// The System V shared memory limits.
pub fn shm_limits(m: &mut Message, l: &ShmLimits) {
    m.because();
    m.text("the system's shared memory limits are");
    if let Some(v) = l.shmmax {
        m.text(" kernel.shmmax ");
        bytes(m, v);
        m.text(" per segment,");
    }
    if let Some(v) = l.shmall {
        let _ = write!(m, " kernel.shmall {v} pages in all,");
    }
    if let Some(v) = l.shmmni {
        let _ = write!(m, " kernel.shmmni {v} segments");
    }
    if let Some(v) = l.in_use {
        let _ = write!(m, ", of which {v} are in use");
    }
}

/// An attach address that is not aligned to SHMLBA without SHM_RND.
pub fn shm_misaligned(m: &mut Message, addr: usize, page: u64) {
    m.because();
    let _ = write!(m, "shmaddr ({addr:#x}) is not a multiple of SHMLBA ({page} bytes) and shmflg lacks SHM_RND");
}

/// An unknown command or flag value.
pub fn unknown_value(m: &mut Message, arg: &str, value: i64) {
    m.because();
    let _ = write!(m, "{arg} ({value}) is not one this call knows");
}
