//! The nearest existing name in a directory, for "perhaps you meant".
//!
//! The distance is computed here with two rows on the stack rather than with strsim,
//! which allocates per comparison: a suggestion must still be offered (or quietly
//! skipped) when the process is out of memory, and an allocation failure would abort.

use crate::sys::{self, CPath};

/// Directory entries examined at most, so a huge directory costs a bounded time.
pub const MAX_ENTRIES: usize = 50_000;

pub struct Suggestion {
    pub name: CPath,
    /// d_type of the entry (DT_REG, DT_DIR…), DT_UNKNOWN when the file system does not say.
    pub kind: u8,
    pub distance: usize,
}

/// Searches the directory `dir` (relative to `start_fd`) for the name nearest to `name`.
pub fn nearest(start_fd: i32, dir: &CPath, name: &[u8]) -> Option<Suggestion> {
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    let mut lower = [0u8; 256];
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &lower[..name.len()];
    let mut best: Option<Suggestion> = None;
    let mut examined = 0;
    sys::for_each_entry(start_fd, dir, |entry, kind| {
        examined += 1;
        if entry == b"." || entry == b".." || entry == name {
            return examined < MAX_ENTRIES;
        }
        let bound = best.as_ref().map_or(usize::MAX, |b| b.distance);
        if entry.len().abs_diff(name.len()) < bound {
            let d = distance(lower, entry, bound);
            if d < bound && acceptable(d, name.len(), entry.len()) {
                best = Some(Suggestion { name: CPath::from_bytes(entry).unwrap_or_default(), kind, distance: d });
            }
        }
        examined < MAX_ENTRIES
    })
    .ok()?;
    best
}

/// Close enough to be a likely typo, not a different name.
fn acceptable(d: usize, a: usize, b: usize) -> bool {
    let longer = a.max(b);
    d > 0 && d < longer && d <= (longer + 1) / 2
}

/// Levenshtein distance between `a` (already lower case) and `b` (compared in lower
/// case), giving up with `bound` once every path is at least that long.
pub fn distance(a: &[u8], b: &[u8], bound: usize) -> usize {
    if b.len() > 255 {
        return usize::MAX;
    }
    let mut prev = [0usize; 257];
    let mut cur = [0usize; 257];
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb.to_ascii_lowercase());
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min >= bound {
            return bound;
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_ignoring_case() {
        assert_eq!(distance(b"kitten", b"sitting", usize::MAX), 3);
        assert_eq!(distance(b"readme", b"README", usize::MAX), 0);
        assert_eq!(distance(b"filecontrl.h", b"fcntl.h", usize::MAX), 5);
    }

    #[test]
    fn unrelated_names_are_not_suggested() {
        assert!(!acceptable(3, 3, 3));
        assert!(acceptable(1, 6, 6));
        assert!(acceptable(5, 12, 7));
    }
}
