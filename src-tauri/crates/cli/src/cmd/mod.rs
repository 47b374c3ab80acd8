//! One module per noun: its handler (`run`, or one function per command for the agency file) and
//! its printers. They share only `output`, `input` and the timeline printing.

pub mod agency;
pub mod aggravation;
pub mod calendar;
pub mod claim;
pub mod client;
pub mod contract;
pub mod document;
pub mod driver;
pub mod exchange;
pub mod identity;
pub mod insurer;
pub mod mail;
pub mod notice;
pub mod releve;
pub mod reminder;
pub mod search;
pub mod simulate;
mod timeline;
pub mod vehicle;
