//! Builders as one macro call each: an operation's builder (struct, `new`,
//! parameter setters, per-call option setters) becomes the runtime's
//! `operation_builder!`, a request type's builder (struct, `Default`,
//! setters, `TryFrom`, `From`) its `type_builder!` (see `heygen-api`'s
//! `runtime/builders.rs`).
//!
//! A builder is changed only when what progenitor or typify (and the
//! earlier passes) wrote is, item by item, the syntax tree the macro's
//! template gives for the same fields: the generator compares the trees
//! (`syn`'s `PartialEq`), ignoring only the text of conversion-failure
//! messages. Anything else, a new shape in a new progenitor included, stays
//! written out in full.

use quote::{format_ident, quote};
use syn::visit_mut::VisitMut;

use super::generated::module_items;
use crate::syntax::last_ident;

/// The pass: operation builders in `builder`, request type builders in
/// `types::builder`.
pub(super) fn pass(file: &mut syn::File, runtime: &syn::Path) {
    if let Some(items) = module_items(&mut file.items, "builder") {
        compact(items, |s, imps| operation_builder(s, imps, runtime));
    }
    if let Some(items) =
        module_items(&mut file.items, "types").and_then(|t| module_items(t, "builder"))
    {
        compact(items, |s, imps| type_builder(s, imps, runtime));
    }
}

/// For each struct of `items`, asks `make` for a macro call that replaces
/// it and some of the impls for it (`make` empties those it takes over and
/// leaves the others); the call takes the struct's place, and emptied
/// impls are dropped.
fn compact(
    items: &mut Vec<syn::Item>,
    make: impl Fn(&syn::ItemStruct, &mut [&mut syn::ItemImpl]) -> Option<syn::Item>,
) {
    let structs: Vec<(usize, String)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            syn::Item::Struct(s) => Some((i, s.ident.to_string())),
            _ => None,
        })
        .collect();
    // The impls a macro call took over; others, empty ones included, stay.
    let mut emptied: Vec<usize> = Vec::new();
    for (at, name) in structs {
        let syn::Item::Struct(s) = &items[at] else {
            continue;
        };
        let s = s.clone();
        let positions: Vec<usize> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| match item {
                syn::Item::Impl(imp) if impl_for(imp).as_deref() == Some(name.as_str()) => Some(i),
                _ => None,
            })
            .collect();
        let mut trial: Vec<syn::ItemImpl> = positions
            .iter()
            .filter_map(|&i| match &items[i] {
                syn::Item::Impl(imp) => Some(imp.clone()),
                _ => None,
            })
            .collect();
        let mut refs: Vec<&mut syn::ItemImpl> = trial.iter_mut().collect();
        let Some(call) = make(&s, &mut refs) else {
            continue;
        };
        items[at] = call;
        for (&i, tried) in positions.iter().zip(trial) {
            let was_empty = matches!(&items[i], syn::Item::Impl(imp) if imp.items.is_empty());
            if tried.items.is_empty() && !was_empty {
                emptied.push(i);
            }
            items[i] = syn::Item::Impl(tried);
        }
    }
    let mut index = 0;
    items.retain(|_| {
        index += 1;
        !emptied.contains(&(index - 1))
    });
}

/// The type an impl is for, by its last path segment: the builder `X`,
/// or `super::X`, the type typify's `TryFrom<X>` is for.
fn impl_for(imp: &syn::ItemImpl) -> Option<String> {
    match &*imp.self_ty {
        syn::Type::Path(p) if p.qself.is_none() => match p.path.segments.len() {
            1 => last_ident(&imp.self_ty),
            2 if p.path.segments[0].ident == "super" => last_ident(&imp.self_ty),
            _ => None,
        },
        _ => None,
    }
}

/// One field of a builder: its name, the type its `Result` holds, its
/// initial value, and how its setter converts.
struct Field {
    name: syn::Ident,
    ty: syn::Type,
    init: syn::Expr,
    kind: syn::Ident,
    targets: Vec<syn::Type>,
}

