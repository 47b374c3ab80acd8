//! What a file is, found from its bytes and never from its name: PDF (header, cross-reference
//! table, trailer and page tree read by `lopdf`), JPEG and PNG (decoded by `image`), TIFF (every
//! page's strips or tiles checked against the file's length and decoded by `tiff`, one page at a
//! time). HEIC is refused: no decoder here works without a system library (libheif) that is not
//! installed with Courtier. Each refusal is a [`ContentError`] with its French message.

use super::pages::{tiff_page_image, IMAGE_LIMIT};
use crate::ErrorCode;
use courtier_domain::vocabulary::DocumentFormat;
use std::io::Cursor;

/// The longest side of a thumbnail, in pixels.
pub const THUMBNAIL_SIDE: u32 = 160;

/// Why a file is not attached. Nothing is written to the agency file for any of them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    #[error("Le fichier est vide : rien n'a été joint.")]
    Empty,
    #[error("Le fichier fait {}, au-delà de la limite de {} fixée dans Paramètres → Documents : rien n'a été joint.", size_fr(*size), size_fr(*limit))]
    TooLarge { size: u64, limit: u64 },
    #[error("Ce fichier est un programme exécutable, pas un document : rien n'a été joint (Courtier accepte les PDF, JPEG, PNG et TIFF).")]
    Executable,
    #[error("Les photos HEIC ne sont pas prises en charge (aucun décodeur HEIC n'est livré avec Courtier) : rien n'a été joint ; enregistrez la photo en JPEG puis joignez le JPEG.")]
    Heic,
    #[error("Format non reconnu (Courtier accepte les PDF, JPEG, PNG et TIFF, reconnus à leur contenu et non à leur nom) : rien n'a été joint.")]
    Unsupported,
    #[error("Le {format} est incomplet ({detail} : fichier tronqué ou copie interrompue) : rien n'a été joint.")]
    Truncated {
        format: &'static str,
        detail: String,
    },
    #[error("Le {format} est illisible ({detail}) : rien n'a été joint.")]
    Damaged {
        format: &'static str,
        detail: String,
    },
    #[error("Le PDF est protégé par un mot de passe, Courtier ne pourrait pas l'afficher : rien n'a été joint ; joignez une copie sans mot de passe.")]
    EncryptedPdf,
}

impl ContentError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ContentError::Empty => ErrorCode::DocumentEmpty,
            ContentError::TooLarge { .. } => ErrorCode::DocumentTooLarge,
            ContentError::Executable | ContentError::Heic | ContentError::Unsupported => {
                ErrorCode::DocumentUnsupported
            }
            ContentError::Truncated { .. } => ErrorCode::DocumentTruncated,
            ContentError::Damaged { .. } | ContentError::EncryptedPdf => ErrorCode::DocumentDamaged,
        }
    }
}

impl From<ContentError> for crate::AppError {
    fn from(e: ContentError) -> Self {
        crate::AppError::new(e.code(), e.to_string())
    }
}

/// A size in French: « 812 octets », « 12,5 Ko », « 50,0 Mo ».
pub fn size_fr(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    let tenths = |unit: u64| {
        let t = (bytes * 10 + unit / 2) / unit;
        format!("{},{}", t / 10, t % 10)
    };
    if bytes < KIB {
        format!("{bytes} octets")
    } else if bytes < MIB {
        format!("{} Ko", tenths(KIB))
    } else {
        format!("{} Mo", tenths(MIB))
    }
}

/// What the checks found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspected {
    pub format: DocumentFormat,
    pub pages: u32,
    /// A PNG of at most [`THUMBNAIL_SIDE`] pixels a side.
    pub thumbnail: Vec<u8>,
}

