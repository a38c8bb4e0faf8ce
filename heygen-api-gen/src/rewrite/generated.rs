//! Finding the parts of progenitor's output the passes edit.

/// The items of the generated module `name` among `items` (`types` and
/// `builder` in the file, `builder` in `types`).
pub(super) fn module_items<'a>(
    items: &'a mut [syn::Item],
    name: &str,
) -> Option<&'a mut Vec<syn::Item>> {
    items.iter_mut().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == name => m.content.as_mut().map(|(_, items)| items),
        _ => None,
    })
}
