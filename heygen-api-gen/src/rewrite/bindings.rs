//! The names progenitor's request code binds, read from that code.
//!
//! progenitor names its own locals `client`, `url`, `request`, `response`
//! and `result`, unless an operation has a parameter of that name: it then
//! prefixes `_` until the name is free (`_client`, `__client`, ...). The
//! rewrite passes find the locals they change by these names, so they take
//! them from here, read off the syntax, instead of assuming the plain
//! words; and the names this crate adds (the call's `CallSpec`, the
//! request-building closure) are chosen free of every name bound there.

use std::collections::BTreeSet;

use proc_macro2::Ident;
use quote::format_ident;
use syn::visit::Visit;

/// The locals of one `send` that the rewrites use.
#[derive(Debug, Clone)]
pub(crate) struct Bindings {
    /// progenitor's `&Client` (the builder's field, bound by `let Self {..}`).
    pub(crate) client: Ident,
    /// The URL being formatted.
    pub(crate) url: Ident,
    /// The request built.
    pub(crate) request: Ident,
    /// Ours: the operation's `CallSpec`, an argument of `send_raw`.
    pub(crate) call: Ident,
    /// Ours: where `exec` leaves the call's facts, an argument of `send_raw`.
    pub(crate) facts: Ident,
    /// Ours: the builder's field holding the call's `CallOptions`.
    pub(crate) options: Ident,
    /// Ours: the closure that builds the request (again, for a retry).
    pub(crate) build_request: Ident,
}

impl Bindings {
    /// Reads them off the body of progenitor's `send`, which starts by
    /// taking the builder apart (`let Self { .. } = self;`) and then binds
    /// each parameter again, checked (`let shelf = shelf.map_err(..)?;`).
    /// The field it does not bind again is progenitor's client; the others
    /// are the parameters, whose names progenitor's locals avoid. `None`
    /// when the body is not in that shape, or a name it should bind is not
    /// bound.
    pub(crate) fn read(block: &syn::Block) -> Option<Bindings> {
        let mut stmts = block.stmts.iter();
        let fields = stmts.find_map(destructured_self)?;
        let mut later = Bound(BTreeSet::new());
        for stmt in stmts {
            later.visit_stmt(stmt);
        }
        let mut not_rebound = fields.iter().filter(|f| !later.0.contains(*f));
        let client = not_rebound.next()?.clone();
        if not_rebound.next().is_some() {
            return None;
        }
        let params: BTreeSet<&String> = fields.iter().filter(|f| **f != client).collect();
        // progenitor's rule: the word, with `_` in front until no
        // parameter has that name.
        let avoiding = |word: &str, taken: &dyn Fn(&String) -> bool| {
            let mut name = word.to_string();
            while taken(&name) {
                name.insert(0, '_');
            }
            name
        };
        let progenitors = |word: &str| {
            let name = avoiding(word, &|n| params.contains(n));
            later.0.contains(&name).then(|| format_ident!("{}", name))
        };
        if avoiding("client", &|n| params.contains(n)) != client {
            return None;
        }
        let all: BTreeSet<&String> = fields.iter().chain(later.0.iter()).collect();
        let free = |word: &str| format_ident!("{}", avoiding(word, &|n| all.contains(n)));
        Some(Bindings {
            client: format_ident!("{}", client),
            url: progenitors("url")?,
            request: progenitors("request")?,
            call: free("call"),
            facts: free("facts"),
            options: format_ident!("{}", free_name("options", &fields)),
            build_request: free("build_request"),
        })
    }
}

/// The fields of `let Self { a, b, .. } = self;`, if `stmt` is that.
fn destructured_self(stmt: &syn::Stmt) -> Option<Vec<String>> {
    let syn::Stmt::Local(local) = stmt else {
        return None;
    };
    let syn::Pat::Struct(pat) = &local.pat else {
        return None;
    };
    if !pat.path.is_ident("Self") {
        return None;
    }
    pat.fields
        .iter()
        .map(|f| match (&f.member, &*f.pat) {
            (_, syn::Pat::Ident(bound)) => Some(bound.ident.to_string()),
            _ => None,
        })
        .collect()
}

/// Every identifier a pattern binds.
struct Bound(BTreeSet<String>);

impl<'ast> Visit<'ast> for Bound {
    fn visit_pat_ident(&mut self, p: &'ast syn::PatIdent) {
        self.0.insert(p.ident.to_string());
        syn::visit::visit_pat_ident(self, p);
    }

    // `let Self { client, shelf, .. } = self;` binds its fields by their
    // names (shorthand), or by what they are renamed to.
    fn visit_field_pat(&mut self, f: &'ast syn::FieldPat) {
        if f.colon_token.is_none() {
            if let syn::Member::Named(name) = &f.member {
                self.0.insert(name.to_string());
            }
        }
        syn::visit::visit_field_pat(self, f);
    }
}

/// `word`, with `_` in front until no name in `taken` is it: how progenitor
/// keeps its locals clear of parameters, and how this crate keeps its own
/// names clear of both.
pub(crate) fn free_name(word: &str, taken: &[String]) -> String {
    let mut name = word.to_string();
    while taken.contains(&name) {
        name.insert(0, '_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_not_assumed() {
        let plain: syn::Block = syn::parse_quote!({
            let Self { client, shelf } = self;
            let shelf = shelf.map_err(Error::InvalidRequest)?;
            let url = format!("{}/x", client.baseurl);
            let mut request = client.client.get(url).build()?;
        });
        let b = Bindings::read(&plain).unwrap();
        assert_eq!(
            (b.client, b.url, b.request, b.call, b.build_request),
            (
                format_ident!("client"),
                format_ident!("url"),
                format_ident!("request"),
                format_ident!("call"),
                format_ident!("build_request")
            )
        );
        // Parameters named `client`, `url`, `call` and `_request`: progenitor's
        // locals moved aside, and ours too.
        let clashing: syn::Block = syn::parse_quote!({
            let Self {
                _client,
                client,
                url,
                call,
                request,
                _request,
            } = self;
            let client = client.map_err(Error::InvalidRequest)?;
            let url = url.map_err(Error::InvalidRequest)?;
            let call = call.map_err(Error::InvalidRequest)?;
            let request = request.map_err(Error::InvalidRequest)?;
            let _request = _request.map_err(Error::InvalidRequest)?;
            let _url = format!("{}/x", _client.baseurl);
            let mut __request = _client.client.get(_url).build()?;
        });
        let b = Bindings::read(&clashing).unwrap();
        assert_eq!(b.client, "_client");
        assert_eq!(b.url, "_url");
        assert_eq!(b.request, "__request");
        assert_eq!(b.call, "_call");
        assert_eq!(b.build_request, "build_request");
        // A parameter named `_client` leaves progenitor its plain `client`.
        let underscored: syn::Block = syn::parse_quote!({
            let Self { client, _client } = self;
            let _client = _client.map_err(Error::InvalidRequest)?;
            let url = format!("{}/x", client.baseurl);
            let mut request = client.client.get(url).build()?;
        });
        let b = Bindings::read(&underscored).unwrap();
        assert_eq!(
            (b.client, b.url),
            (format_ident!("client"), format_ident!("url"))
        );
        // Not progenitor's shape: nothing to read.
        let other: syn::Block = syn::parse_quote!({
            let x = 1;
        });
        assert!(Bindings::read(&other).is_none());
    }
}
