//! The fixture API's client, generated at build time.
#[allow(clippy::all, dead_code, unused_imports)]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/client.rs"));
}
pub use generated::{builder, types, Client};
