//! The plan's names are checked against what progenitor and typify
//! generate: a type or builder they name differently fails generation, and
//! says which impl it would have lost, instead of the impl silently
//! disappearing.

use std::path::Path;

fn generate_renaming(from: &str, to: &str) -> Result<heygen_api_gen::Generated, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small-3.0.yaml");
    let spec = heygen_api_gen::load_file(&path).expect("fixture loads");
    let options = heygen_api_gen::Options {
        rename_generated_type: Some((from.into(), to.into())),
        ..heygen_api_gen::Options::default()
    };
    heygen_api_gen::generate(&spec, &options).map_err(|e| e.to_string())
}

#[test]
fn the_fixture_has_the_impls_the_renames_would_lose() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small-3.0.yaml");
    let spec = heygen_api_gen::load_file(&path).expect("fixture loads");
    let code = heygen_api_gen::generate(&spec, &Default::default())
        .expect("generates")
        .code;
    let flat: String = code.split_whitespace().collect();
    assert!(flat.contains("__private::paged!(ListEpisodes,"));
    assert!(code.contains("Job for types::Episode"));
}

#[test]
fn a_page_type_typify_names_differently_is_an_error() {
    let err = generate_renaming("ListEpisodesResponse", "EpisodePage").unwrap_err();
    assert!(err.contains("ListEpisodesResponse"), "{err}");
    assert!(err.contains("EpisodePage"), "{err}");
    assert!(err.contains("Paged"), "{err}");
}

#[test]
fn a_job_type_typify_names_differently_is_an_error() {
    let err = generate_renaming("Episode", "Show").unwrap_err();
    assert!(err.contains("job"), "{err}");
    assert!(err.contains("`Episode`"), "{err}");
}

#[test]
fn a_builder_progenitor_names_differently_is_an_error() {
    let err = generate_renaming("ListEpisodes", "ListShows").unwrap_err();
    assert!(err.contains("ListShows"), "{err}");
    assert!(err.contains("ListEpisodes"), "{err}");
}
