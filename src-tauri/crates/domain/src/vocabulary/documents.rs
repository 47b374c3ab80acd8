//! The vocabulary of attached documents (`documents.kind`, `documents.format`).

use super::UnknownCode;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

vocabulary! {
    /// What an attached document is, as the broker files it (`documents.kind`).
    DocumentKind ("type de document") {
        ConstatAmiable = "constat_amiable" => "Constat amiable",
        RapportExpertise = "rapport_expertise" => "Rapport d'expertise",
        Photos = "photos" => "Photos",
        Facture = "facture" => "Facture",
        ReleveInformation = "releve_information" => "Relevé d'information",
        Courrier = "courrier" => "Courrier",
        PieceIdentite = "piece_identite" => "Pièce d'identité",
        Permis = "permis" => "Permis de conduire",
        CarteGrise = "carte_grise" => "Carte grise",
        Attestation = "attestation" => "Attestation",
        Autre = "autre" => "Autre",
    }
}

vocabulary! {
    /// The format of a document's bytes, found from its content, never from its name
    /// (`documents.format`).
    DocumentFormat ("format de document") {
        Pdf = "pdf" => "PDF",
        Jpeg = "jpeg" => "JPEG",
        Png = "png" => "PNG",
        Tiff = "tiff" => "TIFF",
    }
}

impl DocumentFormat {
    /// The MIME type the window is given for the bytes.
    pub fn mime(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "application/pdf",
            DocumentFormat::Jpeg => "image/jpeg",
            DocumentFormat::Png => "image/png",
            DocumentFormat::Tiff => "image/tiff",
        }
    }

    /// The usual file extension, for a file name proposed at export.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "pdf",
            DocumentFormat::Jpeg => "jpg",
            DocumentFormat::Png => "png",
            DocumentFormat::Tiff => "tif",
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn every_document_kind_round_trips_and_has_a_french_label() {
        for k in DocumentKind::ALL {
            assert_eq!(DocumentKind::parse(k.as_str()), Ok(*k));
            assert!(!k.label().is_empty());
        }
        assert_eq!(DocumentKind::ALL.len(), 11);
        let e = DocumentKind::parse("scan").unwrap_err().to_string();
        assert!(e.contains("type de document inconnu"), "{e}");
        assert_eq!(DocumentFormat::parse("tiff"), Ok(DocumentFormat::Tiff));
        assert_eq!(DocumentFormat::Tiff.mime(), "image/tiff");
    }
}
