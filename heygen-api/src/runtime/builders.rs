//! The builders of generated code, written once as `macro_rules!`: an
//! operation's builder (its struct, `new`, parameter setters and per-call
//! option setters) and a request type's builder (struct, `Default`,
//! setters, and the conversions both ways).
//!
//! progenitor and typify write each builder out in full, about twenty lines
//! per parameter, the same for every operation; the generator checks that
//! what they wrote is exactly what these macros write (`heygen-api-gen`'s
//! `rewrite/compact_builders.rs` compares the syntax trees) and then emits
//! one macro call instead. What a caller sees is unchanged, except the text
//! of a failed conversion's message, which now names the target type as
//! `stringify!` spells it.

/// An operation's builder: see the module documentation. Each field is
/// `name: FieldType = initial value => kind(setter target)`, where kind is
/// `plain` (the field holds what the setter converts to), `some` (an
/// optional parameter: the setter takes the value) or `body` (a JSON body
/// with a builder of its own: `body` and `body_map`). `options(...)` lists
/// the per-call option setters whose names no parameter took.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_operation_builder {
    (
        $(#[$attr:meta])*
        $name:ident, $options:ident {
            $($field:ident : $ty:ty = $init:expr => $how:ident ($($target:ty),+)),* $(,)?
        }
        options($($option:ident),*)
    ) => {
        $(#[$attr])*
        #[derive(Debug, Clone)]
        pub struct $name<'a> {
            client: &'a super::Client,
            $($field: ::std::result::Result<$ty, ::std::string::String>,)*
            $options: $crate::runtime::__private::CallOptions,
        }
        impl<'a> $name<'a> {
            pub fn new(client: &'a super::Client) -> Self {
                Self {
                    client,
                    $($field: $init,)*
                    $options: ::std::default::Default::default(),
                }
            }
            $($crate::__heygen_operation_setter!($how $field $($target),+);)*
            $($crate::__heygen_call_option!($options $option);)*
        }
    };
}

/// One setter of an operation's builder; see `operation_builder!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_operation_setter {
    (plain $field:ident $target:ty) => {
        $crate::__heygen_operation_setter!(@set [] $field $target);
    };
    (some $field:ident $target:ty) => {
        $crate::__heygen_operation_setter!(@set [.map(::std::option::Option::Some)] $field $target);
    };
    (@set [$($wrap:tt)*] $field:ident $target:ty) => {
        pub fn $field<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<$target>,
        {
            self.$field = value.try_into() $($wrap)* .map_err(|_| {
                ::std::concat!(
                    "conversion to `",
                    ::std::stringify!($target),
                    "` for ",
                    ::std::stringify!($field),
                    " failed"
                )
                .to_string()
            });
            self
        }
    };
    (body $field:ident $target:ty, $builder:ty) => {
        pub fn body<V>(mut self, value: V) -> Self
        where
            V: ::std::convert::TryInto<$target>,
            <V as ::std::convert::TryInto<$target>>::Error: ::std::fmt::Display,
        {
            self.body = value
                .try_into()
                .map(::std::convert::From::from)
                .map_err(|s| {
                    ::std::format!(
                        ::std::concat!(
                            "conversion to `",
                            ::std::stringify!($target),
                            "` for body failed: {}"
                        ),
                        s
                    )
                });
            self
        }
        pub fn body_map<F>(mut self, f: F) -> Self
        where
            F: ::std::ops::FnOnce($builder) -> $builder,
        {
            self.body = self.body.map(f);
            self
        }
    };
}

/// One per-call option setter of an operation's builder, on its
/// `CallOptions` field.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_call_option {
    ($options:ident timeout) => {
        /// How long each attempt of this call may take, instead of the client's timeout.
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.$options = self.$options.timeout(timeout);
            self
        }
    };
    ($options:ident deadline) => {
        /// How long this call may take in all, retries included, instead of the client's deadline.
        pub fn deadline(mut self, deadline: ::std::time::Duration) -> Self {
            self.$options = self.$options.deadline(deadline);
            self
        }
    };
    ($options:ident max_retries) => {
        /// How many times this call may be sent again, instead of the client's limit.
        pub fn max_retries(mut self, retries: u32) -> Self {
            self.$options = self.$options.max_retries(retries);
            self
        }
    };
    ($options:ident header) => {
        /// Adds a header to this call; see [`CallOptions::header`](crate::CallOptions::header) for the headers it refuses.
        pub fn header(mut self, name: impl AsRef<str>, value: impl AsRef<str>) -> Self {
            self.$options = self.$options.header(name, value);
            self
        }
    };
    ($options:ident call_options) => {
        /// Replaces this call's options with `options`.
        pub fn call_options(mut self, options: $crate::runtime::__private::CallOptions) -> Self {
            self.$options = options;
            self
        }
    };
}

