//! Unit tests of `check`: the model file and the stance of small cases.

use super::*;

#[test]
fn the_model_file_weighs_only_known_features() {
    let unknown = linear::unknown_names(include_str!("../../models/stance.json"));
    assert_eq!(unknown, Vec::<String>::new());
}
