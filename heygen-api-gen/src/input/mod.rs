//! Reading documents: one file or page (`load`), or many pages merged
//! into one document (`merge`).

pub mod load;
pub mod merge;
