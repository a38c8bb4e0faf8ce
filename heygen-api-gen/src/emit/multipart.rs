//! The `Client` methods of `multipart/form-data` operations, which the
//! generator makes itself (progenitor does not send forms with files).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::plan::{naming, MultipartForm, OperationPlan};

/// The method of one multipart operation.
pub(super) fn method(runtime: &syn::Path, op: &OperationPlan, form: &MultipartForm) -> TokenStream {
    let name = format_ident!("{}", op.rust_method);
    let op_id = &op.rust_method;
    let variant = format_ident!("{}", op.retry_class.variant());
    let method = op.method.to_uppercase();
    let args: Vec<syn::Ident> = form
        .path_params
        .iter()
        .map(|p| format_ident!("{}", naming::parameter(p)))
        .collect();
    let mut fmt = op.path.clone();
    for p in &form.path_params {
        fmt = fmt.replace(&format!("{{{p}}}"), "{}");
    }
    let response = match &op.success {
        Some(success) => {
            let t = format_ident!("{}", success.type_name);
            quote! { types::#t }
        }
        None => quote! { () },
    };
    let mut doc = format!(
        "{}\n\nSends a `{method}` request to `{}` as `multipart/form-data`.\n\nForm fields:",
        form.summary.clone().unwrap_or_default(),
        op.path
    );
    for field in &form.fields {
        let kind = if field.is_file { "file" } else { "text" };
        let req = if field.required {
            "required"
        } else {
            "optional"
        };
        doc.push_str(&format!("\n- `{}` ({kind}, {req})", field.name));
    }
    doc.push_str("\n\n");
    doc.push_str(op.retry_class.doc());
    doc.push_str(" A form read from a path or from bytes is built again for a retry; one with a reader is sent once.");
    let required_fields: Vec<&String> = form
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| &f.name)
        .collect();
    quote! {
        #[doc = #doc]
        pub fn #name(&self, #(#args: &str),*) -> #runtime::MultipartRequest<'_, Self, #response> {
            // A path parameter that cannot be one segment fails here, and
            // the call with it, before anything is sent.
            let url = #runtime::url(&self.baseurl, &self.inner, format_args!(#fmt, #(encode_path(#args)),*));
            let call = #runtime::CallSpec {
                operation_id: #op_id,
                class: #runtime::RetryClass::#variant,
                options: ::std::default::Default::default(),
            };
            #runtime::MultipartRequest::new(self, #method, url, call, &[#(#required_fields),*])
        }
    }
}
