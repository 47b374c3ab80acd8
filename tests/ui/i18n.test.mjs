// The catalogue: every key used by the front end exists; parameters are filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fr } from '../../ui/js/i18n/fr.js';
import { has, t, tn } from '../../ui/js/i18n/index.js';

const JS = fileURLToPath(new URL('../../ui/js/', import.meta.url));

/** @returns {string[]} */
function jsFiles(dir = JS) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

const namespaces = new Set(Object.keys(fr).map((k) => k.split('.')[0]));

/** Keys a source file uses: in t('…') / tn('…') calls, and any quoted 'ns.key' literal. */
function usedKeys(src) {
  const keys = new Set();
  const pluralBases = new Set();
  for (const m of src.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) keys.add(m[2]);
  for (const m of src.matchAll(/\btn\(\s*(['"])([^'"]+)\1/g)) {
    pluralBases.add(m[2]);
    keys.add(`${m[2]}.one`);
    keys.add(`${m[2]}.other`);
  }
  // Keys kept in lookup tables (STATUS_LABEL, FILTERS…): any literal starting with a catalogue namespace.
  for (const m of src.matchAll(/(['"])([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)\1/g)) {
    if (namespaces.has(m[2].split('.')[0]) && !pluralBases.has(m[2])) keys.add(m[2]);
  }
  return keys;
}

test('every key used in ui/js exists in the French catalogue', () => {
  const missing = [];
  let count = 0;
  for (const file of jsFiles()) {
    if (file.endsWith(join('i18n', 'fr.js'))) continue;
    const src = readFileSync(file, 'utf8');
    for (const k of usedKeys(src)) {
      count++;
      if (!has(k)) missing.push(`${relative(JS, file)}: ${k}`);
    }
  }
  assert.ok(count > 150, `only ${count} keys found: is the scan broken?`);
  assert.deepEqual(missing, []);
});

test('every catalogue entry is used somewhere in ui/js (an unused one, like the former form.datePlaceholder, goes)', () => {
  const used = new Set();
  for (const file of jsFiles()) {
    if (file.endsWith(join('i18n', 'fr.js'))) continue;
    for (const k of usedKeys(readFileSync(file, 'utf8'))) used.add(k);
  }
  const unused = Object.keys(fr).filter((k) => !used.has(k));
  assert.deepEqual(unused, []);
});

test('no dynamically built keys (they cannot be checked)', () => {
  const offenders = [];
  for (const file of jsFiles()) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\btn?\(\s*`[^`]*\$\{/g)) offenders.push(`${relative(JS, file)}: ${m[0]}`);
    for (const m of src.matchAll(/\btn?\(\s*['"][^'"]*['"]\s*\+/g)) offenders.push(`${relative(JS, file)}: ${m[0]}`);
  }
  assert.deepEqual(offenders, []);
});

test('every catalogue entry is a non-empty string and plural pairs are complete', () => {
  for (const [k, v] of Object.entries(fr)) {
    assert.equal(typeof v, 'string', k);
    assert.ok(v.trim().length > 0, k);
    if (k.endsWith('.one')) assert.ok(has(k.replace(/\.one$/, '.other')), `${k} without .other`);
    if (k.endsWith('.other')) assert.ok(has(k.replace(/\.other$/, '.one')), `${k} without .one`);
  }
});

test('French typography: typographic apostrophes', () => {
  for (const [k, v] of Object.entries(fr)) {
    assert.ok(!/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/.test(v), `${k}: use ’ rather than '`);
  }
});

test('t fills parameters and shows missing keys visibly', () => {
  assert.equal(t('list.range', { from: '1', to: '50', total: '10 234' }), '1–50 sur 10 234');
  assert.equal(t('common.errorCode', { code: 'wrong_key' }), 'Code : wrong_key');
  assert.equal(t('list.range', { from: 1 }), '1–{to} sur {total}');
  assert.equal(t('does.not.exist'), '⟦does.not.exist⟧');
  assert.equal(t('app.name'), 'Courtier');
});

test('tn picks the French plural (0 and 1 singular)', () => {
  assert.equal(tn('record.age', 0), '0 an');
  assert.equal(tn('record.age', 1), '1 an');
  assert.equal(tn('record.age', 2), '2 ans');
  assert.equal(tn('list.count', 10234, { count: '10 234' }), '10 234 clients');
});