/// The format the first bytes name, or why the file is refused.
pub fn sniff(head: &[u8]) -> Result<DocumentFormat, ContentError> {
    if head.is_empty() {
        return Err(ContentError::Empty);
    }
    let starts = |m: &[u8]| head.starts_with(m);
    if head
        .get(..1024.min(head.len()))
        .is_some_and(|h| h.windows(5).any(|w| w == b"%PDF-"))
    {
        return Ok(DocumentFormat::Pdf);
    }
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Ok(DocumentFormat::Jpeg);
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Ok(DocumentFormat::Png);
    }
    if starts(b"II*\0") || starts(b"MM\0*") || starts(b"II+\0") || starts(b"MM\0+") {
        return Ok(DocumentFormat::Tiff);
    }
    if head.get(4..8) == Some(b"ftyp")
        && head.get(8..12).is_some_and(|b| {
            [
                b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1",
            ]
            .iter()
            .any(|x| b == *x)
        })
    {
        return Err(ContentError::Heic);
    }
    let executable: [&[u8]; 7] = [
        b"\x7fELF",
        b"MZ",
        b"#!",
        &[0xFE, 0xED, 0xFA, 0xCE],
        &[0xFE, 0xED, 0xFA, 0xCF],
        &[0xCF, 0xFA, 0xED, 0xFE],
        &[0xCA, 0xFE, 0xBA, 0xBE],
    ];
    if executable.iter().any(|m| starts(m)) {
        return Err(ContentError::Executable);
    }
    Err(ContentError::Unsupported)
}

/// Checks the whole file and makes its thumbnail.
pub fn inspect(bytes: &[u8]) -> Result<Inspected, ContentError> {
    let format = sniff(bytes)?;
    let (pages, thumbnail) = match format {
        DocumentFormat::Pdf => (pdf_pages(bytes)?, pdf_thumbnail()),
        DocumentFormat::Jpeg => {
            jpeg_complete(bytes)?;
            image_thumbnail(bytes, image::ImageFormat::Jpeg, "JPEG")?
        }
        DocumentFormat::Png => image_thumbnail(bytes, image::ImageFormat::Png, "PNG")?,
        DocumentFormat::Tiff => tiff_check(bytes)?,
    };
    Ok(Inspected {
        format,
        pages,
        thumbnail,
    })
}

fn pdf_pages(bytes: &[u8]) -> Result<u32, ContentError> {
    let tail = bytes
        .get(bytes.len().saturating_sub(2048)..)
        .unwrap_or(bytes);
    let has = |m: &[u8]| tail.windows(m.len()).any(|w| w == m);
    if !has(b"%%EOF") || !has(b"startxref") {
        return Err(ContentError::Truncated {
            format: "PDF",
            detail: "sa fin (startxref, %%EOF) manque".into(),
        });
    }
    let meta = lopdf::Document::load_metadata_mem(bytes).map_err(|e| ContentError::Damaged {
        format: "PDF",
        detail: e.to_string(),
    })?;
    if meta.encrypted {
        return Err(ContentError::EncryptedPdf);
    }
    if meta.xref_recovery == Some(lopdf::xref::XrefRecovery::Reconstructed) {
        return Err(ContentError::Damaged {
            format: "PDF",
            detail: "sa table des objets (xref) est abîmée".into(),
        });
    }
    if meta.page_count == 0 {
        return Err(ContentError::Damaged {
            format: "PDF",
            detail: "il n'a aucune page".into(),
        });
    }
    Ok(meta.page_count)
}