impl Field {
    fn tokens(&self) -> proc_macro2::TokenStream {
        let Field {
            name,
            ty,
            init,
            kind,
            targets,
        } = self;
        quote!(#name: #ty = #init => #kind(#(#targets),*))
    }
}

/// `Result<T, String>`'s `T`.
fn held(ty: &syn::Type) -> Option<syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Result" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match (args.args.first()?, args.args.len()) {
        (syn::GenericArgument::Type(t), 2) => Some(t.clone()),
        _ => None,
    }
}

/// `Option<T>`'s `T`.
fn optional(ty: &syn::Type) -> Option<syn::Type> {
    if !crate::syntax::is_option(ty) {
        return None;
    }
    crate::syntax::last_generic(ty, 0)
}

/// The initial values of a struct literal `Self { a: x, .. }` in the one
/// statement of `block`.
fn inits(block: &syn::Block) -> Option<Vec<(syn::Ident, syn::Expr)>> {
    let [syn::Stmt::Expr(syn::Expr::Struct(init), None)] = block.stmts.as_slice() else {
        return None;
    };
    init.fields
        .iter()
        .map(|f| match &f.member {
            syn::Member::Named(n) => Some((n.clone(), f.expr.clone())),
            syn::Member::Unnamed(_) => None,
        })
        .collect()
}

/// Replaces every `map_err` argument with one placeholder: the messages
/// are the only part the macros write differently.
struct EraseMessages;

impl VisitMut for EraseMessages {
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        syn::visit_mut::visit_expr_method_call_mut(self, call);
        if call.method == "map_err" {
            call.args = syn::parse_quote!(|_| ());
        }
    }
}

/// Drops trailing commas, which say nothing but which `syn`'s equality
/// compares.
struct NoTrailingCommas;

impl VisitMut for NoTrailingCommas {
    fn visit_fields_named_mut(&mut self, f: &mut syn::FieldsNamed) {
        f.named.pop_punct();
        syn::visit_mut::visit_fields_named_mut(self, f);
    }
    fn visit_expr_struct_mut(&mut self, e: &mut syn::ExprStruct) {
        if e.rest.is_none() {
            e.fields.pop_punct();
        }
        syn::visit_mut::visit_expr_struct_mut(self, e);
    }
    fn visit_where_clause_mut(&mut self, w: &mut syn::WhereClause) {
        w.predicates.pop_punct();
        syn::visit_mut::visit_where_clause_mut(self, w);
    }
    fn visit_signature_mut(&mut self, s: &mut syn::Signature) {
        s.inputs.pop_punct();
        syn::visit_mut::visit_signature_mut(self, s);
    }
    fn visit_angle_bracketed_generic_arguments_mut(
        &mut self,
        a: &mut syn::AngleBracketedGenericArguments,
    ) {
        a.args.pop_punct();
        syn::visit_mut::visit_angle_bracketed_generic_arguments_mut(self, a);
    }
    fn visit_expr_call_mut(&mut self, c: &mut syn::ExprCall) {
        c.args.pop_punct();
        syn::visit_mut::visit_expr_call_mut(self, c);
    }
}

/// Whether two items are the same syntax, trailing commas aside.
fn same<T: Clone + PartialEq>(
    actual: &T,
    template: &T,
    visit: fn(&mut NoTrailingCommas, &mut T),
) -> bool {
    let (mut a, mut b) = (actual.clone(), template.clone());
    visit(&mut NoTrailingCommas, &mut a);
    visit(&mut NoTrailingCommas, &mut b);
    a == b
}

fn same_fn(actual: &syn::ImplItemFn, template: syn::ImplItemFn) -> bool {
    let mut actual = actual.clone();
    let mut template = template;
    EraseMessages.visit_impl_item_fn_mut(&mut actual);
    EraseMessages.visit_impl_item_fn_mut(&mut template);
    same(&actual, &template, NoTrailingCommas::visit_impl_item_fn_mut)
}

fn same_impl(actual: &syn::ItemImpl, template: &syn::ItemImpl) -> bool {
    same(actual, template, NoTrailingCommas::visit_item_impl_mut)
}