/// A request type's builder, in the generated `types::builder` module:
/// `type_builder!(Name { field: FieldType = default => kind(target), ... })`
/// with kind `plain` (the setter converts to the field's type) or `some`
/// (an optional field: the setter takes the value).
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_type_builder {
    ($name:ident { $($field:ident : $ty:ty = $init:expr => $how:ident ($target:ty)),* $(,)? }) => {
        #[derive(Clone, Debug)]
        pub struct $name {
            $($field: ::std::result::Result<$ty, ::std::string::String>,)*
        }
        impl ::std::default::Default for $name {
            fn default() -> Self {
                Self { $($field: $init,)* }
            }
        }
        impl $name {
            $($crate::__heygen_type_setter!($how $field $target);)*
        }
        impl ::std::convert::TryFrom<$name> for super::$name {
            type Error = super::error::ConversionError;
            fn try_from(
                value: $name,
            ) -> ::std::result::Result<Self, super::error::ConversionError> {
                ::std::result::Result::Ok(Self { $($field: value.$field?,)* })
            }
        }
        impl ::std::convert::From<super::$name> for $name {
            fn from(value: super::$name) -> Self {
                Self { $($field: ::std::result::Result::Ok(value.$field),)* }
            }
        }
    };
}

/// One setter of a request type's builder; see `type_builder!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_type_setter {
    (plain $field:ident $target:ty) => {
        $crate::__heygen_type_setter!(@set [] $field $target);
    };
    (some $field:ident $target:ty) => {
        $crate::__heygen_type_setter!(@set [.map(::std::option::Option::Some)] $field $target);
    };
    (@set [$($wrap:tt)*] $field:ident $target:ty) => {
        pub fn $field<T>(mut self, value: T) -> Self
        where
            T: ::std::convert::TryInto<$target>,
            T::Error: ::std::fmt::Display,
        {
            self.$field = value.try_into() $($wrap)* .map_err(|e| {
                ::std::format!(
                    ::std::concat!("error converting supplied value for ", ::std::stringify!($field), ": {}"),
                    e
                )
            });
            self
        }
    };
}

/// `Envelope` for a generated success type: `envelope!(Type => Data, |s| s.data)`
/// (the closure reads the `data` out, `None` when absent or `null`).
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_envelope {
    ($ty:ty => $data:ty, |$value:ident| $body:expr) => {
        impl $crate::runtime::__private::Envelope for $ty {
            type Data = $data;
            fn into_data(self) -> ::std::option::Option<Self::Data> {
                let $value = self;
                $body
            }
        }
    };
}

/// `Paged` and `stream` for an operation's builder:
/// `paged!(Builder, Item, |page: Response| { .. a Page .. })`, the block
/// making one `Page` of the decoded response.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_paged {
    ($builder:ident, $item:ty, |$page:ident : $response:ty| $body:block) => {
        impl<'a> $crate::runtime::__private::Paged<'a> for builder::$builder<'a> {
            type Item = $item;
            fn with_token(self, token: ::std::string::String) -> Self {
                self.token(token)
            }
            fn fetch(
                self,
            ) -> $crate::runtime::__private::BoxFuture<
                'a,
                ::std::result::Result<
                    $crate::runtime::__private::Page<Self::Item>,
                    $crate::runtime::__private::Error,
                >,
            > {
                ::std::boxed::Box::pin(async move {
                    let $page: $response = self.send().await?.into_inner();
                    $body
                })
            }
        }
        impl<'a> builder::$builder<'a> {
            /// Every item of every page, following `next_token` until the
            /// server says there are no more. Pages are fetched lazily:
            /// a stream that is dropped or `take`n fetches no further.
            pub fn stream(self) -> $crate::runtime::__private::PageStream<'a, $item> {
                $crate::runtime::__private::PageStream::new(self)
            }
        }
    };
}
