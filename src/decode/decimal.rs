//! Integers in decimal, without core::fmt: its machinery costs more than the rest of a
//! short message, and /proc paths are built from descriptor numbers on every echo.

/// The decimal digits of `v`, written at the end of `buf`.
pub fn decimal(mut v: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    &buf[at..]
}
