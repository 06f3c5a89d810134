//! Folder walking: takes folders, gives the files in them that parallax reads.
//!
//! Files come in byte-wise order of their whole paths, lazily (one folder
//! listing in memory per level). Hidden files and folders, files of other
//! formats and symbolic links to folders (which could loop) are skipped; a
//! symbolic link that cannot be followed (broken, or a loop of links) is an
//! error, so that no file is silently left out.

use super::formats::Format;
use crate::model::InputError;
use std::fs;
use std::path::PathBuf;

/// A depth-first walk; each level holds its entries in reverse order, so the
/// next one is popped from the end.
#[derive(Default)]
pub struct Walk {
    stack: Vec<Vec<Entry>>,
}

struct Entry {
    path: PathBuf,
    is_dir: bool,
    /// Why the entry cannot be read (a link that cannot be followed).
    error: Option<String>,
}

impl Walk {
    /// Adds a folder to walk (after what is left of the current one).
    pub fn push_root(&mut self, path: PathBuf) {
        let root = Entry {
            path,
            is_dir: true,
            error: None,
        };
        self.stack.insert(0, vec![root]);
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let level = self.stack.last_mut()?;
            let Some(entry) = level.pop() else {
                self.stack.pop();
                continue;
            };
            if let Some(message) = entry.error {
                let source = entry.path.display().to_string();
                return Some(Err(InputError { source, message }));
            }
            if !entry.is_dir {
                return Some(Ok(entry.path));
            }
            match list(&entry.path) {
                Ok(entries) => self.stack.push(entries),
                Err(error) => return Some(Err(error)),
            }
        }
    }
}

/// A folder's readable entries, sorted so that popping from the end gives
/// byte-wise path order: a folder sorts as its name plus `/`, which is
/// where its files' paths differ from a sibling's.
fn list(dir: &PathBuf) -> Result<Vec<Entry>, InputError> {
    let read_error = |error: std::io::Error| InputError {
        source: dir.display().to_string(),
        message: format!(
            "cannot read folder: {}",
            error.kind().to_string().to_lowercase()
        ),
    };
    let mut entries = Vec::new();
    for dir_entry in fs::read_dir(dir).map_err(read_error)? {
        let dir_entry = dir_entry.map_err(read_error)?;
        let name = dir_entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let file_type = dir_entry.file_type().map_err(read_error)?;
        let path = dir_entry.path();
        let is_dir = file_type.is_dir();
        if !is_dir && Format::of(&path).is_none() {
            continue;
        }
        let mut error = None;
        if file_type.is_symlink() {
            match fs::metadata(&path) {
                Ok(target) if target.is_dir() => continue,
                Ok(_) => {}
                Err(link_error) => error = Some(link_message(&link_error)),
            }
        }
        let entry = Entry {
            path,
            is_dir,
            error,
        };
        entries.push((sort_key(&name, is_dir), entry));
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0));
    Ok(entries.into_iter().map(|(_, entry)| entry).collect())
}

fn link_message(error: &std::io::Error) -> String {
    if error.kind() == std::io::ErrorKind::NotFound {
        return "broken symbolic link: its target does not exist".to_string();
    }
    // The OS's own words (a loop of links has no stable `ErrorKind`),
    // without the error number.
    let text = error.to_string();
    let text = text.split(" (os error").next().unwrap_or_default();
    format!("cannot follow symbolic link: {}", text.to_lowercase())
}

fn sort_key(name: &std::ffi::OsStr, is_dir: bool) -> Vec<u8> {
    let mut key = name.as_encoded_bytes().to_vec();
    if is_dir {
        key.push(b'/');
    }
    key
}
