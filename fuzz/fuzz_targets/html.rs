//! Fuzz target `html`: feeds libFuzzer's input to `parallax_fuzz::html`,
//! which panics when an invariant breaks (see `src/lib.rs`).

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| parallax_fuzz::html(data));
