//! Client records: the value types and the validation rules for what a broker types in.
//!
//! Pure functions of their input (today's date is passed in). Every error names the field it is
//! about (in the camelCase form the front end uses, e.g. `addresses[0].postcode`) and carries a
//! precise French message.
//!
//! - [`model`]: the validated [`Client`] and its parts, as the store keeps them;
//! - [`draft`]: the [`ClientDraft`] the form sends;
//! - [`validate`](mod@validate): from one to the other.
//!
//! The field parsers (dates, postcodes, phones, e-mails, SIREN) live in [`crate::fields`] and
//! are re-exported here under their historical paths.

pub mod draft;
pub mod model;
pub mod validate;

pub use draft::{AddressDraft, ClientDraft, EmailDraft, PhoneDraft};
pub use model::{
    age_on, display_name, Address, AddressKind, Civility, Client, ClientKind, ClientStatus, Email,
    EmailKind, Phone, PhoneKind,
};
pub use validate::{validate, BirthDateError, FieldError};

pub use crate::fields::{fold_for_search, french_postcode, parse_date, siren};
