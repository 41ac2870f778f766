//! glibc's conversion descriptors (iconv_t), read without following them blindly: the
//! layout is that of glibc's public <gconv.h> (struct __gconv_info, whose steps are
//! struct __gconv_step), every word copied through the safe-copy probes.

use super::read_memory;

/// The words of struct __gconv_info: size_t __nsteps; struct __gconv_step *__steps.
const INFO_WORDS: usize = 2;
/// sizeof(struct __gconv_step) on LP64: two pointers, an int (padded), two name
/// pointers, four function pointers, five ints (padded) and a data pointer.
const STEP_SIZE: usize = 104;
/// Offsets of `__from_name` and `__to_name` in struct __gconv_step.
const FROM_NAME: usize = 24;
const TO_NAME: usize = 32;

/// What a descriptor holds when it is one of glibc's: its number of steps, and the
/// addresses of the first step's source name and the last step's target name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Descriptor {
    pub steps: usize,
    pub from_name: usize,
    pub to_name: usize,
}

fn word(addr: usize) -> Option<usize> {
    let mut b = [0u8; core::mem::size_of::<usize>()];
    (addr % core::mem::align_of::<usize>() == 0 && read_memory(addr, &mut b) == b.len()).then(|| usize::from_ne_bytes(b))
}

/// Reads the descriptor at `cd`: None when the memory cannot be read or does not hold
/// a plausible conversion (between 1 and 16 steps, readable step records).
pub fn descriptor(cd: usize) -> Option<Descriptor> {
    let steps = word(cd)?;
    let table = word(cd + core::mem::size_of::<usize>() * (INFO_WORDS - 1))?;
    if !(1..=16).contains(&steps) || table == 0 {
        return None;
    }
    let last = table.checked_add((steps - 1) * STEP_SIZE)?;
    let from_name = word(table + FROM_NAME)?;
    let to_name = word(last + TO_NAME)?;
    Some(Descriptor { steps, from_name, to_name })
}
