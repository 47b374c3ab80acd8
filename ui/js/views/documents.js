// @ts-check
/**
 * The documents of a client, a contract or a claim: the list with thumbnails, « Joindre un
 * document » (the native file dialog), files dropped on the window (Tauri's native drag-and-drop:
 * absolute paths, read and checked in Rust), « Ouvrir » (the viewer), « Exporter » (the native
 * save dialog; recorded), « Corbeille » and the bin with « Restaurer » and « Vider la corbeille ».
 *
 * Dropped or picked files first go through a small dialog (`attach-dialog`: `attach-kind`,
 * « autre » by default, `attach-date`, today, `attach-note`, `attach-confirm`). A PDF's
 * thumbnail is its page 1 drawn by pdf.js (`pdfThumbs.js`, `data-source="pdfjs"`).
 *
 * Test ids: `documents-card`, `documents-attach`, `documents-drop`,
 * `document-row` (data-id, data-format), `document-thumb` (data-loaded), `document-open`,
 * `document-export`, `document-edit` (type, date, note: the same dialog), `document-delete`, `bin-row`, `document-restore`, `bin-empty`,
 * `documents-status`.
 */
import { h, replace } from '../dom.js';
import { t } from '../i18n/index.js';
import { dateInput, errorLine, field, select, textInput } from '../components/form.js';
import { formDialog } from '../components/dialog.js';
import { isoDateOf } from '../format.js';
import { pdfThumbnail, whenVisible } from './pdfThumbs.js';
import { toast } from '../components/toast.js';
import { confirmDialog } from '../components/dialog.js';
import { onFileDrop } from '../api.js';
import { DOCUMENT_KINDS, baseName, exportName } from '../documents.js';
import { openViewer } from './documentViewer.js';

/** @typedef {import('../api/types.js').DocumentRecord} DocumentRecord */
/** @typedef {import('../api/types.js').OwnerKind} OwnerKind */
/** @typedef {import('../api.js').ApiError} ApiError */

/** @type {Record<string, string>} */
const KIND_LABEL = {
  constat_amiable: 'documents.kind.constat_amiable',
  rapport_expertise: 'documents.kind.rapport_expertise',
  photos: 'documents.kind.photos',
  facture: 'documents.kind.facture',
  releve_information: 'documents.kind.releve_information',
  courrier: 'documents.kind.courrier',
  piece_identite: 'documents.kind.piece_identite',
  permis: 'documents.kind.permis',
  carte_grise: 'documents.kind.carte_grise',
  attestation: 'documents.kind.attestation',
  autre: 'documents.kind.autre',
};

/** The event a card listens to, to show a document added elsewhere (a printed paper). */
const CHANGED = 'courtier:documents-changed';

/**
 * Tells the documents card of a record that its documents changed (a paper was generated).
 * @param {OwnerKind} ownerKind
 * @param {number} ownerId
 */
export function documentsChanged(ownerKind, ownerId) {
  globalThis.dispatchEvent(new CustomEvent(CHANGED, { detail: { ownerKind, ownerId } }));
}

/**
 * The dialog shown when files are dropped or picked: their names, and the type (« autre » by
 * default), date (today) and note given to all of them. Null when cancelled. With `initial`,
 * the same dialog changes the details of a document already attached (« Modifier »).
 * @param {string[]} names
 * @param {import('../api/types.js').DocumentInput | null} [initial]
 * @returns {Promise<import('../api/types.js').DocumentInput | null>}
 */
async function attachDialog(names, initial = null) {
  const kind = select(DOCUMENT_KINDS.map((k) => [k, t(KIND_LABEL[k] ?? 'documents.kind.autre')]), initial?.kind ?? 'autre', 'attach-kind');
  const date = dateInput(initial ? (initial.date ?? '') : isoDateOf(new Date()), 'attach-date', { required: !initial });
  const note = textInput(initial?.note ?? '', 'attach-note');
  const line = errorLine();
  /** @type {import('../api/types.js').DocumentInput | null} */
  let draft = null;
  const ok = await formDialog({
    title: initial ? t('documents.editTitle', { name: names[0] }) : names.length === 1 ? t('documents.attachOne', { name: names[0] }) : t('documents.attachMany', { n: names.length }),
    body: h('div', { class: 'form-stack', dataset: { testid: 'attach-dialog' } },
      names.length > 1 ? h('ul', { class: 'plain attach-names' }, names.map((n) => h('li', { class: 'break' }, n))) : null,
      field(t('documents.kind'), kind),
      field(t('documents.date'), date),
      field(t('documents.note'), note),
      line),
    confirmLabel: initial ? t('documents.editConfirm') : t('documents.attachConfirm'),
    confirmTestId: 'attach-confirm',
    onConfirm: async () => {
      draft = { kind: kind.value, date: date.value || null, note: note.value.trim() || null };
      return true;
    },
  });
  return ok ? draft : null;
}

