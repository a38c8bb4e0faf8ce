//! Small `Deserialize` (and string-enum) impls for generated types, written
//! by two `macro_rules!` instead of `serde_derive`.
//!
//! Why: serde's derived `Deserialize` for a struct is about 190 lines once
//! expanded (a field enum, its visitor for strings, bytes and indices, a
//! sequence visitor, a map visitor), and those lines were half of all the
//! code rustc read for HeyGen's client: most of its peak memory. The
//! generated types need one shape only, a JSON object with known keys, so
//! the macros below write that: one map visitor whose per-field work is a
//! call of the generic [`fill`]. Behaviour kept from serde's derive:
//! unknown keys are skipped, a repeated key is an error, a missing required
//! field is `missing field `x``, a missing `Option` is `None`, a missing
//! field with a default gets it. Not kept: reading a struct from a JSON
//! array, which no HeyGen response does.

use std::fmt;

use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A map key as the input gives it: borrowed where the input allows (JSON
/// without escapes), owned otherwise.
#[doc(hidden)]
#[derive(Debug)]
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

/// Reads the value of field `name` into its slot; a second value for the
/// same field is an error, as with serde's derive.
#[doc(hidden)]
pub fn fill<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    map: &mut A,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

/// A required field's value, or `missing field `name``.
#[doc(hidden)]
pub fn required<T, E: serde::de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// Reads a string enum's value through its `FromStr`.
#[doc(hidden)]
pub fn deserialize_from_str<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    let key = Key::deserialize(deserializer)?;
    key.as_str().parse().map_err(D::Error::custom)
}

/// `Deserialize` for a generated struct read from a JSON object:
/// `deserialize_struct!(Name { field: "wire" req, other: "x" opt, third: "y" def(path) })`.
/// `req`: absent is an error; `opt`: absent is `Default::default()`;
/// `def(path)`: absent is `path()`.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_deserialize_struct {
    ($name:ident { $($field:ident : $wire:literal $how:ident $(($default:path))?),* $(,)? }) => {
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                // Names no generated type can have: the items below would
                // otherwise hide a type of the same name.
                struct __HeygenFields;
                impl<'de> ::serde::de::Visitor<'de> for __HeygenFields {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(::std::concat!("struct ", ::std::stringify!($name)))
                    }
                    #[allow(unused_mut)]
                    fn visit_map<__A: ::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::std::result::Result<$name, __A::Error> {
                        $(let mut $field = ::std::option::Option::None;)*
                        while let ::std::option::Option::Some(key) =
                            map.next_key::<$crate::runtime::__private::Key<'de>>()?
                        {
                            match key.as_str() {
                                $($wire => $crate::runtime::__private::fill(&mut $field, &mut map, $wire)?,)*
                                _ => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        ::std::result::Result::Ok($name {
                            $($field: $crate::__heygen_field!($how $field $wire $($default)?),)*
                        })
                    }
                }
                const __HEYGEN_FIELDS: &[&str] = &[$($wire),*];
                deserializer.deserialize_struct(
                    ::std::stringify!($name),
                    __HEYGEN_FIELDS,
                    __HeygenFields,
                )
            }
        }
    };
}

/// One field's value once the map is read; see `deserialize_struct!`.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_field {
    (req $slot:ident $wire:literal) => {
        $crate::runtime::__private::required($slot, $wire)?
    };
    (opt $slot:ident $wire:literal) => {
        $slot.unwrap_or_default()
    };
    (def $slot:ident $wire:literal $default:path) => {
        $slot.unwrap_or_else($default)
    };
}