/// Takes the fn named `name` out of `imp` if it equals one of `templates`
/// (in order); the index of the template it matched.
fn take_fn(
    imp: &mut syn::ItemImpl,
    name: &str,
    templates: impl IntoIterator<Item = syn::ImplItemFn>,
) -> Option<usize> {
    let at = imp
        .items
        .iter()
        .position(|i| matches!(i, syn::ImplItem::Fn(f) if f.sig.ident == name))?;
    let syn::ImplItem::Fn(actual) = &imp.items[at] else {
        return None;
    };
    let matched = templates
        .into_iter()
        .position(|template| same_fn(actual, template))?;
    imp.items.remove(at);
    Some(matched)
}

/// An operation's builder and its inherent impl as `operation_builder!`.
fn operation_builder(
    s: &syn::ItemStruct,
    imps: &mut [&mut syn::ItemImpl],
    runtime: &syn::Path,
) -> Option<syn::Item> {
    let [imp] = imps else { return None };
    if imp.trait_.is_some() {
        return None;
    }
    let syn::Fields::Named(named) = &s.fields else {
        return None;
    };
    let fields: Vec<&syn::Field> = named.named.iter().collect();
    let (_client, rest) = fields.split_first()?;
    let (options, params) = rest.split_last()?;
    let options_name = options.ident.clone()?;
    let name = &s.ident;
    // The struct, as the macro writes it.
    let param_names: Vec<syn::Ident> = params.iter().filter_map(|f| f.ident.clone()).collect();
    let held_types: Vec<syn::Type> = params.iter().map(|f| held(&f.ty)).collect::<Option<_>>()?;
    let template: syn::ItemStruct = syn::parse_quote! {
        #[derive(Debug, Clone)]
        pub struct #name<'a> {
            client: &'a super::Client,
            #(#param_names: Result<#held_types, String>,)*
            #options_name: #runtime::CallOptions,
        }
    };
    let derives: Vec<&syn::Attribute> = s
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("derive"))
        .collect();
    let docs: Vec<&syn::Attribute> = s
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .collect();
    // The template names the client field `client`: progenitor's `_client`
    // (a parameter took the name) does not match.
    if !same(
        &s.fields,
        &template.fields,
        NoTrailingCommas::visit_fields_mut,
    ) || s.generics != template.generics
        || s.vis != template.vis
        || derives.len() + docs.len() != s.attrs.len()
        || derives != template.attrs.iter().collect::<Vec<_>>()
    {
        return None;
    }
    // `new`.
    let new_at = imp
        .items
        .iter()
        .position(|i| matches!(i, syn::ImplItem::Fn(f) if f.sig.ident == "new"))?;
    let syn::ImplItem::Fn(new) = &imp.items[new_at] else {
        return None;
    };
    let initial = inits(&new.block)?;
    let init_of = |field: &syn::Ident| {
        initial
            .iter()
            .find(|(n, _)| n == field)
            .map(|(_, e)| e.clone())
    };
    let init_exprs: Vec<syn::Expr> = param_names.iter().map(init_of).collect::<Option<_>>()?;
    let new_template: syn::ImplItemFn = syn::parse_quote! {
        pub fn new(client: &'a super::Client) -> Self {
            Self {
                client: client,
                #(#param_names: #init_exprs,)*
                #options_name: ::std::default::Default::default(),
            }
        }
    };
    if !same_fn(new, new_template) {
        return None;
    }
    // Every parameter's setter must be one the macro writes.
    let mut work = (**imp).clone();
    work.items.remove(new_at);
    let mut out = Vec::new();
    for ((field, ty), init) in param_names.iter().zip(&held_types).zip(init_exprs) {
        let some = optional(ty).map(|inner| operation_setter(field, &inner, true));
        let plain = operation_setter(field, ty, false);
        let (kind, targets) = if field == "body" && is_builder(ty) {
            let target = body_target(&work)?;
            let [body, map] = body_setters(&target, ty);
            take_fn(&mut work, "body", [body])?;
            take_fn(&mut work, "body_map", [map])?;
            (format_ident!("body"), vec![target, ty.clone()])
        } else {
            match take_fn(
                &mut work,
                &field.to_string(),
                some.into_iter().chain([plain]),
            )? {
                0 if optional(ty).is_some() => (format_ident!("some"), vec![optional(ty)?]),
                _ => (format_ident!("plain"), vec![ty.clone()]),
            }
        };
        out.push(Field {
            name: field.clone(),
            ty: ty.clone(),
            init,
            kind,
            targets,
        });
    }
    // The per-call option setters the builder has.
    let mut option_setters = Vec::new();
    for (option, template) in call_option_setters(&options_name, runtime) {
        if take_fn(&mut work, option, [template]).is_some() {
            option_setters.push(format_ident!("{option}"));
        }
    }
    **imp = work;
    let fields = out.iter().map(Field::tokens);
    Some(syn::parse_quote! {
        #runtime::operation_builder! {
            #(#docs)*
            #name, #options_name {
                #(#fields),*
            }
            options(#(#option_setters),*)
        }
    })
}