/** The cards shown, each told of a drop while it is on the page. */
const targets = new Set();
/** @type {(() => void) | null} */
let stopListening = null;

/** @param {string[]} paths */
function dispatchDrop(paths) {
  for (const target of [...targets]) {
    if (!target.el.isConnected) { targets.delete(target); continue; }
    target.drop(paths);
  }
}

/** @param {boolean} over */
function dispatchHover(over) {
  for (const target of targets) target.el.classList.toggle('drop-over', over && target.el.isConnected);
}

/**
 * @param {OwnerKind} ownerKind
 * @param {number} ownerId
 * @param {import('../api.js').Api} api
 * @returns {HTMLElement}
 */
export function documentsCard(ownerKind, ownerId, api) {
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'documents-status' } });
  const list = h('div', { class: 'documents-list' });
  const bin = h('div', { class: 'documents-bin' });
  const attach = h('button', { type: 'button', class: 'btn btn-small no-print', dataset: { testid: 'documents-attach' } }, t('documents.attach'));
  const el = h('section', { class: 'card card-wide documents-card', 'aria-labelledby': `documents-${ownerKind}-${ownerId}`, dataset: { testid: 'documents-card' } },
    h('div', { class: 'card-head' },
      h('h2', { id: `documents-${ownerKind}-${ownerId}`, class: 'card-title' }, t('documents.title')),
      attach),
    h('p', { class: 'drop-hint muted', dataset: { testid: 'documents-drop' } }, t('documents.dropHint')),
    status, list, bin);

  /** @param {string} message */
  const say = (message) => { status.textContent = message; };

  /**
   * Asks the type, date and note of the files dropped or picked, then attaches them.
   * @param {string[]} paths
   */
  async function askThenAttach(paths) {
    const draft = await attachDialog(paths.map(baseName));
    if (draft) await attachAll(paths, draft);
  }

  /**
   * @param {string[]} paths
   * @param {import('../api/types.js').DocumentInput} draft
   */
  async function attachAll(paths, draft) {
    for (const path of paths) {
      say(t('documents.attaching', { name: baseName(path) }));
      try {
        const r = await api.documentAttach(ownerKind, ownerId, path, draft);
        say(r.message);
        toast(r.message);
      } catch (e) {
        const err = /** @type {ApiError} */ (e);
        say(`${baseName(path)} : ${err.message}`);
        status.classList.add('error');
        await refresh();
        return;
      }
    }
    status.classList.remove('error');
    await refresh();
  }

  attach.addEventListener('click', async () => {
    try {
      const paths = await api.pickFiles(t('documents.pickTitle'));
      if (paths.length > 0) await askThenAttach(paths);
    } catch (e) {
      say(/** @type {ApiError} */ (e).message);
    }
  });

  /** @param {DocumentRecord} d */
  function thumb(d) {
    const img = h('img', { class: 'document-thumb', alt: '', width: 80, dataset: { testid: 'document-thumb' } });
    if (d.format === 'pdf') {
      // Page 1 drawn by pdf.js, once the row shows, kept for the session.
      img.dataset.source = 'pdfjs';
      whenVisible(img, () => {
        pdfThumbnail(d.id, () => api.documentContent(d.id)).then((blob) => {
          img.src = URL.createObjectURL(blob);
          img.addEventListener('load', () => { img.dataset.loaded = 'true'; URL.revokeObjectURL(img.src); }, { once: true });
        }, () => {});
      });
    } else if (d.hasThumbnail) {
      api.documentThumbnail(d.id).then((buf) => {
        if (buf.byteLength === 0) return;
        img.src = URL.createObjectURL(new Blob([buf], { type: 'image/png' }));
        img.addEventListener('load', () => { img.dataset.loaded = 'true'; }, { once: true });
      }, () => {});
    }
    return img;
  }

  /** @param {DocumentRecord} d */
  function row(d) {
    const open = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'document-open' } }, t('documents.open'));
    open.addEventListener('click', () => openViewer(d, api));
    const exp = h('button', { type: 'button', class: 'btn btn-small no-print', dataset: { testid: 'document-export' } }, t('documents.export'));
    exp.addEventListener('click', async () => {
      try {
        const path = await api.pickSavePath(t('documents.exportTitle'), exportName(d));
        if (!path) return;
        await api.documentExport(d.id, path);
        toast(t('documents.exported', { path }));
        say(t('documents.exported', { path }));
      } catch (e) {
        say(/** @type {ApiError} */ (e).message);
      }
    });
    const edit = h('button', { type: 'button', class: 'btn btn-small no-print', 'aria-label': t('documents.editAria', { name: d.fileName }), dataset: { testid: 'document-edit' } }, t('documents.edit'));
    edit.addEventListener('click', async () => {
      const draft = await attachDialog([d.fileName], { kind: d.kind, date: d.date, note: d.note });
      if (!draft) return;
      try {
        await api.documentUpdate(d.id, draft);
        say(t('documents.edited', { name: d.fileName }));
        await refresh();
      } catch (e) {
        say(/** @type {ApiError} */ (e).message);
      }
    });
    const del = h('button', { type: 'button', class: 'btn btn-small no-print', dataset: { testid: 'document-delete' } }, t('documents.delete'));
    del.addEventListener('click', async () => {
      try {
        await api.documentBin(d.id);
        say(t('documents.deleted', { name: d.fileName }));
        await refresh();
      } catch (e) {
        say(/** @type {ApiError} */ (e).message);
      }
    });
    const facts = [d.kindLabel, d.date ? d.date.split('-').reverse().join('/') : null, d.sizeLabel, t('documents.pages', { n: d.pages })]
      .filter(Boolean).join(' · ');
    return h('div', { class: 'document-row', dataset: { testid: 'document-row', id: d.id, format: d.format } },
      thumb(d),
      h('div', { class: 'document-facts' },
        h('strong', { class: 'break' }, d.fileName),
        h('span', { class: 'muted' }, facts),
        d.note ? h('span', null, d.note) : null),
      h('div', { class: 'actions' }, open, exp, edit, del));
  }

  /** @param {DocumentRecord} d */
  function binRow(d) {
    const restore = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'document-restore' } }, t('documents.restore'));
    restore.addEventListener('click', async () => {
      try {
        await api.documentRestore(d.id);
        say(t('documents.restored', { name: d.fileName }));
        await refresh();
      } catch (e) {
        say(/** @type {ApiError} */ (e).message);
      }
    });
    return h('div', { class: 'document-row in-bin', dataset: { testid: 'bin-row', id: d.id } },
      h('div', { class: 'document-facts' }, h('strong', { class: 'break' }, d.fileName), h('span', { class: 'muted' }, `${d.kindLabel} · ${d.sizeLabel}`)),
      h('div', { class: 'actions' }, restore));
  }

  async function refresh() {
    try {
      const docs = await api.documentList(ownerKind, ownerId, true);
      const active = docs.filter((d) => d.state === 'active');
      const binned = docs.filter((d) => d.state === 'inBin');
      replace(list, active.length === 0 ? h('p', { class: 'muted' }, t('documents.none')) : active.map(row));
      if (binned.length === 0) {
        replace(bin);
      } else {
        const empty = h('button', { type: 'button', class: 'btn btn-small btn-danger no-print', dataset: { testid: 'bin-empty' } }, t('documents.binEmpty'));
        empty.addEventListener('click', async () => {
          const sure = await confirmDialog({ title: t('documents.binConfirmTitle'), message: t('documents.binConfirm', { n: binned.length }), confirmLabel: t('documents.binEmpty'), cancelLabel: t('documents.viewer.close'), danger: true, testid: 'bin-confirm' });
          if (!sure) return;
          try {
            // This record's bin only; the whole agency's is emptied from Paramètres → Documents.
            const n = await api.binEmpty(ownerKind, ownerId);
            say(t('documents.binEmptied', { n }));
            await refresh();
          } catch (e) {
            say(/** @type {ApiError} */ (e).message);
          }
        });
        replace(bin, h('h3', { class: 'documents-bin-title' }, t('documents.binTitle')), binned.map(binRow), h('div', { class: 'actions' }, empty));
      }
    } catch (e) {
      say(/** @type {ApiError} */ (e).message);
    }
  }

  targets.add({ el, drop: (/** @type {string[]} */ paths) => { askThenAttach(paths); } });
  const onChanged = (/** @type {Event} */ e) => {
    const o = /** @type {CustomEvent<{ ownerKind: string, ownerId: number }>} */ (e).detail;
    if (!el.isConnected) { globalThis.removeEventListener(CHANGED, onChanged); return; }
    if (o.ownerKind === ownerKind && o.ownerId === ownerId) refresh();
  };
  globalThis.addEventListener(CHANGED, onChanged);
  if (!stopListening) stopListening = onFileDrop(dispatchDrop, dispatchHover);
  refresh();
  return el;
}
