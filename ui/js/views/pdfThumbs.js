// @ts-check
/**
 * Thumbnails of PDF documents in the lists: page 1 drawn by pdf.js into a small canvas, only
 * once the row comes into view (IntersectionObserver), and kept for the session by document id
 * (an attached document's bytes never change), so a list re-rendered draws nothing again.
 */
import { openPdf } from './pdfjs.js';

/** The thumbnail's width in pixels (twice its CSS width, for a sharp page). */
const THUMB_WIDTH = 160;
/** At most this many thumbnails kept (the oldest dropped first). */
const CACHE_MAX = 300;

/** @type {Map<number, Promise<Blob>>} */
const cache = new Map();

/**
 * Page 1 of the PDF as a PNG, drawn once per document.
 * @param {number} id
 * @param {() => Promise<ArrayBuffer>} bytes
 * @returns {Promise<Blob>}
 */
export function pdfThumbnail(id, bytes) {
  const kept = cache.get(id);
  if (kept) return kept;
  const made = (async () => {
    const doc = await openPdf(await bytes());
    const page = await doc.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: THUMB_WIDTH / unscaled.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas');
    await page.render({ canvasContext: ctx, viewport, canvas }).promise;
    doc.destroy?.();
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas'))), 'image/png'));
  })();
  made.catch(() => cache.delete(id));
  cache.set(id, made);
  if (cache.size > CACHE_MAX) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return made;
}

/** @type {IntersectionObserver | null} */
let observer = null;
/** @type {WeakMap<Element, () => void>} */
const pending = new WeakMap();

/**
 * Runs `draw` once `el` is in view (at once without IntersectionObserver).
 * @param {Element} el
 * @param {() => void} draw
 */
export function whenVisible(el, draw) {
  const IO = /** @type {any} */ (globalThis).IntersectionObserver;
  if (!IO) { draw(); return; }
  if (!observer) {
    observer = new IO((/** @type {IntersectionObserverEntry[]} */ entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer?.unobserve(e.target);
        const f = pending.get(e.target);
        pending.delete(e.target);
        f?.();
      }
    }, { rootMargin: '200px' });
  }
  pending.set(el, draw);
  observer?.observe(el);
}
