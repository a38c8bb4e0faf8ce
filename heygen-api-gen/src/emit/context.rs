//! What the emitters read: the plan, the generated types read back, and
//! what each builder's `send` returns.

use super::types::Types;
use crate::plan::Plan;
use crate::rewrite::SendInfo;

/// What the emitters read.
pub(crate) struct Emit<'a> {
    /// The runtime's hidden seam module.
    pub runtime: &'a syn::Path,
    pub plan: &'a Plan,
    /// The generated types, read back.
    pub types: &'a Types,
    /// What each builder's `send` returns, in the order of the builders.
    pub sends: &'a [SendInfo],
}
