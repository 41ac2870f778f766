//! The nearest existing name in a directory, for "perhaps you meant".
//!
//! The distance is computed here with two rows on the stack rather than with strsim,
//! which allocates per comparison: a suggestion must still be offered (or quietly
//! skipped) when the process is out of memory, and an allocation failure would abort.

use super::listing_cache;
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
///
/// The listing comes from `listing_cache` when it holds one for the directory as it is
/// now (same identity and change times); otherwise the directory is read and, when small
/// and settled, its listing kept for the next time.
///
/// `known` is the directory's status when the caller has just taken it (the path walk
/// has), sparing a stat before the cache is asked.
pub fn nearest(start_fd: i32, dir: &CPath, name: &[u8], known: Option<&sys::Stat>) -> Option<Suggestion> {
    if name.is_empty() || name.len() > 255 {
        return None;
    }
    let mut search = Search::new(name);
    let st = match known {
        Some(st) => Some(*st),
        None => sys::stat_at(start_fd, dir, true).ok(),
    };
    if let Some(st) = &st {
        if listing_cache::each_cached(st, |entry, kind| search.offer(entry, kind)) {
            return search.best;
        }
    }
    // The listing is keyed on the status of the directory actually opened and read, so
    // a directory renamed or replaced since the stat above cannot be cached under the
    // other one's key.
    let fd = sys::open_at(start_fd, dir, libc::O_RDONLY | libc::O_DIRECTORY).ok()?;
    let opened = sys::stat_fd(fd.raw()).ok();
    let read_at = super::file_version::now_ns();
    let mut packed = listing_cache::Packed::new();
    sys::for_each_entry_fd(fd.raw(), |entry, kind| {
        packed.push(entry, kind);
        search.offer(entry, kind)
    })
    .ok()?;
    if let Some(st) = &opened {
        if search.examined < MAX_ENTRIES {
            listing_cache::insert(st, read_at, &packed);
        }
    }
    search.best
}

/// The search itself: entries are offered one at a time, the best kept.
struct Search<'a> {
    name: &'a [u8],
    lower: [u8; 256],
    /// For names of at most 64 bytes: bit i of peq[c] says lower[i] == c (Myers).
    peq: Option<[u64; 256]>,
    best: Option<Suggestion>,
    examined: usize,
}

impl<'a> Search<'a> {
    fn new(name: &'a [u8]) -> Self {
        let mut lower = [0u8; 256];
        for (d, s) in lower.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        let peq = (name.len() <= 64).then(|| {
            let mut peq = [0u64; 256];
            for (i, &c) in lower[..name.len()].iter().enumerate() {
                peq[c as usize] |= 1 << i;
            }
            peq
        });
        Search { name, lower, peq, best: None, examined: 0 }
    }

    /// Considers one entry; false once MAX_ENTRIES have been examined.
    fn offer(&mut self, entry: &[u8], kind: u8) -> bool {
        self.examined += 1;
        let name = self.name;
        if entry == b"." || entry == b".." || entry == name {
            return self.examined < MAX_ENTRIES;
        }
        let bound = self.best.as_ref().map_or(usize::MAX, |b| b.distance);
        if entry.len().abs_diff(name.len()) < bound {
            // Nothing past what `acceptable` allows can be suggested: a tighter bound
            // lets the distance give up early on unrelated names.
            let useful = bound.min((name.len().max(entry.len()) + 1) / 2 + 1);
            let d = match &self.peq {
                Some(peq) => bit_parallel_distance(peq, name.len(), entry, useful),
                None => distance(&self.lower[..name.len()], entry, useful),
            };
            if d < bound && acceptable(d, name.len(), entry.len()) {
                self.best = Some(Suggestion { name: CPath::from_bytes(entry).unwrap_or_default(), kind, distance: d });
            }
        }
        self.examined < MAX_ENTRIES
    }
}

/// Close enough to be a likely typo, not a different name.
pub fn acceptable(d: usize, a: usize, b: usize) -> bool {
    let longer = a.max(b);
    d > 0 && d < longer && d <= (longer + 1) / 2
}

/// Levenshtein distance between `a` (already lower case) and `b` (compared in lower
/// case), giving up with `bound` once every path is at least that long.
pub fn distance(a: &[u8], b: &[u8], bound: usize) -> usize {
    if b.len() > 255 || a.len() > 255 {
        return usize::MAX;
    }
    // Two rows of u16 (a distance is at most 510) swapped by reference: swapping the
    // arrays themselves moved 4 KiB per row and dominated the search.
    let mut row0 = [0u16; 257];
    let mut row1 = [0u16; 257];
    let (mut prev, mut cur) = (&mut row0, &mut row1);
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j as u16;
    }
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i as u16 + 1;
        let mut row_min = cur[0];
        for (j, &cb) in b.iter().enumerate() {
            let cost = u16::from(ca != cb.to_ascii_lowercase());
            let v = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur[j + 1] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) >= bound {
            return bound;
        }
        core::mem::swap(&mut prev, &mut cur);
    }
    usize::from(prev[b.len()])
}

/// The same Levenshtein distance (case-insensitive) for a name of 1..=64 bytes whose
/// `peq` table was built once per search: Myers' bit-vector algorithm as Hyyrö states it
/// for whole strings, one pass over `b` with a few word operations per byte. Exact when
/// below `bound`; at least `bound` otherwise, as it gives up once the distance cannot
/// come below it. The DP above is used for longer names.
fn bit_parallel_distance(peq: &[u64; 256], m: usize, b: &[u8], bound: usize) -> usize {
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv) = (u64::MAX, 0u64);
    let mut score = m;
    for (j, &c) in b.iter().enumerate() {
        let eq = peq[c.to_ascii_lowercase() as usize];
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & high != 0 {
            score += 1;
        } else if mh & high != 0 {
            score -= 1;
        }
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        // `score` is the distance to b[..=j]; each byte left can lower it by one at most.
        if score >= bound.saturating_add(b.len() - j - 1) {
            return bound;
        }
    }
    score
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
    fn bit_parallel_distance_agrees_with_the_dp() {
        let words: &[&[u8]] = &[b"", b"a", b"fcntl.h", b"filecontrl.h", b"FCNTL.H", b"kitten", b"sitting",
            b"libexplain51", b"libexplain51-doc", b"libexplian51", b"x", b"abcdefgh", b"hgfedcba",
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", b"README.md"];
        for a in words.iter().filter(|a| !a.is_empty()) {
            let s = Search::new(a);
            for b in words {
                let lower = &s.lower[..a.len()];
                let exact = distance(lower, b, usize::MAX);
                assert_eq!(bit_parallel_distance(s.peq.as_ref().unwrap(), a.len(), b, usize::MAX), exact, "{a:?} {b:?}");
                // With a bound: exact below it, at least the bound otherwise.
                for bound in 0..6 {
                    let d = bit_parallel_distance(s.peq.as_ref().unwrap(), a.len(), b, bound);
                    assert!(if exact < bound { d == exact } else { d >= bound }, "{a:?} {b:?} {bound}: {d}");
                }
            }
        }
    }

    #[test]
    fn unrelated_names_are_not_suggested() {
        assert!(!acceptable(3, 3, 3));
        assert!(acceptable(1, 6, 6));
        assert!(acceptable(5, 12, 7));
    }
}
