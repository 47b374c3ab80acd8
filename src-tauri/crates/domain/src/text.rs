//! The one rule for every free text a broker types (names, places, descriptions, summaries,
//! references, reasons): a length that fits its use, and none of the characters that would make
//! what is shown differ from what is stored — control characters (a terminal escape such as
//! `ESC[2J` clears the screen of whoever prints it) and the invisible bidirectional controls
//! (U+202E turns « txt.exe » into « exe.txt » on screen). A text of several lines keeps its line
//! breaks and tabs, and nothing else below U+0020.

/// Why a free text is refused; its `Display` is the French message, naming the field by `label`
/// (« La description », « Le lieu »…).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("{label} contient un caractère de contrôle (U+{code:04X}) : retirez-le (il peut venir d'un copier-coller).")]
    Control { label: String, code: u32 },
    #[error("{label} contient un caractère invisible d'inversion du sens d'écriture (U+{code:04X}) : retirez-le, il ferait afficher autre chose que ce qui est enregistré.")]
    Bidi { label: String, code: u32 },
    #[error("{label} dépasse {max} caractères ({len}).")]
    TooLong {
        label: String,
        max: usize,
        len: usize,
    },
}

/// The invisible bidirectional controls: marks, embeddings, overrides and isolates.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The first character of `s` the rule refuses, if any: a control character (line breaks and
/// tabs allowed when `multiline`) or a bidirectional control.
pub fn refused_char(s: &str, multiline: bool, label: &str) -> Result<(), TextError> {
    for c in s.chars() {
        if c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')) {
            return Err(TextError::Control {
                label: label.to_string(),
                code: c as u32,
            });
        }
        if is_bidi_control(c) {
            return Err(TextError::Bidi {
                label: label.to_string(),
                code: c as u32,
            });
        }
    }
    Ok(())
}

/// A text of one line: trimmed, its runs of spaces made one; `None` when empty.
pub fn line(s: &str, label: &str, max: usize) -> Result<Option<String>, TextError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    refused_char(s, false, label)?;
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    within(&s, label, max)?;
    Ok(Some(s))
}

/// A text of several lines (a description, an exchange's summary): trimmed, `\r\n` made `\n`;
/// `None` when empty.
pub fn lines(s: &str, label: &str, max: usize) -> Result<Option<String>, TextError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    refused_char(s, true, label)?;
    let s = s.replace("\r\n", "\n");
    within(&s, label, max)?;
    Ok(Some(s))
}

fn within(s: &str, label: &str, max: usize) -> Result<(), TextError> {
    let len = s.chars().count();
    if len > max {
        return Err(TextError::TooLong {
            label: label.to_string(),
            max,
            len,
        });
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn escapes_bidi_controls_and_lengths_are_refused_in_french() {
        assert_eq!(
            line("  Rue   de la Paix ", "Le lieu", 200)
                .unwrap()
                .as_deref(),
            Some("Rue de la Paix")
        );
        assert_eq!(line("   ", "Le lieu", 200).unwrap(), None);
        let e = line("abc\u{1b}[2J", "Le lieu", 200).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Le lieu contient un caractère de contrôle (U+001B) : retirez-le (il peut venir d'un copier-coller)."
        );
        let e = line("Martin\u{202E}cod.exe", "Le nom", 100).unwrap_err();
        assert!(matches!(e, TextError::Bidi { code: 0x202E, .. }), "{e}");
        assert!(e.to_string().contains("U+202E"));
        assert!(line("deux\nlignes", "Le lieu", 200).is_err());
        assert_eq!(
            lines("a\r\nb\tc", "La description", 10).unwrap().as_deref(),
            Some("a\nb\tc")
        );
        assert!(lines("a\u{7}b", "La description", 10).is_err());
        assert!(lines("a\u{2066}b", "La description", 10).is_err());
        let e = lines(&"é".repeat(11), "La description", 10).unwrap_err();
        assert_eq!(e.to_string(), "La description dépasse 10 caractères (11).");
        // Letters of every script, and emoji with their joiners, are text.
        assert!(line("محمد 李 👩‍👩‍👧", "Le nom", 100).unwrap().is_some());
    }
}
