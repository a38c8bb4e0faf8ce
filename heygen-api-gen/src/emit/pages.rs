//! `Paged` for the builders of the operations the plan says page: either
//! `data` is the list, or `data` is an object holding it as `items`
//! (HeyGen's batch reads), beside `next_token` and/or `has_more`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::context::Emit;
use super::types::{flatten, is_vec, peel_options, Types};
use crate::plan::{OperationPlan, Paging};
use crate::syntax::last_generic;

/// The `Paged` impl and `stream` method of `op`'s builder; `Err` says what
/// the generated types lack that the plan promised.
pub(super) fn paged(
    emit: &Emit<'_>,
    op: &OperationPlan,
    paging: &Paging,
) -> Result<TokenStream, String> {
    let runtime = emit.runtime;
    let types = emit.types;
    let success = op
        .success
        .as_ref()
        .ok_or_else(|| format!("the paged operation `{}` has no JSON success body", op.id))?;
    let name = &success.type_name;
    let data_ty = types
        .field(name, "data")
        .ok_or_else(|| format!("`{name}` has no field `data`"))?;
    let (data_inner, data_layers) = peel_options(&data_ty);
    let data = flatten(quote! { page.data }, &data_ty);
    let (item_ty, body) = match paging {
        Paging::DataList => {
            let item_ty = last_generic(&data_inner, 0)
                .filter(|_| is_vec(&data_inner))
                .ok_or_else(|| format!("`{name}.data` is not a list"))?;
            let (next, more) = cursor_of(types, name, quote! { page })?;
            let items = if data_layers == 0 {
                quote! { page.data }
            } else {
                quote! { #data.unwrap_or_default() }
            };
            let body = quote! {
                let (next_token, has_more) = (#next, #more);
                Ok(#runtime::Page { items: #items, has_more, next_token })
            };
            (item_ty, body)
        }
        Paging::DataItems { holder } => {
            let items_ty = types.field(holder, "items").ok_or_else(|| {
                format!("`{holder}` (the `data` of `{name}`) has no field `items`")
            })?;
            let (list, layers) = peel_options(&items_ty);
            let item_ty = last_generic(&list, 0)
                .filter(|_| is_vec(&list))
                .ok_or_else(|| format!("`{holder}.items` is not a list"))?;
            let (next, more) = cursor_of(types, holder, quote! { data })?;
            let items = if layers == 0 {
                quote! { data.items }
            } else {
                let items = flatten(quote! { data.items }, &items_ty);
                quote! { #items.unwrap_or_default() }
            };
            let body = quote! {
                let ::std::option::Option::Some(data) = #data else {
                    return Ok(#runtime::Page { items: ::std::vec::Vec::new(), has_more: Some(false), next_token: None });
                };
                let (next_token, has_more) = (#next, #more);
                Ok(#runtime::Page { items: #items, has_more, next_token })
            };
            (item_ty, body)
        }
    };
    let builder = format_ident!("{}", op.builder);
    let resp = format_ident!("{}", name);
    Ok(quote! {
        #runtime::paged!(#builder, #item_ty, |page: types::#resp| { #body });
    })
}

/// Reads the cursor fields of `holder` (a type) out of `at` (a value).
fn cursor_of(
    types: &Types,
    holder: &str,
    at: TokenStream,
) -> Result<(TokenStream, TokenStream), String> {
    let next = types.field(holder, "next_token").map(|t| {
        let value = flatten(quote! { #at.next_token }, &t);
        quote! { #value.map(|t| t.to_string()) }
    });
    let more = types
        .field(holder, "has_more")
        .map(|t| flatten(quote! { #at.has_more }, &t));
    if next.is_none() && more.is_none() {
        return Err(format!(
            "`{holder}` has neither `next_token` nor `has_more`"
        ));
    }
    let none = quote! { None };
    Ok((next.unwrap_or(none.clone()), more.unwrap_or(none)))
}
