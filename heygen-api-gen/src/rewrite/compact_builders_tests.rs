//! Tests of `compact_builders.rs`: what becomes one macro call, and what
//! stays written out.

use quote::format_ident;

fn builder_module(setter_of_b: syn::ImplItemFn) -> syn::File {
    let runtime: syn::Path = syn::parse_quote!(rt);
    let options = format_ident!("options");
    let calls: Vec<syn::ImplItem> = super::super::options::setters(&options, &runtime)
        .into_iter()
        .map(|(_, f)| f)
        .collect();
    let a = super::operation_setter(&format_ident!("a"), &syn::parse_quote!(String), true);
    syn::parse_quote! {
        pub mod builder {
            /// Builder for `op`.
            #[derive(Debug, Clone)]
            pub struct Op<'a> {
                client: &'a super::Client,
                a: Result<Option<String>, String>,
                b: Result<u32, String>,
                options: rt::CallOptions,
            }
            impl<'a> Op<'a> {
                pub fn new(client: &'a super::Client) -> Self {
                    Self {
                        client: client,
                        a: Ok(None),
                        b: Err(String::new()),
                        options: ::std::default::Default::default(),
                    }
                }
                #a
                #setter_of_b
                pub fn send(self) {}
                #(#calls)*
            }
        }
    }
}

fn run(mut file: syn::File) -> String {
    super::pass(&mut file, &syn::parse_quote!(rt));
    crate::syntax::display(&file).replace(char::is_whitespace, "")
}

#[test]
fn a_builder_as_progenitor_writes_it_becomes_one_call() {
    let b = super::operation_setter(&format_ident!("b"), &syn::parse_quote!(u32), false);
    let out = run(builder_module(b));
    assert!(
        out.contains("rt::operation_builder!{#[doc=r\"Builderfor`op`.\"]Op,options{a:Option<String>=Ok(None)=>some(String),b:u32=Err(String::new())=>plain(u32)}options(timeout,deadline,max_retries,header,call_options)}"),
        "{out}"
    );
    // What the macro does not write stays: `send`.
    assert!(out.contains("impl<'a>Op<'a>{pubfnsend(self){}}"), "{out}");
    assert!(!out.contains("pubstructOp"), "{out}");
}

#[test]
fn trailing_commas_do_not_matter_and_the_body_gets_both_setters() {
    // `b` as another printer might write it: no comma after the bound,
    // one inside the generic arguments.
    let b: syn::ImplItemFn = syn::parse_quote! {
        pub fn b<V>(mut self, value: V) -> Self
        where
            V: std::convert::TryInto<u32,>
        {
            self.b = value.try_into().map_err(|_| "x".to_string());
            self
        }
    };
    let out = run(builder_module(b));
    assert!(out.contains("rt::operation_builder!{"), "{out}");
    // A body with a builder of its own.
    let mut file = builder_module(super::operation_setter(
        &format_ident!("b"),
        &syn::parse_quote!(u32),
        false,
    ));
    let target: syn::Type = syn::parse_quote!(types::Clip);
    let builder: syn::Type = syn::parse_quote!(types::builder::Clip);
    let [body, map] = super::body_setters(&target, &builder);
    if let Some(syn::Item::Mod(m)) = file.items.first_mut() {
        let items = &mut m.content.as_mut().expect("inline").1;
        if let Some(syn::Item::Struct(s)) = items.first_mut() {
            if let syn::Fields::Named(named) = &mut s.fields {
                let options = named.named.pop().expect("options");
                named
                    .named
                    .push(syn::parse_quote!(body: Result<types::builder::Clip, String>));
                named.named.push(options);
            }
        }
        if let Some(syn::Item::Impl(imp)) = items.get_mut(1) {
            if let Some(syn::ImplItem::Fn(new)) = imp.items.first_mut() {
                if let Some(syn::Stmt::Expr(syn::Expr::Struct(init), _)) =
                    new.block.stmts.first_mut()
                {
                    let options = init.fields.pop().expect("options");
                    init.fields
                        .push(syn::parse_quote!(body: Ok(Default::default())));
                    init.fields.push(options);
                }
            }
            imp.items.insert(3, syn::ImplItem::Fn(map));
            imp.items.insert(3, syn::ImplItem::Fn(body));
        }
    }
    let out = run(file);
    assert!(
        out.contains("body:types::builder::Clip=Ok(Default::default())=>body(types::Clip,types::builder::Clip)"),
        "{out}"
    );
}

