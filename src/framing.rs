//! Framing: placeholder until the lexicon-based detector lands.

use crate::model::{Framing, Range};

pub fn find(body: &str, quotations: &[Range]) -> Vec<Framing> {
    let _ = (body, quotations);
    Vec::new()
}
