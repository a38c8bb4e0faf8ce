//! A field that can be absent, `null`, or a value: used only where the
//! document gives `null` a meaning of its own.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One optional property whose `null` means something other than leaving
/// it out: in an update, say, absent keeps the stored value and `null`
/// clears it. The generator uses it only for an optional property that
/// admits `null` and declares no default; every other optional field is a
/// plain `Option` (not sent when `None`, and `None` when the server sends
/// `null` or nothing).
///
/// ```
/// use heygen_api::Nullable;
/// let keep: Nullable<String> = Nullable::Absent; // not sent
/// let clear: Nullable<String> = Nullable::Null; // sent as `null`
/// let set: Nullable<String> = "new title".to_string().into(); // sent as the value
/// assert_eq!(set.as_option(), Some(&"new title".to_string()));
/// assert!(keep.is_absent() && clear.is_null());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Nullable<T> {
    /// Not sent; read when the field is missing.
    #[default]
    Absent,
    /// Sent as `null`; read when the field is `null`.
    Null,
    /// Sent as the value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether the field is left out.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// Whether the field is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if there is one (absent and `null` are both `None`).
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Nullable::Value(value) => Some(value),
            _ => None,
        }
    }

    /// The value, if there is one.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(value) => Some(value),
            _ => None,
        }
    }

    /// `Some(v)` as the value, `None` as absent.
    pub fn from_option(value: Option<T>) -> Self {
        match value {
            Some(value) => Nullable::Value(value),
            None => Nullable::Absent,
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            // A field holding `Absent` is skipped by its container
            // (`skip_serializing_if`); anywhere else it can only be `null`.
            Nullable::Absent | Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Called only for a field that is there (`#[serde(default)]` makes
        // a missing one `Absent`).
        Ok(match Option::<T>::deserialize(deserializer)? {
            Some(value) => Nullable::Value(value),
            None => Nullable::Null,
        })
    }
}

#[cfg(feature = "schemars")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Nullable<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Nullable_{}", T::schema_name()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Option<T>>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::Nullable;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Update {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        title: Nullable<String>,
    }

    #[test]
    fn helpers_read_each_state() {
        let absent: Nullable<u8> = Nullable::Absent;
        let null: Nullable<u8> = Nullable::Null;
        let value: Nullable<u8> = 7.into();
        assert_eq!(value, Nullable::Value(7));
        assert!(absent.is_absent() && !absent.is_null());
        assert!(null.is_null() && !null.is_absent());
        assert!(!value.is_null() && !value.is_absent());
        assert_eq!(value.as_option(), Some(&7));
        assert_eq!(null.as_option(), None);
        assert_eq!(value.into_option(), Some(7));
        assert_eq!(absent.into_option(), None);
        assert_eq!(Nullable::from_option(Some(3u8)), Nullable::Value(3));
        assert_eq!(Nullable::<u8>::from_option(None), Nullable::Absent);
    }

    /// Its schema is the schema of the `Option` it refines.
    #[cfg(feature = "schemars")]
    #[test]
    fn its_schema_is_the_options() {
        let ours = schemars::schema_for!(Nullable<String>).to_value();
        let option = schemars::schema_for!(Option<String>).to_value();
        assert_eq!(ours["type"], option["type"], "{ours}");
        assert!(ours.to_string().contains("null"), "{ours}");
    }

    #[test]
    fn three_states_round_trip() {
        for (text, value) in [
            ("{}", Nullable::Absent),
            (r#"{"title":null}"#, Nullable::Null),
            (r#"{"title":"t"}"#, Nullable::Value("t".to_string())),
        ] {
            let read: Update = serde_json::from_str(text).unwrap();
            assert_eq!(read.title, value, "{text}");
            assert_eq!(serde_json::to_string(&read).unwrap(), text);
        }
    }
}