/// Whether a type is progenitor's `types::builder::X`.
fn is_builder(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p)
        if p.path.segments.len() >= 2
            && p.path.segments[p.path.segments.len() - 2].ident == "builder")
}

/// The type `body`'s setter converts to (`V: TryInto<types::X>`).
fn body_target(imp: &syn::ItemImpl) -> Option<syn::Type> {
    imp.items.iter().find_map(|i| match i {
        syn::ImplItem::Fn(f) if f.sig.ident == "body" => {
            let mut f = f.clone();
            crate::syntax::try_into_targets(&mut f)
                .first()
                .map(|t| (**t).clone())
        }
        _ => None,
    })
}

/// progenitor's setter of a parameter, as `operation_builder!` writes it.
fn operation_setter(field: &syn::Ident, target: &syn::Type, some: bool) -> syn::ImplItemFn {
    let wrap = some.then(|| quote!(.map(Some)));
    syn::parse_quote! {
        pub fn #field<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<#target>,
        {
            self.#field = value.try_into() #wrap .map_err(|_| ());
            self
        }
    }
}

/// progenitor's `body` and `body_map` for a body with a builder.
fn body_setters(target: &syn::Type, builder: &syn::Type) -> [syn::ImplItemFn; 2] {
    [
        syn::parse_quote! {
            pub fn body<V>(mut self, value: V) -> Self
            where
                V: std::convert::TryInto<#target>,
                <V as std::convert::TryInto<#target>>::Error: std::fmt::Display,
            {
                self.body = value.try_into().map(From::from).map_err(|_| ());
                self
            }
        },
        syn::parse_quote! {
            pub fn body_map<F>(mut self, f: F) -> Self
            where
                F: std::ops::FnOnce(#builder) -> #builder,
            {
                self.body = self.body.map(f);
                self
            }
        },
    ]
}

/// The per-call option setters `options.rs` adds, by name.
fn call_option_setters(
    field: &syn::Ident,
    runtime: &syn::Path,
) -> Vec<(&'static str, syn::ImplItemFn)> {
    super::options::setters(field, runtime)
        .into_iter()
        .filter_map(|(name, item)| match item {
            syn::ImplItem::Fn(f) => Some((name, f)),
            _ => None,
        })
        .collect()
}

/// A request type's builder and its impls as `type_builder!`.
fn type_builder(
    s: &syn::ItemStruct,
    imps: &mut [&mut syn::ItemImpl],
    runtime: &syn::Path,
) -> Option<syn::Item> {
    let name = &s.ident;
    let syn::Fields::Named(named) = &s.fields else {
        return None;
    };
    let names: Vec<syn::Ident> = named.named.iter().filter_map(|f| f.ident.clone()).collect();
    let types: Vec<syn::Type> = named
        .named
        .iter()
        .map(|f| held(&f.ty))
        .collect::<Option<_>>()?;
    let template: syn::ItemStruct = syn::parse_quote! {
        #[derive(Clone, Debug)]
        pub struct #name {
            #(#names: ::std::result::Result<#types, ::std::string::String>,)*
        }
    };
    if !same(s, &template, NoTrailingCommas::visit_item_struct_mut) {
        return None;
    }
    // Which impl is which.
    let mut default = None;
    let mut setters = None;
    let mut try_from = None;
    let mut from = None;
    for (i, imp) in imps.iter().enumerate() {
        let trait_name = imp
            .trait_
            .as_ref()
            .and_then(|(p, _)| p.segments.last())
            .map(|s| s.ident.to_string());
        let slot = match trait_name.as_deref() {
            None => &mut setters,
            Some("Default") => &mut default,
            Some("From") => &mut from,
            Some("TryFrom") => &mut try_from,
            _ => return None,
        };
        if slot.replace(i).is_some() {
            return None;
        }
    }
    let (default, try_from, from) = (default?, try_from?, from?);
    // `Default`: initial values, read, then checked as a whole.
    let defaults_fn = match imps[default].items.as_slice() {
        [syn::ImplItem::Fn(f)] => f.clone(),
        _ => return None,
    };
    let initial = inits(&defaults_fn.block)?;
    let init_exprs: Vec<syn::Expr> = names
        .iter()
        .map(|n| initial.iter().find(|(m, _)| m == n).map(|(_, e)| e.clone()))
        .collect::<Option<_>>()?;
    let default_template: syn::ItemImpl = syn::parse_quote! {
        impl ::std::default::Default for #name {
            fn default() -> Self {
                Self {
                    #(#names: #init_exprs,)*
                }
            }
        }
    };
    let from_template: syn::ItemImpl = syn::parse_quote! {
        impl ::std::convert::From<super::#name> for #name {
            fn from(value: super::#name) -> Self {
                Self {
                    #(#names: Ok(value.#names),)*
                }
            }
        }
    };
    let try_from_template: syn::ItemImpl = syn::parse_quote! {
        impl ::std::convert::TryFrom<#name> for super::#name {
            type Error = super::error::ConversionError;
            fn try_from(
                value: #name,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                Ok(Self {
                    #(#names: value.#names?,)*
                })
            }
        }
    };
    if !same_impl(imps[default], &default_template)
        || !same_impl(imps[from], &from_template)
        || !same_impl(imps[try_from], &try_from_template)
    {
        return None;
    }
    // Setters, one per field, each as the macro writes it.
    let mut work = match setters {
        Some(at) => (*imps[at]).clone(),
        None => syn::parse_quote!(impl #name {}),
    };
    let mut fields = Vec::new();
    for ((field, ty), init) in names.iter().zip(&types).zip(init_exprs) {
        let some = optional(ty).map(|inner| type_setter(field, &inner, true));
        let plain = type_setter(field, ty, false);
        let (kind, target) = match take_fn(
            &mut work,
            &field.to_string(),
            some.into_iter().chain([plain]),
        )? {
            0 if optional(ty).is_some() => (format_ident!("some"), optional(ty)?),
            _ => (format_ident!("plain"), ty.clone()),
        };
        fields.push(Field {
            name: field.clone(),
            ty: ty.clone(),
            init,
            kind,
            targets: vec![target],
        });
    }
    if !work.items.is_empty() {
        return None;
    }
    imps[default].items.clear();
    if let Some(at) = setters {
        imps[at].items.clear();
    }
    imps[from].items.clear();
    imps[try_from].items.clear();
    let fields = fields.iter().map(Field::tokens);
    Some(syn::parse_quote! {
        #runtime::type_builder!(#name { #(#fields),* });
    })
}

/// typify's setter of a request type's builder (`some`: after `setters.rs`
/// made it take the value).
fn type_setter(field: &syn::Ident, target: &syn::Type, some: bool) -> syn::ImplItemFn {
    let wrap = some.then(|| quote!(.map(::std::option::Option::Some)));
    syn::parse_quote! {
        pub fn #field<T>(mut self, value: T) -> Self
        where
            T: ::std::convert::TryInto<#target>,
            T::Error: ::std::fmt::Display,
        {
            self.#field = value.try_into() #wrap .map_err(|_| ());
            self
        }
    }
}

#[cfg(test)]
#[path = "compact_builders_tests.rs"]
mod tests;
