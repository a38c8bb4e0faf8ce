//! Optional fields read as Rust: `Option<T>`, never `Option<Option<T>>`;
//! the runtime's three-state `Nullable<T>` only where the document gives
//! `null` a meaning of its own; setters that take the value; and a union's
//! tag implied by its variant. Checked on the generated code of every
//! fixture document (the fixture client compiles and exercises the
//! clients: `fixture-client/tests/optional_fields.rs`).

mod support;

use std::path::{Path, PathBuf};

use heygen_api_gen::{generate, Generated, Options, Spec};
use support::pages;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn generated(spec: &Spec) -> Generated {
    generate(spec, &Options::default()).unwrap_or_else(|e| panic!("{}: {e}", spec.origin))
}

/// Every document the fixtures hold that generates a client, and the
/// vendored one.
fn every_document() -> Vec<Spec> {
    let mut specs = Vec::new();
    for dir in [fixtures(), fixtures().join("real")] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        files.sort();
        for file in files {
            specs.push(heygen_api_gen::load_file(&file).unwrap());
        }
    }
    specs.push(pages(&fixtures().join("real/heygen-pages")));
    let vendored = Path::new(env!("CARGO_MANIFEST_DIR")).join("../openapi/heygen-api.yaml");
    specs.push(heygen_api_gen::load_file(&vendored).unwrap());
    specs
}

fn squashed(code: &str) -> String {
    code.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn no_document_gives_a_field_of_two_options() {
    let specs = every_document();
    assert!(specs.len() >= 8, "{} documents", specs.len());
    for spec in &specs {
        let code = squashed(&generated(spec).code);
        for doubled in ["Option<::std::option::Option<", "Option<Option<"] {
            assert!(!code.contains(doubled), "{}: {doubled}", spec.origin);
        }
        assert!(!code.contains("nullable::deserialize"), "{}", spec.origin);
    }
}

#[test]
fn null_keeps_a_meaning_of_its_own_only_where_the_document_gives_it_one() {
    let spec = heygen_api_gen::load_file(&fixtures().join("real/nullable-3.1.yaml")).unwrap();
    let code = squashed(&generated(&spec).code);
    // An update's property with no default: absent, `null` and a value.
    assert!(
        code.contains("pub title: crate::runtime::__private::Nullable<::std::string::String>"),
        "{code}"
    );
    // `default: null`: one `Option`.
    assert!(
        code.contains("pub folder_id: ::std::option::Option<::std::string::String>"),
        "{code}"
    );
    // A non-null default is not filled in: `None` is not sent.
    assert!(
        code.contains("pub ratio: ::std::option::Option<Ratio>"),
        "{code}"
    );
    assert!(!code.contains("ratio: defaults::"), "{code}");
    // Required and nullable: always sent, `None` as `null`.
    assert!(
        code.contains("pub url: ::std::option::Option<::std::string::String>"),
        "{code}"
    );
    // The field, and its builder's field whose setter takes the whole
    // `Nullable` (the runtime's `type_builder!`, kind `plain`).
    let flat: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(flat.matches("Nullable<").count(), 3, "{code}");
    assert!(
        flat.contains("title:crate::runtime::__private::Nullable<::std::string::String>=Ok(::std::default::Default::default())=>plain(crate::runtime::__private::Nullable<::std::string::String>)"),
        "{code}"
    );
}

#[test]
fn setters_of_optional_fields_take_the_value() {
    let spec = heygen_api_gen::load_file(&fixtures().join("real/nullable-3.1.yaml")).unwrap();
    let code = squashed(&generated(&spec).code);
    // `some`: the runtime's `type_builder!` writes a setter taking the
    // value (`T: TryInto<X>`) and storing `Some` of it.
    let flat: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        flat.contains("script:::std::option::Option<super::FromAvatarScript>=Ok(Default::default())=>some(super::FromAvatarScript)"),
        "{code}"
    );
    assert!(
        flat.contains("tags:::std::option::Option<::std::vec::Vec<::std::string::String>>=Ok(::std::default::Default::default())=>some(::std::vec::Vec<::std::string::String>)"),
        "{code}"
    );
}

#[test]
fn a_union_payload_has_no_tag_field_unless_it_is_used_on_its_own() {
    let spec = heygen_api_gen::load_file(&fixtures().join("real/nullable-3.1.yaml")).unwrap();
    let code = generated(&spec).code;
    let file = syn::parse_file(&code).unwrap();
    let fields = |name: &str| -> Vec<String> {
        let types = file
            .items
            .iter()
            .find_map(|i| match i {
                syn::Item::Mod(m) if m.ident == "types" => m.content.as_ref().map(|c| &c.1),
                _ => None,
            })
            .unwrap();
        types
            .iter()
            .find_map(|i| match i {
                syn::Item::Struct(s) if s.ident == name => Some(
                    s.fields
                        .iter()
                        .filter_map(|f| f.ident.as_ref().map(ToString::to_string))
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no struct {name}"))
    };
    assert!(!fields("FromAvatar").contains(&"kind".to_string()));
    // Also the body of `create_caption`: it must carry its own tag there.
    assert!(fields("FromText").contains(&"kind".to_string()));
    let code: String = code.split_whitespace().collect();
    assert!(
        code.contains(r#"Self::Avatar(payload)=>{crate::runtime::__private::serialize_tagged(serializer,"kind","avatar",payload,)}"#),
        "{code}"
    );
}
