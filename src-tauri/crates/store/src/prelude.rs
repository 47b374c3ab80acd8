//! What every module of the store works with: its error, the query helpers, the port's records.

pub(crate) use crate::error::DbError;
pub(crate) use crate::Store;
pub(crate) use chrono::NaiveDate;
pub(crate) use courtier_domain::client::{
    display_name, fold_for_search, Address, AddressKind, Civility, Client, ClientKind,
    ClientStatus, Email, EmailKind, Phone, PhoneKind,
};
pub(crate) use courtier_domain::vocabulary::{
    AggravationFact, AmountKind, Channel, ClaimKind, ClaimStatus, ContractEventKind,
    ContractStatus, Direction, DocumentFormat, DocumentKind, DriverRole, PartyRole, Product,
    Responsibility, TerminatedBy, Usage,
};
pub(crate) use courtier_port::*;
pub(crate) use rusqlite::Row;
pub(crate) use rusqlite::{params, Connection, OptionalExtension, Transaction};
