//! Running progenitor and typify on the plan's view of the document, and
//! finding what they cannot map (`halving`).

mod halving;
mod run;

pub(crate) use halving::{as_any, generate_skipping};
pub(crate) use run::drop_operation;
