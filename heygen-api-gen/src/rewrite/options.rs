//! Per-call options on every operation's builder: a `CallOptions` field,
//! moved into the call's `CallSpec` by `send`, and the setters that fill it.

/// The field that holds a call's own options (`CallOptions`), under the
/// name `Bindings` chose free of the builder's parameters.
pub(super) fn add_options_field(s: &mut syn::ItemStruct, name: &syn::Ident, runtime: &syn::Path) {
    if let syn::Fields::Named(fields) = &mut s.fields {
        fields
            .named
            .push(syn::parse_quote!(#name: #runtime::CallOptions));
    }
}

/// Per-call options on an operation's builder: the field starts empty in
/// `new`, `send_raw` leaves it to `send` (which moves it into the call's
/// `CallSpec`), and the setters `timeout`, `deadline`, `max_retries`,
/// `header` and `call_options` fill it. A setter whose name a parameter
/// already uses is left out: `call_options` still reaches every option.
pub(super) fn add_call_options(imp: &mut syn::ItemImpl, runtime: &syn::Path, field: &syn::Ident) {
    let taken: Vec<String> = imp
        .items
        .iter()
        .filter_map(|i| match i {
            syn::ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
            _ => None,
        })
        .collect();
    for item in &mut imp.items {
        let syn::ImplItem::Fn(f) = item else { continue };
        if f.sig.ident == "new" {
            for stmt in &mut f.block.stmts {
                if let syn::Stmt::Expr(syn::Expr::Struct(init), _) = stmt {
                    init.fields
                        .push(syn::parse_quote!(#field: ::std::default::Default::default()));
                }
            }
        } else if f.sig.ident == "send_raw" {
            // `let Self { client, .. } = self;`: the options went to `send`.
            for stmt in &mut f.block.stmts {
                if let syn::Stmt::Local(local) = stmt {
                    if let syn::Pat::Struct(pattern) = &mut local.pat {
                        if pattern.path.is_ident("Self") && pattern.rest.is_none() {
                            pattern.rest = Some(syn::PatRest {
                                attrs: Vec::new(),
                                dot2_token: Default::default(),
                            });
                        }
                    }
                }
            }
        }
    }
    for (name, setter) in setters(field, runtime) {
        if !taken.iter().any(|t| t == name) {
            imp.items.push(setter);
        }
    }
}

/// The per-call option setters on the builder field `field`, by name (also
/// the templates `compact_builders` checks builders against).
pub(super) fn setters(
    field: &syn::Ident,
    runtime: &syn::Path,
) -> [(&'static str, syn::ImplItem); 5] {
    [
        (
            "timeout",
            syn::parse_quote! {
                /// How long each attempt of this call may take, instead of the client's timeout.
                pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                    self.#field = self.#field.timeout(timeout);
                    self
                }
            },
        ),
        (
            "deadline",
            syn::parse_quote! {
                /// How long this call may take in all, retries included, instead of the client's deadline.
                pub fn deadline(mut self, deadline: ::std::time::Duration) -> Self {
                    self.#field = self.#field.deadline(deadline);
                    self
                }
            },
        ),
        (
            "max_retries",
            syn::parse_quote! {
                /// How many times this call may be sent again, instead of the client's limit.
                pub fn max_retries(mut self, retries: u32) -> Self {
                    self.#field = self.#field.max_retries(retries);
                    self
                }
            },
        ),
        (
            "header",
            syn::parse_quote! {
                /// Adds a header to this call; see [`CallOptions::header`](crate::CallOptions::header) for the headers it refuses.
                pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
                    self.#field = self.#field.header(name, value);
                    self
                }
            },
        ),
        (
            "call_options",
            syn::parse_quote! {
                /// Replaces this call's options with `options`.
                pub fn call_options(mut self, options: #runtime::CallOptions) -> Self {
                    self.#field = options;
                    self
                }
            },
        ),
    ]
}