#[test]
fn a_struct_unlike_progenitor_s_stays_written_out() {
    let b = || super::operation_setter(&format_ident!("b"), &syn::parse_quote!(u32), false);
    let edits: [fn(&mut syn::ItemStruct); 5] = [
        |s| s.attrs.push(syn::parse_quote!(#[non_exhaustive])),
        |s| s.attrs.retain(|a| !a.path().is_ident("derive")),
        |s| s.vis = syn::parse_quote!(pub(crate)),
        |s| s.generics = syn::parse_quote!(<'a, 'b>),
        |s| {
            if let syn::Fields::Named(named) = &mut s.fields {
                named.named[1].ty = syn::parse_quote!(Result<Option<u8>, String>);
            }
        },
    ];
    for edit in edits {
        let mut file = builder_module(b());
        if let Some(syn::Item::Mod(m)) = file.items.first_mut() {
            if let Some(syn::Item::Struct(s)) = m.content.as_mut().and_then(|c| c.1.first_mut()) {
                edit(s);
            }
        }
        let out = run(file);
        assert!(!out.contains("operation_builder!"), "{out}");
    }
}

#[test]
fn a_builder_with_a_setter_of_another_shape_stays_written_out() {
    let b: syn::ImplItemFn = syn::parse_quote! {
        pub fn b(mut self, value: u32) -> Self {
            self.b = Ok(value + 1);
            self
        }
    };
    let out = run(builder_module(b));
    assert!(!out.contains("operation_builder!"), "{out}");
    assert!(out.contains("pubstructOp<'a>"), "{out}");
    assert!(out.contains("pubfntimeout("), "{out}");
}

/// A request type's builder as typify writes it (after `setters.rs`), with
/// `extra` impls beside it.
fn type_builder_module(extra: Vec<syn::Item>) -> syn::File {
    let some = super::type_setter(
        &format_ident!("title"),
        &syn::parse_quote!(::std::string::String),
        true,
    );
    let plain = super::type_setter(&format_ident!("id"), &syn::parse_quote!(u32), false);
    syn::parse_quote! {
        pub mod types {
            pub mod builder {
                #[derive(Clone, Debug)]
                pub struct Clip {
                    id: ::std::result::Result<u32, ::std::string::String>,
                    title: ::std::result::Result<::std::option::Option<::std::string::String>, ::std::string::String>,
                }
                impl ::std::default::Default for Clip {
                    fn default() -> Self {
                        Self {
                            id: Err("no value supplied for id".to_string()),
                            title: Ok(Default::default()),
                        }
                    }
                }
                impl Clip {
                    #plain
                    #some
                }
                impl ::std::convert::TryFrom<Clip> for super::Clip {
                    type Error = super::error::ConversionError;
                    fn try_from(value: Clip) -> ::std::result::Result<Self, super::error::ConversionError> {
                        Ok(Self { id: value.id?, title: value.title? })
                    }
                }
                impl ::std::convert::From<super::Clip> for Clip {
                    fn from(value: super::Clip) -> Self {
                        Self { id: Ok(value.id), title: Ok(value.title) }
                    }
                }
                #(#extra)*
            }
        }
    }
}

#[test]
fn a_request_type_s_builder_as_typify_writes_it_becomes_one_call() {
    // An impl for a type of the same name elsewhere is not the builder's.
    let out = run(type_builder_module(vec![syn::parse_quote! {
        impl ::std::fmt::Display for other::Clip {}
    }]));
    assert!(
        out.contains("rt::type_builder!(Clip{id:u32=Err(\"novaluesuppliedforid\".to_string())=>plain(u32),title:::std::option::Option<::std::string::String>=Ok(Default::default())=>some(::std::string::String)});"),
        "{out}"
    );
    assert!(!out.contains("implClip{"), "{out}");
    assert!(!out.contains("TryFrom<Clip>"), "{out}");
    assert!(out.contains("Displayforother::Clip"), "{out}");
}

#[test]
fn a_request_type_s_builder_of_another_shape_stays_written_out() {
    // An impl the macro does not write, for the builder itself.
    let out = run(type_builder_module(vec![syn::parse_quote! {
        impl ::std::fmt::Display for Clip {}
    }]));
    assert!(!out.contains("type_builder!"), "{out}");
    // A conversion written differently.
    let mut file = type_builder_module(Vec::new());
    edit_type_builder(&mut file, |items| {
        items[4] = syn::parse_quote! {
            impl ::std::convert::From<super::Clip> for Clip {
                fn from(value: super::Clip) -> Self {
                    Self { id: Ok(value.id + 1), title: Ok(value.title) }
                }
            }
        };
    });
    let out = run(file);
    assert!(!out.contains("type_builder!"), "{out}");
    // Fields without their setters.
    let mut file = type_builder_module(Vec::new());
    edit_type_builder(&mut file, |items| {
        items.remove(2);
    });
    let out = run(file);
    assert!(!out.contains("type_builder!"), "{out}");
}

fn edit_type_builder(file: &mut syn::File, edit: impl FnOnce(&mut Vec<syn::Item>)) {
    if let Some(syn::Item::Mod(types)) = file.items.first_mut() {
        if let Some(syn::Item::Mod(builder)) = types.content.as_mut().and_then(|c| c.1.first_mut())
        {
            edit(&mut builder.content.as_mut().expect("inline").1);
        }
    }
}

#[test]
fn a_body_without_a_builder_is_a_plain_parameter() {
    // `body: types::Clip` (a union, say): progenitor's plain setter.
    let mut file = builder_module(super::operation_setter(
        &format_ident!("body"),
        &syn::parse_quote!(types::Clip),
        false,
    ));
    if let Some(syn::Item::Mod(m)) = file.items.first_mut() {
        let items = &mut m.content.as_mut().expect("inline").1;
        if let Some(syn::Item::Struct(s)) = items.first_mut() {
            if let syn::Fields::Named(named) = &mut s.fields {
                named.named[2] = syn::parse_quote!(body: Result<types::Clip, String>);
            }
        }
        if let Some(syn::Item::Impl(imp)) = items.get_mut(1) {
            if let Some(syn::ImplItem::Fn(new)) = imp.items.first_mut() {
                if let Some(syn::Stmt::Expr(syn::Expr::Struct(init), _)) =
                    new.block.stmts.first_mut()
                {
                    init.fields[2] = syn::parse_quote!(body: Err(String::new()));
                }
            }
        }
    }
    let out = run(file);
    assert!(
        out.contains("body:types::Clip=Err(String::new())=>plain(types::Clip)"),
        "{out}"
    );
}
