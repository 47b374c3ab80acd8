//! Sample documents made from scratch, for the tests, the benchmark and the end-to-end test:
//! real files any reader opens (a PDF with its cross-reference table, JPEG, PNG, multi-page
//! TIFF), never stored in the product.

use std::fmt::Write as _;
use std::io::Cursor;

/// A JPEG of `w`×`h` with a pattern that depends on `seed`.
pub fn jpeg(w: u32, h: u32, seed: u8) -> Vec<u8> {
    encode(&pattern(w, h, seed), image::ImageFormat::Jpeg)
}

/// A PNG of `w`×`h` with a pattern that depends on `seed`.
pub fn png(w: u32, h: u32, seed: u8) -> Vec<u8> {
    encode(&pattern(w, h, seed), image::ImageFormat::Png)
}

fn pattern(w: u32, h: u32, seed: u8) -> image::DynamicImage {
    image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            (x as u8).wrapping_mul(3) ^ seed,
            (y as u8).wrapping_mul(5),
            ((x + y) as u8) ^ seed.rotate_left(3),
        ])
    }))
}

fn encode(img: &image::DynamicImage, f: image::ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    let _ = img.write_to(&mut out, f);
    out.into_inner()
}

/// A TIFF of `pages` pages of `w`×`h`: odd pages in colour, even pages in grey, each page its own
/// shade, as a scanner writes them.
pub fn tiff(pages: u32, w: u32, h: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    if let Ok(mut enc) = tiff::encoder::TiffEncoder::new(&mut out) {
        for p in 0..pages {
            let shade = (40 + 50 * p) as u8;
            if p % 2 == 0 {
                let data: Vec<u8> = (0..w * h)
                    .flat_map(|i| [shade, (i % 256) as u8, 255 - shade])
                    .collect();
                let _ = enc.write_image::<tiff::encoder::colortype::RGB8>(w, h, &data);
            } else {
                let data: Vec<u8> = (0..w * h).map(|i| shade ^ (i % 7) as u8).collect();
                let _ = enc.write_image::<tiff::encoder::colortype::Gray8>(w, h, &data);
            }
        }
    }
    out.into_inner()
}

/// A PDF with one page per text (Helvetica, uncompressed, so the text is in the file as typed),
/// the first page drawing `jpeg` as an image if given, and `filler` bytes of an unreferenced
/// stream (to make a large scan for the benchmark).
pub fn pdf(texts: &[&str], jpeg: Option<(&[u8], u32, u32)>, filler: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = write_pdf(&mut out, texts, jpeg, filler);
    out
}

fn filler_byte(i: usize) -> u8 {
    (i as u32).wrapping_mul(2_654_435_761).to_be_bytes()[0]
}

/// As [`pdf`], written to `w` with the filler streamed in chunks (a 50 MB scan for the memory
/// benchmark is never in memory).
pub fn write_pdf(
    w: &mut dyn std::io::Write,
    texts: &[&str],
    jpeg: Option<(&[u8], u32, u32)>,
    filler: usize,
) -> std::io::Result<()> {
    let mut objects: Vec<Vec<u8>> = Vec::new();
    let n = texts.len();
    // 1 catalog, 2 pages, 3 font, 4 image (or filler), then per page: page, content.
    let first_page = 5;
    let kids: String = (0..n)
        .map(|i| format!("{} 0 R", first_page + 2 * i))
        .collect::<Vec<_>>()
        .join(" ");
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>").into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    let image = match jpeg {
        Some((bytes, w, h)) => {
            let mut o = format!(
                "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
                bytes.len()
            )
            .into_bytes();
            o.extend_from_slice(bytes);
            o.extend_from_slice(b"\nendstream");
            o
        }
        // The filler's body is written at its place below, in chunks.
        None => format!("<< /Length {filler} >>\nstream\n").into_bytes(),
    };
    objects.push(image);
    for (i, text) in texts.iter().enumerate() {
        let content_id = first_page + 2 * i + 1;
        let resources = if i == 0 && jpeg.is_some() {
            "/Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >>"
        } else {
            "/Font << /F1 3 0 R >>"
        };
        objects.push(
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents {content_id} 0 R >>")
                .into_bytes(),
        );
        let mut stream = String::new();
        if i == 0 && jpeg.is_some() {
            stream.push_str("q 400 0 0 300 97 450 cm /Im1 Do Q\n");
        }
        let escaped = text
            .replace('\\', "\\\\")
            .replace('(', "\\(")
            .replace(')', "\\)");
        let _ = write!(stream, "BT /F1 18 Tf 72 770 Td ({escaped}) Tj ET");
        objects.push(
            format!(
                "<< /Length {} >>\nstream\n{stream}\nendstream",
                stream.len()
            )
            .into_bytes(),
        );
    }
    let mut at = 0usize;
    fn put(w: &mut dyn std::io::Write, at: &mut usize, b: &[u8]) -> std::io::Result<()> {
        *at += b.len();
        w.write_all(b)
    }
    put(w, &mut at, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")?;
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(at);
        put(w, &mut at, format!("{} 0 obj\n", i + 1).as_bytes())?;
        put(w, &mut at, o)?;
        if i == 3 && jpeg.is_none() {
            let mut chunk = Vec::with_capacity(1 << 20);
            let mut done = 0;
            while done < filler {
                chunk.clear();
                let end = (done + (1 << 20)).min(filler);
                chunk.extend((done..end).map(filler_byte));
                put(w, &mut at, &chunk)?;
                done = end;
            }
            put(w, &mut at, b"\nendstream")?;
        }
        put(w, &mut at, b"\nendobj\n")?;
    }
    let xref = at;
    let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(table, "{o:010} 00000 n ");
    }
    let _ = write!(
        table,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    put(w, &mut at, table.as_bytes())
}
