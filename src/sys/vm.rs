//! The process's memory and System V shared memory, asked of the kernel directly.

use super::Result;

/// The page size, from the auxiliary vector the kernel gave the process.
pub fn page_size() -> u64 {
    // SAFETY: getauxval only reads the auxiliary vector.
    match unsafe { libc::getauxval(libc::AT_PAGESZ) } {
        0 => 4096,
        n => n,
    }
}

/// shmctl(2) IPC_STAT of segment `shmid`: its owner, mode, size and attachments.
pub fn shm_stat(shmid: i32) -> Result<libc::shmid_ds> {
    // SAFETY: a plain C struct of integers; all zeroes is a valid value.
    let mut ds: libc::shmid_ds = unsafe { core::mem::zeroed() };
    raw!(libc::SYS_shmctl, shmid, libc::IPC_STAT, &mut ds as *mut libc::shmid_ds)?;
    Ok(ds)
}

/// The number of System V shared memory segments in use (shmctl SHM_INFO's used_ids).
pub fn shm_segments_in_use() -> Result<u64> {
    // struct shm_info: used_ids is its first int.
    let mut info = [0u64; 16];
    raw!(libc::SYS_shmctl, 0, 14 /* SHM_INFO */, info.as_mut_ptr())?;
    Ok(info[0] as u32 as u64)
}
