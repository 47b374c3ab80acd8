import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOCUMENT_KINDS, baseName, exportName, viewerKind } from '../../ui/js/documents.js';
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
