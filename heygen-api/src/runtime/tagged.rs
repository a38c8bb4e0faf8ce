//! Writing a discriminated union's variant with the tag its variant implies
//! (the payload types of such unions have no tag field of their own).

use serde::ser::Error as _;
use serde::{Serialize, Serializer};

/// Serialises `payload` as an object with `key: tag` added: how a union's
/// variant goes on the wire. A payload that is not an object (which the
/// generator never pairs with a tag) is an error, not a value without its
/// tag.
#[doc(hidden)]
pub fn serialize_tagged<S: Serializer, T: Serialize>(
    serializer: S,
    key: &str,
    tag: &str,
    payload: &T,
) -> Result<S::Ok, S::Error> {
    let mut value = serde_json::to_value(payload).map_err(S::Error::custom)?;
    let Some(object) = value.as_object_mut() else {
        return Err(S::Error::custom(format!(
            "a `{key}` = `{tag}` variant must be an object"
        )));
    };
    object.insert(key.to_string(), serde_json::Value::String(tag.to_string()));
    value.serialize(serializer)
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize)]
    struct Avatar {
        avatar_id: String,
    }

    struct Body(Avatar);

    impl serde::Serialize for Body {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            super::serialize_tagged(s, "type", "avatar", &self.0)
        }
    }

    #[test]
    fn the_tag_is_written_beside_the_fields() {
        let body = Body(Avatar {
            avatar_id: "a1".into(),
        });
        let value = serde_json::to_value(&body).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"type": "avatar", "avatar_id": "a1"})
        );
        struct NotAnObject;
        impl serde::Serialize for NotAnObject {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                super::serialize_tagged(s, "type", "x", &5)
            }
        }
        assert!(serde_json::to_value(NotAnObject).is_err());
    }
}
