// @ts-check
/**
 * The document viewer, inside the window: a JPEG or PNG as is; a TIFF page by page, each page
 * converted to PNG in Rust (WebKit does not show TIFF); a PDF's pages rendered by pdf.js
 * (pdfjs-dist, served from `ui/vendor/pdfjs/`, copied there from node_modules by the set-up).
 *
 * Test ids: `document-viewer`, `viewer-page` (data-page, data-rendered once drawn),
 * `viewer-error`, `viewer-close`.
 */
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { openDialog } from '../components/dialog.js';
import { viewerKind } from '../documents.js';

/** @typedef {import('../api/types.js').DocumentRecord} DocumentRecord */

/** The width pages are drawn at, in CSS pixels. */
const PAGE_WIDTH = 760;

/** @type {Promise<any> | null} */
let pdfjs = null;

/** pdf.js, loaded once from the app's own files. */
function loadPdfjs() {
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
 * @param {HTMLElement} pages
 * @param {ArrayBuffer} buf
 */
async function renderPdf(pages, buf) {
  const { lib, base } = await loadPdfjs();
  const doc = await lib.getDocument({
    data: new Uint8Array(buf.slice(0)),
    cMapUrl: new URL('cmaps/', base).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', base).href,
    wasmUrl: new URL('wasm/', base).href,
    iccUrl: new URL('iccs/', base).href,
  }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const unscaled = page.getViewport({ scale: 1 });
    const ratio = globalThis.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (PAGE_WIDTH / unscaled.width) * ratio });
    const canvas = h('canvas', { class: 'viewer-page', width: Math.floor(viewport.width), height: Math.floor(viewport.height), 'aria-label': t('documents.viewer.page', { n, total: doc.numPages }), dataset: { testid: 'viewer-page', page: n } });
    pages.append(canvas);
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    canvas.dataset.rendered = 'true';
  }
}

/**
 * @param {HTMLElement} pages
 * @param {string} src
 * @param {number} n
 * @param {number} total
 */
function imagePage(pages, src, n, total) {
  const img = h('img', { class: 'viewer-page', src, alt: t('documents.viewer.page', { n, total }), dataset: { testid: 'viewer-page', page: n } });
  img.addEventListener('load', () => { img.dataset.rendered = 'true'; }, { once: true });
  pages.append(img);
}

/**
 * Opens the viewer on `d`.
 * @param {DocumentRecord} d
 * @param {import('../api.js').Api} api
 */
export function openViewer(d, api) {
  const pages = h('div', { class: 'viewer-pages' }, h('p', { class: 'muted' }, t('documents.viewer.loading')));
  /** @type {string[]} */
  const urls = [];
  const show = async () => {
    try {
      const kind = viewerKind(d.format);
      if (kind === 'tiff') {
        replace(pages);
        for (let n = 1; n <= d.pages; n++) {
          const png = await api.documentPage(d.id, n);
          const url = URL.createObjectURL(new Blob([png], { type: 'image/png' }));
          urls.push(url);
          imagePage(pages, url, n, d.pages);
        }
        return;
      }
      const buf = await api.documentContent(d.id);
      replace(pages);
      if (kind === 'pdf') {
        await renderPdf(pages, buf);
      } else {
        const url = URL.createObjectURL(new Blob([buf], { type: d.mime }));
        urls.push(url);
        imagePage(pages, url, 1, 1);
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      replace(pages, h('div', { class: 'alert', role: 'alert', dataset: { testid: 'viewer-error' } }, t('documents.viewer.error', { message })));
    }
  };
  const done = openDialog({
    title: d.fileName,
    className: 'viewer-dialog',
    testid: 'document-viewer',
    build: (close) => [
      h('p', { class: 'muted' }, `${d.kindLabel} · ${d.sizeLabel}`),
      pages,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'button', class: 'btn', onclick: () => close(null), dataset: { testid: 'viewer-close' } }, t('documents.viewer.close'))),
    ],
  });
  show();
  done.then(() => { for (const u of urls) URL.revokeObjectURL(u); });
}
