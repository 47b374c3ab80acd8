// The one escaping helper: dom.js's `h()` (ui/js/html.js, never used, is gone). Client data goes
// into text nodes and attribute values, never through HTML parsing; checked here on a minimal
// fake DOM whose serialiser escapes as a browser's does (text: & < >; attributes: & ").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';

const escText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

class FakeText {
  constructor(data) { this.data = data; }
  get outerHTML() { return escText(this.data); }
}
class FakeElement {
  constructor(tag) {
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.dataset = {};
    this.listeners = {};
  }
  setAttribute(k, v) { this.attributes.set(k, String(v)); }
  addEventListener(type, fn) { this.listeners[type] = fn; }
  append(...nodes) {
    // As the DOM does: a non-Node is converted to a string and becomes text.
    for (const n of nodes) this.childNodes.push(n instanceof FakeElement || n instanceof FakeText ? n : new FakeText(String(n)));
  }
  replaceChildren() { this.childNodes = []; }
  get outerHTML() {
    const data = Object.entries(this.dataset).map(([k, v]) => [`data-${k}`, v]);
    const attrs = [...this.attributes, ...data].map(([k, v]) => ` ${k}="${escAttr(v)}"`).join('');
    const tag = this.tagName.toLowerCase();
    return `<${tag}${attrs}>${this.childNodes.map((c) => c.outerHTML).join('')}</${tag}>`;
  }
}

let h;
let replace;
before(async () => {
  globalThis.document = {
    createElement: (tag) => new FakeElement(tag),
    createTextNode: (s) => new FakeText(s),
  };
  ({ h, replace } = await import('../../ui/js/dom.js'));
});
after(() => { delete globalThis.document; });

test('h() puts text in text nodes: every HTML-significant character stays text', () => {
  const evil = `<img src=x onerror="alert('1')">&\``;
  const el = h('p', null, evil);
  assert.equal(el.childNodes.length, 1);
  assert.ok(el.childNodes[0] instanceof FakeText, 'a text node, not parsed markup');
  assert.equal(el.childNodes[0].data, evil);
  assert.equal(el.outerHTML, '<p>&lt;img src=x onerror="alert(\'1\')"&gt;&amp;`</p>');
  assert.equal(h('p', null, 'Élodie Durand-Lefèvre').outerHTML, '<p>Élodie Durand-Lefèvre</p>');
  assert.equal(h('p', null, null).outerHTML, '<p></p>');
  assert.equal(h('p', null, undefined).outerHTML, '<p></p>');
  assert.equal(h('p', null, 42).outerHTML, '<p>42</p>');
});

test('h() escapes attribute values and keeps its own markup', () => {
  const name = '<script>alert(1)</script>';
  const out = h('b', { title: name }, name);
  // A serialised attribute keeps < and > (quoted, they cannot open a tag); the text escapes them.
  assert.equal(out.outerHTML, '<b title="<script>alert(1)</script>">&lt;script&gt;alert(1)&lt;/script&gt;</b>');
  assert.equal(out.attributes.get('title'), name, 'set with setAttribute, never parsed');
  assert.equal(h('b', { title: 'a"b' }).outerHTML, '<b title="a&quot;b"></b>');
});

test('h() nests, joins arrays and drops null/false/undefined (0 is kept)', () => {
  const items = ['a&b', '<c>'];
  const inner = h('i', null, 'x<y');
  const out = h('ul', null, items.map((i) => h('li', null, i)), inner, null, false, undefined, 0);
  assert.equal(out.outerHTML, '<ul><li>a&amp;b</li><li>&lt;c&gt;</li><i>x&lt;y</i>0</ul>');
  const box = h('div');
  replace(box, 'a<b', null, h('br'));
  assert.equal(box.outerHTML, '<div>a&lt;b<br></br></div>');
});

test('a forged object is not trusted as markup', () => {
  const forged = { value: '<b>x</b>', toString: () => '<b>x</b>' };
  // Element.append turns a non-Node into text, as the real DOM does.
  assert.equal(h('p', null, /** @type {any} */ (forged)).outerHTML, '<p>&lt;b&gt;x&lt;/b&gt;</p>');
});

test('h() refuses inline styles (strict CSP)', () => {
  assert.throws(() => h('p', { style: 'color: red' }), /inline styles/);
});

test('emailNode: an address that may wrap only after its « @ » or before a dot, never mid-word', async () => {
  const { emailNode } = await import('../../ui/js/dom.js');
  const el = emailNode('releves@alliance-auto.example');
  assert.equal(el.outerHTML,
    '<span class="email"><span>releves@</span><wbr></wbr><span>alliance-auto</span><wbr></wbr><span>.example</span></span>');
  const link = emailNode('a.b@x.fr', { href: 'mailto:a.b@x.fr', title: 'écrire' });
  assert.equal(link.tagName, 'A');
  assert.equal(link.attributes.get('href'), 'mailto:a.b@x.fr');
  assert.equal(link.outerHTML.replace(/<[^>]*>/g, ''), 'a.b@x.fr', 'its text is the address itself');
  assert.equal(emailNode('<pas une adresse>').outerHTML, '<span class="email"><span>&lt;pas une adresse&gt;</span></span>');
});
