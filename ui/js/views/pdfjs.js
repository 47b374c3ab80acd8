// @ts-check
/**
 * pdf.js (pdfjs-dist, served from `ui/vendor/pdfjs/`, copied there from node_modules by the
 * set-up), loaded once; a PDF opened from bytes. Used by the viewer, the print path and the
 * thumbnails of the document lists.
 */

/** @type {Promise<any> | null} */
let pdfjs = null;

/** pdf.js, loaded once from the app's own files. */
export function loadPdfjs() {
  if (!pdfjs) {
    const base = new URL('../../vendor/pdfjs/', import.meta.url);
    pdfjs = import(new URL('pdf.mjs', base).href).then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.mjs', base).href;
      return { lib, base };
    });
  }
  return pdfjs;
}

/**
 * A PDF opened by pdf.js from bytes (copied: pdf.js empties what it is given).
 * @param {ArrayBuffer} buf
 * @returns {Promise<any>}
 */
export async function openPdf(buf) {
  const { lib, base } = await loadPdfjs();
  return lib.getDocument({
    data: new Uint8Array(buf.slice(0)),
    cMapUrl: new URL('cmaps/', base).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', base).href,
    wasmUrl: new URL('wasm/', base).href,
    iccUrl: new URL('iccs/', base).href,
  }).promise;
}

