//! What an integrity check of the agency store found: the journal (one hash chain over every
//! append-only fact), the schema, the foreign keys, the derived coefficients.

/// The head of the journal: the last act sealed and its link (64 hex characters). Copied
/// outside the file (the anchor, a printed « empreinte du journal »), it makes a rewritten
/// history contradict what already left the machine.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JournalHead {
    pub act: i64,
    pub link: String,
}

/// How many hex characters of a link the printed form shows (80 bits).
pub const PRINTED_HEX: usize = 20;

impl JournalHead {
    /// The « empreinte du journal » as printed: the link's first 80 bits, in upper-case groups
    /// of four (`4F3A 9C21 7B0E 55D2 A1C8`).
    pub fn printed(&self) -> String {
        printed(&self.link)
    }
}

/// The printed form of a link (see [`JournalHead::printed`]).
pub fn printed(link: &str) -> String {
    let head: Vec<char> = link.chars().take(PRINTED_HEX).collect();
    head.chunks(4)
        .map(|c| c.iter().collect::<String>().to_uppercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// An « empreinte » as typed back: hex digits, with spaces, dashes, dots or colons between
/// them, in either case. At least 16 digits (64 bits); `None` when it is not one.
pub fn parse_printed(s: &str) -> Option<String> {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_hexdigit() {
            out.push(c.to_ascii_lowercase());
        } else if !matches!(c, ' ' | '-' | '.' | ':' | '\u{a0}' | '\u{202f}') {
            return None;
        }
    }
    (out.len() >= 16 && out.len() <= 64).then_some(out)
}

/// Where a printed head was found in the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadFound {
    pub act: i64,
    pub recorded_at: String,
    /// Acts sealed after it.
    pub acts_after: u64,
}

/// The journal walked from its first act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalCheck {
    /// Acts in the file, and fact rows in the chained tables.
    pub acts: u64,
    pub facts: u64,
    /// Each problem, with the table and row it concerns. Empty when the journal holds.
    pub problems: Vec<String>,
    pub head: Option<JournalHead>,
    /// The printed head asked for (`check --against`), when it was: where it is, if anywhere.
    pub against: Option<Option<HeadFound>>,
}

/// The schema compared with what the migrations create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaCheck {
    /// Tables, indexes, triggers and views compared.
    pub objects: u64,
    pub problems: Vec<String>,
}

/// The coefficient history recomputed from the facts and compared with the one kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedCheck {
    pub contracts: u64,
    pub problems: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_printed_head_reads_back_with_spaces_dashes_or_case() {
        let h = JournalHead {
            act: 3,
            link: "4f3a9c217b0e55d2a1c8ffffffffffffffffffffffffffffffffffffffffffff".into(),
        };
        assert_eq!(h.printed(), "4F3A 9C21 7B0E 55D2 A1C8");
        assert_eq!(
            parse_printed("4F3A-9C21-7B0E-55D2-A1C8").as_deref(),
            Some("4f3a9c217b0e55d2a1c8")
        );
        assert_eq!(
            parse_printed(" 4f3a 9c21 7b0e 55d2 a1c8 ").as_deref(),
            Some("4f3a9c217b0e55d2a1c8")
        );
        assert_eq!(parse_printed("n° 3 4F3A 9C21 7B0E 55D2"), None);
        assert_eq!(
            parse_printed("4F3A 9C21"),
            None,
            "too short to mean anything"
        );
    }
}
