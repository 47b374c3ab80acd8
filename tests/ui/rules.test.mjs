// House rules for the front end, checked on the sources: CSP-safe, one Tauri entry point, typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const UI = fileURLToPath(new URL('../../ui/', import.meta.url));

/**
 * Our files: not `vendor/`, where the set-up copies pdf.js from node_modules (git-ignored).
 * @returns {string[]}
 */
function files(dir = UI) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (p === join(UI, 'vendor')) return [];
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}
const all = files();
const js = all.filter((f) => f.endsWith('.js'));
const rel = (f) => relative(UI, f);
const read = (f) => readFileSync(f, 'utf8');

test('every module is type-checked (// @ts-check first line)', () => {
  for (const f of js) assert.match(read(f), /^\/\/ @ts-check\n/, rel(f));
});

test('only api.js touches window.__TAURI__', () => {
  const touching = js.filter((f) => read(f).includes('__TAURI__')).map(rel);
  assert.deepEqual(touching, ['js/api.js']);
});

test('no eval, no Function constructor, no string timers', () => {
  for (const f of js) {
    const src = read(f);
    assert.doesNotMatch(src, /\beval\s*\(/, rel(f));
    assert.doesNotMatch(src, /new\s+Function\s*\(/, rel(f));
    assert.doesNotMatch(src, /set(?:Timeout|Interval)\(\s*['"`]/, rel(f));
  }
});

test('no raw HTML injection and no inline styles', () => {
  for (const f of js) {
    const src = read(f);
    assert.doesNotMatch(src, /\.(?:innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/, rel(f));
    assert.doesNotMatch(src, /\.style\.|\.style\s*=|setAttribute\(\s*['"]style['"]|cssText/, rel(f));
    assert.doesNotMatch(src, /\son[a-z]+=["']/, `${rel(f)}: inline event handler attribute`);
  }
});

test('index.html: no inline script or style, module entry point (the CSP itself is in tauri.conf.json)', () => {
  const src = read(join(UI, 'index.html'));
  assert.doesNotMatch(src, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline <script>');
  assert.doesNotMatch(src, /<style|\sstyle=/, 'inline style');
  assert.doesNotMatch(src, /\son[a-z]+=/, 'inline handler');
  assert.match(src, /<script type="module" src="js\/main\.js"><\/script>/);
  assert.match(src, /<html lang="fr">/);
});

test('no remote content: no http(s) URLs, fonts or imports in css/html/js', () => {
  for (const f of all.filter((x) => /\.(css|html|js)$/.test(x))) {
    const src = read(f);
    const urls = src.match(/https?:\/\/[^\s'")]+/g) ?? [];
    const allowed = urls.filter((u) => !/^http:\/\/ipc\.localhost|^http:\/\/www\.w3\.org\/2000\/svg/.test(u));
    assert.deepEqual(allowed, [], rel(f));
    assert.doesNotMatch(src, /@import|@font-face/, rel(f));
  }
});

test('there is a print stylesheet hiding navigation and buttons', () => {
  const html = read(join(UI, 'index.html'));
  assert.match(html, /href="css\/print\.css" media="print"/);
  const css = read(join(UI, 'css', 'print.css'));
  assert.match(css, /\.sidebar/);
  assert.match(css, /\.no-print/);
  assert.match(css, /button/);
});

test('relative imports point to files that exist', () => {
  for (const f of js) {
    for (const m of read(f).matchAll(/\bfrom\s+'(\.[^']+)'/g)) {
      const target = join(f, '..', m[1]);
      assert.ok(all.includes(target), `${rel(f)} imports missing ${m[1]}`);
    }
  }
});

test('views get the api as a parameter: only main.js imports the real instance', () => {
  const importing = js.filter((f) => /import\s*\{[^}]*\bapi\b[^}]*\}\s*from\s*'[./]*api\.js'/.test(read(f))).map(rel);
  assert.deepEqual(importing, ['js/main.js']);
});

test('no UI module is longer than a few hundred lines (the French catalogue and the API types aside)', () => {
  for (const f of js.filter((x) => !/i18n[\\/]fr\.js$|api[\\/]types\.js$/.test(x))) {
    const lines = read(f).split('\n').length;
    assert.ok(lines <= 700, `${rel(f)}: ${lines} lines`);
  }
});