/// A JPEG's segments up to its first scan, then its end marker (EOI) after the scan: the decoder
/// fills a missing end with grey, so a cut photo would otherwise pass.
fn jpeg_complete(bytes: &[u8]) -> Result<(), ContentError> {
    let truncated = |detail: &str| ContentError::Truncated {
        format: "JPEG",
        detail: detail.into(),
    };
    let mut at = 2usize;
    loop {
        let (Some(&ff), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            return Err(truncated("l'image s'arrête avant ses données"));
        };
        if ff != 0xFF {
            return Err(ContentError::Damaged {
                format: "JPEG",
                detail: format!("segment inattendu à l'octet {at}"),
            });
        }
        if marker == 0xFF {
            at += 1;
            continue;
        }
        let len = match (bytes.get(at + 2), bytes.get(at + 3)) {
            (Some(&h), Some(&l)) => usize::from(h) << 8 | usize::from(l),
            _ => return Err(truncated("l'image s'arrête avant ses données")),
        };
        if marker == 0xDA {
            let scan = bytes.get(at + 2 + len..).unwrap_or_default();
            if scan.windows(2).any(|w| w == [0xFF, 0xD9]) {
                return Ok(());
            }
            return Err(truncated("l'image s'arrête avant sa fin"));
        }
        at += 2 + len;
    }
}

fn decode_error(format: &'static str, e: &image::ImageError) -> ContentError {
    let detail = e.to_string();
    let eof = matches!(e, image::ImageError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof)
        || detail.to_lowercase().contains("end of")
        || detail.to_lowercase().contains("eof");
    if eof {
        ContentError::Truncated {
            format,
            detail: "l'image s'arrête avant sa fin".into(),
        }
    } else {
        ContentError::Damaged { format, detail }
    }
}

fn image_thumbnail(
    bytes: &[u8],
    format: image::ImageFormat,
    name: &'static str,
) -> Result<(u32, Vec<u8>), ContentError> {
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(IMAGE_LIMIT);
    reader.limits(limits);
    let img = reader.decode().map_err(|e| decode_error(name, &e))?;
    Ok((1, thumbnail_png(&img)))
}

fn tiff_error(page: u32, e: tiff::TiffError) -> ContentError {
    let detail = format!("page {page} : {e}");
    match e {
        tiff::TiffError::IoError(io) if io.kind() == std::io::ErrorKind::UnexpectedEof => {
            ContentError::Truncated {
                format: "TIFF",
                detail,
            }
        }
        _ => ContentError::Damaged {
            format: "TIFF",
            detail,
        },
    }
}

/// Every page's strips (or tiles) lie inside the file, and decode.
fn tiff_check(bytes: &[u8]) -> Result<(u32, Vec<u8>), ContentError> {
    let len = bytes.len() as u64;
    let mut dec = tiff::decoder::Decoder::new(Cursor::new(bytes)).map_err(|e| tiff_error(1, e))?;
    let mut pages = 0u32;
    let mut thumbnail = None;
    loop {
        pages += 1;
        let page = pages;
        let (offsets, counts) =
            match dec.find_tag_unsigned_vec::<u64>(tiff::tags::Tag::StripOffsets) {
                Ok(Some(o)) => (
                    o,
                    dec.find_tag_unsigned_vec::<u64>(tiff::tags::Tag::StripByteCounts)
                        .map_err(|e| tiff_error(page, e))?,
                ),
                _ => (
                    dec.find_tag_unsigned_vec::<u64>(tiff::tags::Tag::TileOffsets)
                        .map_err(|e| tiff_error(page, e))?
                        .unwrap_or_default(),
                    dec.find_tag_unsigned_vec::<u64>(tiff::tags::Tag::TileByteCounts)
                        .map_err(|e| tiff_error(page, e))?,
                ),
            };
        let counts = counts.unwrap_or_default();
        if offsets.is_empty() || offsets.len() != counts.len() {
            return Err(ContentError::Damaged {
                format: "TIFF",
                detail: format!("la page {page} n'indique pas où sont ses données"),
            });
        }
        if offsets
            .iter()
            .zip(&counts)
            .any(|(o, c)| o.checked_add(*c).map_or(true, |end| end > len))
        {
            return Err(ContentError::Truncated {
                format: "TIFF",
                detail: format!("les données de la page {page} dépassent la fin du fichier"),
            });
        }
        let img = tiff_page_image(&mut dec).map_err(|detail| ContentError::Damaged {
            format: "TIFF",
            detail: format!("page {page} : {detail}"),
        })?;
        if thumbnail.is_none() {
            thumbnail = Some(thumbnail_png(&img));
        }
        drop(img);
        if !dec.more_images() {
            break;
        }
        dec.next_image().map_err(|e| tiff_error(page + 1, e))?;
    }
    Ok((pages, thumbnail.unwrap_or_default()))
}

