//! The public surface of a generated client, one line per item, so that a
//! reviewer sees an API change as a readable diff of a committed file.

use quote::ToTokens;

use crate::syntax::serde_rename;

use crate::plan::{BodyKind, Plan};

/// What a generated client offers: one line per operation, type and
/// skipped operation; [`Surface::render`] is the text of
/// `openapi/heygen-api.surface`, which `cargo xtask drift` compares.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Surface {
    /// `op POST /v3/video-agents/{session_id}/stop stopVideoAgentSession -> stop_video_agent_session`
    pub operations: Vec<String>,
    /// `struct StopSessionResponse { session_id: String }`
    pub types: Vec<String>,
    /// `skipped GET /v1/feed getFeed: operation left out: ...`: operations
    /// of the document the client does not have, so a newly skipped one
    /// shows in `drift` like a removed one.
    pub skipped: Vec<String>,
}

impl Surface {
    /// `dispatched`: the unions read by their tag (enum name -> tag), as
    /// `open_types` made them.
    pub(crate) fn from_generated(
        plan: &Plan,
        file: &syn::File,
        dispatched: &std::collections::BTreeMap<String, String>,
    ) -> Surface {
        let mut operations: Vec<String> = plan
            .operations
            .iter()
            .map(|o| {
                let multipart = if matches!(o.body, BodyKind::Multipart(_)) {
                    " (multipart)"
                } else {
                    ""
                };
                format!(
                    "op {} {} {} -> {}{multipart}",
                    o.method.to_uppercase(),
                    o.path,
                    o.id,
                    o.rust_method
                )
            })
            .collect();
        operations.sort();

        let mut types = Vec::new();
        for item in &file.items {
            let syn::Item::Mod(m) = item else { continue };
            if m.ident != "types" {
                continue;
            }
            for item in m.content.iter().flat_map(|(_, items)| items) {
                match item {
                    syn::Item::Struct(s) => types.push(render_struct(s)),
                    syn::Item::Enum(e) => types.push(render_enum(e, dispatched)),
                    _ => {}
                }
            }
        }
        types.sort();
        Surface {
            operations,
            types,
            skipped: Vec::new(),
        }
    }

    /// The snapshot file's text.
    pub fn render(&self) -> String {
        let mut out = String::from("# API surface of the generated client. Written by `cargo xtask update-spec`; checked by `cargo xtask drift`.\n");
        for line in self
            .operations
            .iter()
            .chain(&self.skipped)
            .chain(&self.types)
        {
            out.push_str(line);
            out.push('\n');
        }
        out
    }
}

fn short_type(ty: &impl ToTokens) -> String {
    let text = crate::syntax::display(ty);
    let mut s = text
        .replace(' ', "")
        .replace("::std::string::", "")
        .replace("::std::option::", "")
        .replace("::std::vec::", "")
        .replace("::std::collections::", "")
        .replace("::std::boxed::", "")
        .replace("::serde_json::", "serde_json::")
        .replace("::chrono::", "chrono::")
        .replace("super::", "");
    // Leading `::` of absolute paths is noise in a snapshot.
    s = s.replace("<::", "<").replace(",::", ",");
    if let Some(rest) = s.strip_prefix("::") {
        s = rest.to_string();
    }
    s.replace(',', ", ")
}

fn render_struct(s: &syn::ItemStruct) -> String {
    let name = &s.ident;
    match &s.fields {
        syn::Fields::Named(named) => {
            let fields: Vec<String> = named
                .named
                .iter()
                .map(|f| {
                    let ty = short_type(&f.ty);
                    let field = f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
                    let wire = serde_rename(&f.attrs).unwrap_or(field.clone());
                    let wire = if wire == field {
                        String::new()
                    } else {
                        format!(" as \"{wire}\"")
                    };
                    let req = if ty.starts_with("Option<") { "?" } else { "" };
                    format!("{field}{req}: {ty}{wire}")
                })
                .collect();
            format!("struct {name} {{ {} }}", fields.join(", "))
        }
        syn::Fields::Unnamed(u) => {
            let fields: Vec<String> = u.unnamed.iter().map(|f| short_type(&f.ty)).collect();
            format!("struct {name}({})", fields.join(", "))
        }
        syn::Fields::Unit => format!("struct {name}"),
    }
}

fn render_enum(
    e: &syn::ItemEnum,
    dispatched: &std::collections::BTreeMap<String, String>,
) -> String {
    let name = &e.ident;
    let variants: Vec<String> = e
        .variants
        .iter()
        .map(|v| {
            let wire = serde_rename(&v.attrs)
                .map(|w| format!("\"{w}\""))
                .unwrap_or_else(|| v.ident.to_string());
            match &v.fields {
                syn::Fields::Unit => wire,
                syn::Fields::Unnamed(u) => {
                    let fields: Vec<String> = u.unnamed.iter().map(|f| short_type(&f.ty)).collect();
                    format!("{wire}({})", fields.join(", "))
                }
                syn::Fields::Named(n) => {
                    let fields: Vec<String> = n
                        .named
                        .iter()
                        .map(|f| {
                            format!(
                                "{}: {}",
                                f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default(),
                                short_type(&f.ty)
                            )
                        })
                        .collect();
                    format!("{wire} {{ {} }}", fields.join(", "))
                }
            }
        })
        .collect();
    let dispatched = dispatched.get(&e.ident.to_string());
    let serde = crate::syntax::serde(&e.attrs);
    let tag = match (serde.untagged, serde.tag) {
        (true, _) => " (untagged)".to_string(),
        (false, Some(tag)) => format!(" (tag \"{tag}\")"),
        (false, None) => String::new(),
    };
    let tag = match dispatched {
        Some(t) => format!(" (tag \"{t}\")"),
        None => tag,
    };
    format!("enum {name}{tag} = {}", variants.join(" | "))
}