/// A string enum's `Display`, `FromStr`, `TryFrom<&str>`, `TryFrom<String>`
/// and `Deserialize`, from its table of values:
/// `string_enum!(Name { Variant = "wire", ... } unknown Unknown)`; with
/// `unknown V`, a value not in the table is kept as `V(String)`, without it
/// it is an error. `FromStr`'s error is the generated
/// `types::error::ConversionError`.
#[doc(hidden)]
#[macro_export]
macro_rules! __heygen_string_enum {
    ($name:ident { $($variant:ident = $wire:literal),* $(,)? } $(unknown $unknown:ident)?) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $(Self::$variant => f.write_str($wire),)*
                    $(Self::$unknown(value) => f.write_str(value),)?
                }
            }
        }
        impl ::std::str::FromStr for $name {
            type Err = self::error::ConversionError;
            fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
                match value {
                    $($wire => ::std::result::Result::Ok(Self::$variant),)*
                    $(other => ::std::result::Result::Ok(Self::$unknown(other.to_string())),)?
                    #[allow(unreachable_patterns)]
                    _ => ::std::result::Result::Err("invalid value".into()),
                }
            }
        }
        impl ::std::convert::TryFrom<&str> for $name {
            type Error = self::error::ConversionError;
            fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
                value.parse()
            }
        }
        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = self::error::ConversionError;
            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                value.parse()
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                $crate::runtime::__private::deserialize_from_str(deserializer)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[derive(Debug, PartialEq)]
    struct Clip {
        id: String,
        title: Option<String>,
        tags: Vec<String>,
        speed: f64,
        kind: Option<i64>,
    }

    fn one() -> f64 {
        1.0
    }

    crate::__heygen_deserialize_struct!(Clip {
        id: "id" req,
        title: "title" opt,
        tags: "tag_list" opt,
        speed: "speed" def(one),
        kind: "kind" opt,
    });

    #[test]
    fn a_struct_reads_as_serde_derive_reads_it() {
        let clip: Clip =
            serde_json::from_str(r#"{"id":"c1","tag_list":["a"],"extra":{"x":[1]},"kind":null}"#)
                .unwrap();
        assert_eq!(
            clip,
            Clip {
                id: "c1".into(),
                title: None,
                tags: vec!["a".into()],
                speed: 1.0,
                kind: None
            }
        );
        // Escaped keys arrive owned, and are matched all the same.
        let clip: Clip = serde_json::from_str(r#"{"i\u0064":"c2","speed":2.5}"#).unwrap();
        assert_eq!((clip.id.as_str(), clip.speed), ("c2", 2.5));
        // From a `Value`, keys are owned strings.
        let clip: Clip = serde_json::from_value(json!({"id": "c3", "title": "t"})).unwrap();
        assert_eq!(clip.title.as_deref(), Some("t"));
    }

    // Generated types may be called anything a schema is called: the
    // macro's own items and generic parameters must not hide them.
    #[derive(Debug, PartialEq)]
    struct Fields {
        a: Option<A>,
    }
    #[derive(Debug, PartialEq)]
    struct A {
        d: Option<D>,
    }
    #[derive(Debug, PartialEq)]
    struct D {}
    crate::__heygen_deserialize_struct!(Fields { a: "a" opt });
    crate::__heygen_deserialize_struct!(A { d: "d" opt });
    crate::__heygen_deserialize_struct!(D {});

    #[test]
    fn types_named_like_the_macro_s_own_names_read() {
        let fields: Fields = serde_json::from_str(r#"{"a":{"d":{}}}"#).unwrap();
        assert_eq!(
            fields,
            Fields {
                a: Some(A { d: Some(D {}) })
            }
        );
    }

    #[test]
    fn a_struct_refuses_what_serde_derive_refuses() {
        let missing = serde_json::from_str::<Clip>(r#"{"title":"t"}"#).unwrap_err();
        assert!(
            missing.to_string().contains("missing field `id`"),
            "{missing}"
        );
        let twice = serde_json::from_str::<Clip>(r#"{"id":"a","id":"b"}"#).unwrap_err();
        assert!(
            twice.to_string().contains("duplicate field `id`"),
            "{twice}"
        );
        let wrong = serde_json::from_str::<Clip>(r#"{"id":5}"#).unwrap_err();
        assert!(wrong.to_string().contains("invalid type"), "{wrong}");
        let not_object = serde_json::from_str::<Clip>("[1]").unwrap_err();
        assert!(
            not_object.to_string().contains("struct Clip"),
            "{not_object}"
        );
    }

    #[test]
    fn a_key_that_is_not_a_string_is_refused_by_name() {
        use serde::de::value::{Error, MapDeserializer};
        use serde::Deserialize;
        let map = MapDeserializer::<_, Error>::new(vec![(1u32, "c1")].into_iter());
        let err = Clip::deserialize(map).unwrap_err();
        assert!(err.to_string().contains("a field name"), "{err}");
    }

    mod enums {
        pub mod error {
            #[derive(Debug)]
            pub struct ConversionError(pub String);
            impl From<&'static str> for ConversionError {
                fn from(value: &'static str) -> Self {
                    Self(value.into())
                }
            }
            impl std::fmt::Display for ConversionError {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(&self.0)
                }
            }
        }

        #[derive(Debug, PartialEq)]
        pub enum Status {
            Pending,
            Done,
            Unknown(String),
        }
        crate::__heygen_string_enum!(Status { Pending = "pending", Done = "done" } unknown Unknown);

        #[derive(Debug, PartialEq)]
        pub enum Closed {
            A,
        }
        crate::__heygen_string_enum!(Closed { A = "a" });
    }

    #[test]
    fn a_string_enum_reads_writes_and_keeps_what_it_does_not_know() {
        use enums::{Closed, Status};
        assert_eq!(
            serde_json::from_str::<Status>(r#""done""#).unwrap(),
            Status::Done
        );
        assert_eq!(
            serde_json::from_value::<Status>(json!("pending")).unwrap(),
            Status::Pending
        );
        let later = serde_json::from_str::<Status>(r#""archived""#).unwrap();
        assert_eq!(later, Status::Unknown("archived".into()));
        assert_eq!(later.to_string(), "archived");
        assert_eq!(Status::Done.to_string(), "done");
        assert_eq!(Status::try_from("pending").unwrap(), Status::Pending);
        assert_eq!(
            Status::try_from(String::from("x")).unwrap(),
            Status::Unknown("x".into())
        );
        assert!(serde_json::from_str::<Status>("5").is_err());
        assert_eq!("a".parse::<Closed>().unwrap(), Closed::A);
        assert_eq!(Closed::A.to_string(), "a");
        let refused = serde_json::from_str::<Closed>(r#""b""#).unwrap_err();
        assert!(refused.to_string().contains("invalid value"), "{refused}");
    }
}
