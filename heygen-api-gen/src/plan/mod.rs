//! Every decision about the client, made once: which operations it has,
//! what each is called in Rust, how it may be retried, what its body and
//! success type are, whether it pages or reads a job. Later steps read the
//! [`Plan`]; none of them derives a name or re-reads the document to decide.
//!
//! Two stages, because progenitor has a say in between:
//! - [`prepare`] (before progenitor) shapes the document into the view
//!   progenitor maps and plans each operation's names, retry class, body
//!   and success type, and the parameters it leaves out, with warnings;
//! - [`settle`] (after progenitor and the halving have settled which
//!   operations and schemas are kept) plans envelopes, pages and jobs from
//!   that final view, so nothing is planned for what progenitor dropped.
//!
//! Every planned Rust name comes from [`naming`], and the emitters check it
//! against the generated syntax: a name progenitor or typify spelled
//! differently is an error, never a missing impl.

mod facts;
mod model;
pub(crate) mod naming;
mod params;
mod prepare;
mod responses;
pub(crate) mod retry_class;
pub(crate) mod select;
#[cfg(test)]
mod tests;

pub(crate) use facts::settle;
pub(crate) use model::{BodyKind, JobPlan, MultipartForm, OperationPlan, Paging, Plan};
pub(crate) use prepare::prepare;
