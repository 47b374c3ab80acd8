import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_KINDS, attachDrafts, attachRows, baseName, editAttachRow, exportName, viewerKind } from '../../ui/js/documents.js';
import { fr } from '../../ui/js/i18n/fr.js';

test('every document type has its French label in the catalogue', () => {
  assert.equal(DOCUMENT_KINDS.length, 11);
  for (const k of DOCUMENT_KINDS) assert.ok(fr[`documents.kind.${k}`], k);
});

test('file names and export names', () => {
  assert.equal(baseName('/home/anne/Scans/constat 12.pdf'), 'constat 12.pdf');
  assert.equal(baseName('C:\\Users\\anne\\photo.JPG'), 'photo.JPG');
  assert.equal(exportName({ id: 3, fileName: 'constat.pdf', format: 'pdf' }), 'constat.pdf');
  assert.equal(exportName({ id: 3, fileName: 'scan', format: 'tiff' }), 'document-3.tif');
});

test('each format has its viewer', () => {
  assert.equal(viewerKind('pdf'), 'pdf');
  assert.equal(viewerKind('tiff'), 'tiff');
  assert.equal(viewerKind('jpeg'), 'image');
  assert.equal(viewerKind('png'), 'image');
});

test('each file of a drop gets its own type, date and note; the first one\'s are offered to the others', () => {
  let rows = attachRows(['constat.pdf', 'photo1.jpg', 'photo2.jpg'], '2026-12-03');
  assert.deepEqual(attachDrafts(rows), Array(3).fill({ kind: 'autre', date: '2026-12-03', note: null }));
  // The first file's type and note go to the others.
  rows = editAttachRow(rows, 0, 'kind', 'photos');
  rows = editAttachRow(rows, 0, 'note', '  Choc arrière  ');
  assert.deepEqual(rows.map((r) => r.kind), ['photos', 'photos', 'photos']);
  // A file given its own type keeps it when the first changes again.
  rows = editAttachRow(rows, 2, 'kind', 'facture');
  rows = editAttachRow(rows, 0, 'kind', 'constat_amiable');
  rows = editAttachRow(rows, 1, 'date', '2026-11-30');
  rows = editAttachRow(rows, 0, 'date', '2026-12-01');
  assert.deepEqual(attachDrafts(rows), [
    { kind: 'constat_amiable', date: '2026-12-01', note: 'Choc arrière' },
    { kind: 'constat_amiable', date: '2026-11-30', note: 'Choc arrière' },
    { kind: 'facture', date: '2026-12-01', note: 'Choc arrière' },
  ]);
  // An emptied note or date is sent as none; the rows given are left as they were.
  const before = JSON.stringify(rows);
  const cleared = editAttachRow(editAttachRow(rows, 1, 'note', ' '), 1, 'date', '');
  assert.deepEqual(attachDrafts(cleared)[1], { kind: 'constat_amiable', date: null, note: null });
  assert.equal(JSON.stringify(rows), before);
  // One file: its values, nothing offered elsewhere.
  assert.deepEqual(attachDrafts(editAttachRow(attachRows(['a.pdf'], '2026-12-03'), 0, 'kind', 'permis')),
    [{ kind: 'permis', date: '2026-12-03', note: null }]);
});
