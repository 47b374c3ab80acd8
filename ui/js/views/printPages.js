// @ts-check
/**
 * « Imprimer » on a PDF: WebKitGTK has no API to print a PDF, but its print operation (the
 * `webview_print` command, Tauri's `Webview::print`) opens the system (GTK) print dialog on the
 * page. So the PDF's pages are drawn by pdf.js at print
 * resolution into a print-only container of images (`.print-pages`, shown only by the print
 * stylesheet while `body.print-document` is set, everything else hidden), then the page is
 * printed, and the container removed afterwards.
 */
import { h } from '../dom.js';
import { t } from '../i18n/index.js';
import { openPdf } from './pdfjs.js';

/** Pages are drawn 1 654 px wide: an A4 page at 200 dpi. */
const PRINT_WIDTH = 1654;

/**
 * @param {HTMLCanvasElement} canvas
 * @returns {Promise<Blob>}
 */
function pngOf(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas'))), 'image/png'));
}

/**
 * Draws every page of the PDF, then opens the system print dialog on them.
 * @param {ArrayBuffer} buf
 * @param {() => unknown} print what opens the system print dialog (`api.webviewPrint`)
 */
export async function printPdfPages(buf, print) {
  const doc = await openPdf(buf);
  const box = h('div', { class: 'print-pages', 'aria-hidden': 'true', dataset: { testid: 'print-pages' } });
  /** @type {string[]} */
  const urls = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: PRINT_WIDTH / unscaled.width });
    const canvas = h('canvas', { width: Math.floor(viewport.width), height: Math.floor(viewport.height) });
    const ctx = canvas.getContext('2d');
    if (!ctx) continue;
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    const url = URL.createObjectURL(await pngOf(canvas));
    urls.push(url);
    const img = h('img', { class: 'print-page', src: url, alt: t('print.pageAlt', { n }) });
    box.append(img);
  }
  document.body.append(box);
  await Promise.all([...box.querySelectorAll('img')].map((img) => img.decode().catch(() => {})));
  document.body.classList.add('print-document');
  let cleaned = false;
  const done = () => {
    if (cleaned) return;
    cleaned = true;
    document.body.classList.remove('print-document');
    box.remove();
    for (const u of urls) URL.revokeObjectURL(u);
  };
  // `afterprint` when the engine sends it; Tauri's print returns as soon as the dialog is shown
  // (WebKitGTK does not always send `afterprint` then), so the window getting the focus back
  // from the dialog also means it is closed.
  window.addEventListener('afterprint', done, { once: true });
  try {
    await print();
    window.addEventListener('focus', done, { once: true });
  } finally {
    // Keep the pages until the dialog has taken them (afterprint), at most a minute.
    setTimeout(() => { if (box.isConnected) done(); }, 60000);
  }
  box.dataset.ready = 'true';
}
