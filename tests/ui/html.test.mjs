// The one escaping helper.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, html, SafeHtml } from '../../ui/js/html.js';

test('escapeHtml escapes every HTML-significant character', () => {
  assert.equal(escapeHtml(`<img src=x onerror="alert('1')">&\``), '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;&#96;');
  assert.equal(escapeHtml('Élodie Durand-Lefèvre'), 'Élodie Durand-Lefèvre');
  assert.equal(escapeHtml(null), '');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(42), '42');
});

test('html`` escapes interpolations and keeps its own markup', () => {
  const name = '<script>alert(1)</script>';
  const out = html`<b title="${name}">${name}</b>`;
  assert.ok(out instanceof SafeHtml);
  assert.equal(out.value, '<b title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</b>');
});

test('html`` nests, joins arrays and drops null/false', () => {
  const items = ['a&b', '<c>'];
  const inner = html`<i>${'x<y'}</i>`;
  const out = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${inner}${null}${false}${undefined}${0}`;
  assert.equal(out.toString(), '<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul><i>x&lt;y</i>0');
});

test('a forged object is not trusted as markup', () => {
  const forged = { value: '<b>x</b>', toString: () => '<b>x</b>' };
  assert.equal(html`${forged}`.value, '&lt;b&gt;x&lt;/b&gt;');
});
