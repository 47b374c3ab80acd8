// @ts-check
/**
 * The documents of a client, a contract or a claim: the list with thumbnails, « Joindre un
 * document » (the native file dialog), files dropped on the window (Tauri's native drag-and-drop:
 * absolute paths, read and checked in Rust), « Ouvrir » (the viewer), « Exporter » (the native
 * save dialog; recorded), « Corbeille » and the bin with « Restaurer » and « Vider la corbeille ».
 *
 * Dropped or picked files first go through a small dialog (`attach-dialog`: `attach-kind`,
 * « autre » by default, `attach-date`, today, `attach-note`, `attach-confirm`); with several
 * files, one `attach-row` (data-index) per file with its own three controls, the first file's
 * values offered to the others. A PDF's
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
import { DOCUMENT_KINDS, attachDrafts, attachRows, baseName, editAttachRow, exportName } from '../documents.js';
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

/** @typedef {import('../api/types.js').DocumentInput} DocumentInput */
/** @typedef {import('../documents.js').AttachField} AttachField */

/**
 * The type, date and note controls of one file, in a fieldset named after it when several
 * files are attached at once (`attach-row`, data-index).
 * @param {{ kind: string, date: string, note: string }} v
 * @param {boolean} dateRequired
 */
function attachControls(v, dateRequired) {
  const kind = select(DOCUMENT_KINDS.map((k) => [k, t(KIND_LABEL[k] ?? 'documents.kind.autre')]), v.kind, 'attach-kind');
  const date = dateInput(v.date, 'attach-date', { required: dateRequired });
  const note = textInput(v.note, 'attach-note');
  return { kind, date, note };
}

/**
 * The dialog shown when files are dropped or picked: for each file its type (« autre » by
 * default), date (today) and note; with several files, what is given to the first is offered
 * to the others until one is given its own (`editAttachRow`). One draft per file, in their
 * order; null when cancelled.
 * @param {string[]} names
 * @returns {Promise<DocumentInput[] | null>}
 */
async function attachDialog(names) {
  let rows = attachRows(names, isoDateOf(new Date()));
  const controls = rows.map((r) => attachControls(r, true));
  /** @type {AttachField[]} */
  const fieldNames = ['kind', 'date', 'note'];
  controls.forEach((c, i) => {
    for (const f of fieldNames) {
      c[f].addEventListener('change', () => {
        rows = editAttachRow(rows, i, f, c[f].value);
        // The values offered to the other files show at once.
        controls.forEach((o, j) => { if (j !== i && o[f].value !== rows[j][f]) o[f].value = rows[j][f]; });
      });
    }
  });
  const line = errorLine();
  const fields = (/** @type {ReturnType<typeof attachControls>} */ c) =>
    [field(t('documents.kind'), c.kind), field(t('documents.date'), c.date), field(t('documents.note'), c.note)];
  const body = names.length === 1
    ? h('div', { class: 'form-stack', dataset: { testid: 'attach-dialog' } }, ...fields(controls[0]), line)
    : h('div', { class: 'form-stack', dataset: { testid: 'attach-dialog' } },
      h('p', { class: 'hint' }, t('documents.attachManyHint')),
      h('div', { class: 'attach-rows' },
        controls.map((c, i) => h('fieldset', { class: 'attach-row', dataset: { testid: 'attach-row', index: i } },
          h('legend', { class: 'break' }, names[i]),
          h('div', { class: 'attach-row-fields' }, ...fields(c))))),
      line);
  /** @type {DocumentInput[] | null} */
  let drafts = null;
  const ok = await formDialog({
    title: names.length === 1 ? t('documents.attachOne', { name: names[0] }) : t('documents.attachMany', { n: names.length }),
    body,
    confirmLabel: t('documents.attachConfirm'),
    confirmTestId: 'attach-confirm',
    onConfirm: async () => {
      // What each control shows is what is sent.
      drafts = attachDrafts(rows.map((r, i) => ({ ...r, kind: controls[i].kind.value, date: controls[i].date.value, note: controls[i].note.value })));
      return true;
    },
  });
  return ok ? drafts : null;
}

/**
 * « Modifier »: the type, date and note of a document already attached, in the same form.
 * @param {string} name
 * @param {DocumentInput} initial
 * @returns {Promise<DocumentInput | null>}
 */
async function editDialog(name, initial) {
  const c = attachControls({ kind: initial.kind ?? 'autre', date: initial.date ?? '', note: initial.note ?? '' }, false);
  const line = errorLine();
  /** @type {DocumentInput | null} */
  let draft = null;
  const ok = await formDialog({
    title: t('documents.editTitle', { name }),
    body: h('div', { class: 'form-stack', dataset: { testid: 'attach-dialog' } },
      field(t('documents.kind'), c.kind), field(t('documents.date'), c.date), field(t('documents.note'), c.note), line),
    confirmLabel: t('documents.editConfirm'),
    confirmTestId: 'attach-confirm',
    onConfirm: async () => {
      draft = attachDrafts([{ name, kind: c.kind.value, date: c.date.value, note: c.note.value, own: [] }])[0];
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
   * Asks the type, date and note of each file dropped or picked, then attaches them.
   * @param {string[]} paths
   */
  async function askThenAttach(paths) {
    const drafts = await attachDialog(paths.map(baseName));
    if (drafts) await attachAll(paths, drafts);
  }

  /**
   * @param {string[]} paths
   * @param {DocumentInput[]} drafts one per path
   */
  async function attachAll(paths, drafts) {
    for (const [i, path] of paths.entries()) {
      say(t('documents.attaching', { name: baseName(path) }));
      try {
        const r = await api.documentAttach(ownerKind, ownerId, path, drafts[i]);
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
      const draft = await editDialog(d.fileName, { kind: d.kind, date: d.date, note: d.note });
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
          const sure = await confirmDialog({ title: t('documents.binConfirmTitle'), message: t('documents.binConfirm', { n: binned.length }), confirmLabel: t('documents.binEmpty'), cancelLabel: t('common.cancel'), danger: true, testid: 'bin-confirm' });
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