/// A PNG of at most [`THUMBNAIL_SIDE`] pixels a side.
pub fn thumbnail_png(img: &image::DynamicImage) -> Vec<u8> {
    let small = img.thumbnail(THUMBNAIL_SIDE, THUMBNAIL_SIDE).to_rgb8();
    png_bytes(&image::DynamicImage::ImageRgb8(small))
}

pub(crate) fn png_bytes(img: &image::DynamicImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    // Writing a PNG into memory fails only on an allocation failure, which aborts anyway.
    let _ = img.write_to(&mut out, image::ImageFormat::Png);
    out.into_inner()
}

/// A PDF's thumbnail: a page with its corner folded and grey lines of text (Rust renders no PDF;
/// the window renders its pages with pdf.js).
fn pdf_thumbnail() -> Vec<u8> {
    let (w, h) = (113u32, THUMBNAIL_SIDE);
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let fold = 28;
        let border = x == 0 || y == 0 || x == w - 1 || y == h - 1;
        if x + fold > w && y < fold {
            // The folded corner.
            if x + y + 1 >= w {
                image::Rgb([200, 205, 214])
            } else {
                image::Rgb([246, 247, 249])
            }
        } else if border {
            image::Rgb([150, 158, 170])
        } else if (36..h - 14).contains(&y) && y % 9 < 3 && (12..w - 12).contains(&x) {
            image::Rgb([190, 196, 206])
        } else if (10..26).contains(&y) && (12..52).contains(&x) {
            image::Rgb([196, 40, 40])
        } else {
            image::Rgb([255, 255, 255])
        }
    });
    png_bytes(&image::DynamicImage::ImageRgb8(img))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::samples;
    use super::*;

    fn refused(bytes: &[u8]) -> ContentError {
        inspect(bytes).unwrap_err()
    }

    #[test]
    fn each_accepted_format_is_found_from_its_content_with_its_pages_and_a_thumbnail() {
        let pdf = samples::pdf(&["Constat page 1", "Constat page 2", "page 3"], None, 0);
        let got = inspect(&pdf).unwrap();
        assert_eq!((got.format, got.pages), (DocumentFormat::Pdf, 3));
        for (bytes, format, pages) in [
            (samples::jpeg(640, 480, 1), DocumentFormat::Jpeg, 1),
            (samples::png(300, 500, 2), DocumentFormat::Png, 1),
            (samples::tiff(3, 200, 120), DocumentFormat::Tiff, 3),
        ] {
            let got = inspect(&bytes).unwrap();
            assert_eq!((got.format, got.pages), (format, pages));
            let thumb =
                image::load_from_memory_with_format(&got.thumbnail, image::ImageFormat::Png)
                    .unwrap();
            assert!(thumb.width() <= THUMBNAIL_SIDE && thumb.height() <= THUMBNAIL_SIDE);
            assert!(thumb.width() == THUMBNAIL_SIDE || thumb.height() == THUMBNAIL_SIDE);
        }
        assert!(image::load_from_memory(&inspect(&pdf).unwrap().thumbnail).is_ok());
        // A JPEG embedded in a PDF is still a PDF.
        let jpeg = samples::jpeg(64, 48, 3);
        let with_image = samples::pdf(&["Photo"], Some((&jpeg, 64, 48)), 0);
        assert_eq!(inspect(&with_image).unwrap().format, DocumentFormat::Pdf);
    }

    #[test]
    fn refusals_say_why_in_french_with_their_code() {
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec();
        assert_eq!(refused(&elf), ContentError::Executable);
        assert_eq!(refused(b"MZ\x90\0\x03\0\0\0"), ContentError::Executable);
        assert_eq!(refused(b""), ContentError::Empty);
        assert_eq!(
            refused(b"Bonjour, ceci est un texte."),
            ContentError::Unsupported
        );
        let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec();
        assert_eq!(refused(&heic), ContentError::Heic);
        assert_eq!(refused(&elf).code(), "document_unsupported");
        assert!(refused(&elf).to_string().contains("programme exécutable"));
        let e = ContentError::TooLarge {
            size: 60 * 1024 * 1024,
            limit: 50 * 1024 * 1024,
        };
        assert_eq!(
            e.to_string(),
            "Le fichier fait 60,0 Mo, au-delà de la limite de 50,0 Mo fixée dans Paramètres → Documents : rien n'a été joint."
        );
        assert_eq!(e.code(), "document_too_large");
    }

    #[test]
    fn a_truncated_pdf_is_refused_wherever_it_is_cut() {
        let pdf = samples::pdf(&["Rapport d'expertise", "suite"], None, 20_000);
        for keep in [pdf.len() - 3, pdf.len() - 40, pdf.len() / 2, 200, 9] {
            let e = refused(&pdf[..keep]);
            assert_eq!(e.code(), "document_truncated", "cut at {keep}: {e}");
            assert!(e.to_string().contains("Le PDF est incomplet"), "{e}");
        }
        // A PDF whose end is there but whose body was damaged is refused too.
        let mut broken = pdf.clone();
        let at = broken.windows(8).position(|w| w == b"/Type /P").unwrap();
        broken[at..at + 8].copy_from_slice(b"xxxxxxxx");
        assert!(inspect(&broken).is_err());
    }

    #[test]
    fn a_truncated_tiff_is_refused_wherever_it_is_cut() {
        let tiff = samples::tiff(3, 300, 200);
        for keep in [tiff.len() - 1, tiff.len() * 2 / 3, tiff.len() / 3, 100, 8] {
            let e = refused(&tiff[..keep]);
            assert!(
                matches!(
                    e,
                    ContentError::Truncated { format: "TIFF", .. }
                        | ContentError::Damaged { format: "TIFF", .. }
                ),
                "cut at {keep}: {e:?}"
            );
        }
        assert_eq!(
            refused(&tiff[..tiff.len() / 3]).code(),
            "document_truncated"
        );
    }

    #[test]
    fn a_truncated_png_or_jpeg_is_refused() {
        let png = samples::png(400, 300, 4);
        assert!(inspect(&png[..png.len() / 2]).is_err());
        let jpeg = samples::jpeg(400, 300, 4);
        assert_eq!(
            inspect(&jpeg[..jpeg.len() / 3]).unwrap_err().code(),
            "document_truncated"
        );
    }

    #[test]
    fn every_tiff_page_becomes_a_png_of_its_own() {
        let tiff = samples::tiff(3, 50, 40);
        let mut seen = Vec::new();
        for i in 0..3 {
            let (png, count) = crate::documents::pages::tiff_page_png(&tiff, i).unwrap();
            assert_eq!(count, 3);
            let img = image::load_from_memory_with_format(&png, image::ImageFormat::Png).unwrap();
            assert_eq!((img.width(), img.height()), (50, 40));
            seen.push(img.to_rgb8().get_pixel(0, 0).0);
        }
        assert_eq!(seen[0], [40, 0, 215]);
        assert_eq!(seen[1], [90, 90, 90]);
        assert_ne!(seen[0], seen[2]);
        assert!(crate::documents::pages::tiff_page_png(&tiff, 3).is_err());
    }

    #[test]
    fn sizes_read_in_french() {
        assert_eq!(size_fr(812), "812 octets");
        assert_eq!(size_fr(12_800), "12,5 Ko");
        assert_eq!(size_fr(50 * 1024 * 1024), "50,0 Mo");
    }
}
