//! The size limits of the JSON documents a broker or a script hands over (a relevé
//! d'information, a scenario for `bonus-malus simulate`), checked before they are parsed: a
//! document too large, nested too deep or with too many elements is refused with a French
//! message, instead of taking the memory of the machine (a million periods took 5.4 GB) or
//! filling the agency file (a 50 MB relevé of 250 000 claims).

/// A relevé d'information: a few kilobytes in practice (five years of claims, a few drivers).
pub const RELEVE_MAX_BYTES: usize = 256 * 1024;
/// The claims of a relevé: the five annual periods before it, even of a fleet's vehicle.
pub const RELEVE_MAX_CLAIMS: usize = 200;
/// The drivers named on a relevé.
pub const RELEVE_MAX_DRIVERS: usize = 50;
/// A free text of a relevé (a name, the issuer, a reason), in characters.
pub const RELEVE_MAX_TEXT: usize = 200;
/// A scenario for the simulator.
pub const SIMULATE_MAX_BYTES: usize = 1024 * 1024;
/// The yearly periods of a scenario: a century of driving.
pub const SIMULATE_MAX_PERIODS: usize = 100;
/// The years a dated scenario may span, from its subscription to its last date.
pub const SIMULATE_MAX_YEARS: i32 = 100;
/// The claims (or interruptions) of a scenario.
pub const SIMULATE_MAX_CLAIMS: usize = 1_000;
/// How deep the arrays and objects of either document may nest (the documents themselves need
/// four levels).
pub const MAX_DEPTH: usize = 8;

/// Why a document is refused before it is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("{what} fait {bytes} octets, plus que les {max} acceptés : ce n'est pas un document de ce type, ou il contient autre chose.")]
    TooLarge {
        what: &'static str,
        bytes: usize,
        max: usize,
    },
    #[error("{what} imbrique ses éléments sur plus de {max} niveaux : ce n'est pas un document de ce type.")]
    TooDeep { what: &'static str, max: usize },
    #[error("{what} compte {count} {items}, pour {max} au plus.")]
    TooMany {
        what: &'static str,
        items: &'static str,
        count: usize,
        max: usize,
    },
}

/// The depth of the arrays and objects of a JSON text, read without parsing it (so that a
/// document nested 100 000 levels deep costs nothing): strings and their escapes are skipped.
pub fn json_depth(s: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in s.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Checks a document's size and depth before it is parsed.
pub fn check_document(s: &str, what: &'static str, max_bytes: usize) -> Result<(), LimitError> {
    if s.len() > max_bytes {
        return Err(LimitError::TooLarge {
            what,
            bytes: s.len(),
            max: max_bytes,
        });
    }
    if json_depth(s) > MAX_DEPTH {
        return Err(LimitError::TooDeep {
            what,
            max: MAX_DEPTH,
        });
    }
    Ok(())
}

/// Checks a count of elements.
pub fn check_count(
    count: usize,
    max: usize,
    what: &'static str,
    items: &'static str,
) -> Result<(), LimitError> {
    if count > max {
        return Err(LimitError::TooMany {
            what,
            items,
            count,
            max,
        });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_read_without_parsing_and_strings_do_not_count() {
        assert_eq!(json_depth(r#"{"a": [1, {"b": "[[[{"}]}"#), 3);
        assert_eq!(json_depth(r#"{"a": "\"[[["}"#), 1);
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(json_depth(&deep), 100_000);
        let e = check_document(&deep, "Le relevé", RELEVE_MAX_BYTES).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Le relevé imbrique ses éléments sur plus de 8 niveaux : ce n'est pas un document de ce type."
        );
        let big = " ".repeat(RELEVE_MAX_BYTES + 1);
        assert!(matches!(
            check_document(&big, "Le relevé", RELEVE_MAX_BYTES),
            Err(LimitError::TooLarge { .. })
        ));
        assert!(
            check_count(201, RELEVE_MAX_CLAIMS, "Le relevé", "sinistres")
                .unwrap_err()
                .to_string()
                .contains("Le relevé compte 201 sinistres, pour 200 au plus.")
        );
    }
}
