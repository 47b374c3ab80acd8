//! A TIFF page as an image, for the thumbnail and for the window (WebKit does not show TIFF):
//! one page decoded at a time, in memory, and given as PNG.

use std::io::Cursor;

/// The largest allocation a decode may make (one page of a scan at 600 dpi in colour is about
/// 100 MB).
pub(crate) const IMAGE_LIMIT: u64 = 512 * 1024 * 1024;

type TiffDecoder<'a> = tiff::decoder::Decoder<Cursor<&'a [u8]>>;

/// The current page of `dec` as an image.
pub(crate) fn tiff_page_image(dec: &mut TiffDecoder<'_>) -> Result<image::DynamicImage, String> {
    use image::DynamicImage as D;
    use tiff::decoder::DecodingResult as R;
    use tiff::ColorType as C;
    let (w, h) = dec.dimensions().map_err(|e| e.to_string())?;
    let color = dec.colortype().map_err(|e| e.to_string())?;
    let data = dec.read_image().map_err(|e| e.to_string())?;
    let bad = || format!("image de {w}×{h} incohérente");
    let img = match (color, data) {
        (C::Gray(1), R::U8(v)) => {
            // One bit a pixel, rows padded to a byte, 1 = white once the decoder has applied
            // WhiteIsZero.
            let row = (w as usize).div_ceil(8);
            let mut px = Vec::with_capacity(w as usize * h as usize);
            for y in 0..h as usize {
                for x in 0..w as usize {
                    let byte = v.get(y * row + x / 8).ok_or_else(bad)?;
                    px.push(if byte & (0x80 >> (x % 8)) != 0 {
                        255
                    } else {
                        0
                    });
                }
            }
            D::ImageLuma8(image::GrayImage::from_raw(w, h, px).ok_or_else(bad)?)
        }
        (C::Gray(8), R::U8(v)) => {
            D::ImageLuma8(image::GrayImage::from_raw(w, h, v).ok_or_else(bad)?)
        }
        (C::Gray(16), R::U16(v)) => {
            D::ImageLuma16(image::ImageBuffer::from_raw(w, h, v).ok_or_else(bad)?)
        }
        (C::GrayA(8), R::U8(v)) => {
            D::ImageLumaA8(image::ImageBuffer::from_raw(w, h, v).ok_or_else(bad)?)
        }
        (C::RGB(8), R::U8(v)) => D::ImageRgb8(image::RgbImage::from_raw(w, h, v).ok_or_else(bad)?),
        (C::RGB(16), R::U16(v)) => {
            D::ImageRgb16(image::ImageBuffer::from_raw(w, h, v).ok_or_else(bad)?)
        }
        (C::RGBA(8), R::U8(v)) => {
            D::ImageRgba8(image::RgbaImage::from_raw(w, h, v).ok_or_else(bad)?)
        }
        (C::RGBA(16), R::U16(v)) => {
            D::ImageRgba16(image::ImageBuffer::from_raw(w, h, v).ok_or_else(bad)?)
        }
        (C::CMYK(8), R::U8(v)) => {
            let px: Vec<u8> = v
                .chunks_exact(4)
                .flat_map(|p| {
                    let k = 255 - u16::from(p[3]);
                    p[..3]
                        .iter()
                        .map(move |c| ((255 - u16::from(*c)) * k / 255) as u8)
                        .collect::<Vec<_>>()
                })
                .collect();
            D::ImageRgb8(image::RgbImage::from_raw(w, h, px).ok_or_else(bad)?)
        }
        (c, _) => return Err(format!("couleurs {c:?} non prises en charge")),
    };
    Ok(img)
}

/// Page `index` (from 0) of a TIFF as PNG, and the number of pages.
pub fn tiff_page_png(bytes: &[u8], index: u32) -> Result<(Vec<u8>, u32), String> {
    let mut dec = tiff::decoder::Decoder::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut count = 1u32;
    while dec.more_images() {
        dec.next_image().map_err(|e| e.to_string())?;
        count += 1;
    }
    if index >= count {
        return Err(format!("le document n'a que {count} page(s)"));
    }
    dec.seek_to_image(index as usize)
        .map_err(|e| e.to_string())?;
    let img = tiff_page_image(&mut dec)?;
    Ok((super::content::png_bytes(&img), count))
}
