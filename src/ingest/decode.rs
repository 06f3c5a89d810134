//! Text encodings: takes a file's bytes, gives its text.
//!
//! UTF-8 (a leading byte-order mark removed) is taken as it is; UTF-16 with
//! a byte-order mark is decoded. Anything else is an error naming the byte
//! offset, never decoded by guess.

/// A file's bytes as text: UTF-8 without its byte-order mark, or UTF-16
/// with one (then `true`: the text is not the file's bytes). Invalid UTF-8
/// and NUL bytes (a binary file) are errors naming the byte offset: a
/// replacement character in the body would silently change what an
/// article says.
pub fn decode(mut bytes: Vec<u8>) -> Result<(String, bool), String> {
    match bytes.get(..2) {
        Some([0xff, 0xfe]) => return decode_utf16(&bytes[2..], u16::from_le_bytes),
        Some([0xfe, 0xff]) => return decode_utf16(&bytes[2..], u16::from_be_bytes),
        _ => {}
    }
    // Offsets in messages count the file's bytes, the mark included.
    let bom_len = if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    };
    bytes.drain(..bom_len);
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(format!("binary file: nul byte at byte {}", bom_len + at));
    }
    String::from_utf8(bytes)
        .map(|text| (text, false))
        .map_err(|error| {
            let at = bom_len + error.utf8_error().valid_up_to();
            format!("invalid utf-8 at byte {at}")
        })
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<(String, bool), String> {
    if bytes.len() % 2 == 1 {
        return Err("invalid utf-16: odd number of bytes".to_string());
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len());
    // Code units read so far: the byte offset of an error is 2 + 2 × this.
    let mut n_units = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok('\0') => {
                return Err(format!(
                    "binary file: nul character at byte {}",
                    2 + 2 * n_units
                ))
            }
            Ok(c) => {
                text.push(c);
                n_units += c.len_utf16();
            }
            Err(_) => return Err(format!("invalid utf-16 at byte {}", 2 + 2 * n_units)),
        }
    }
    Ok((text, true))
}
