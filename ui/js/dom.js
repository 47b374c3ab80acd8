// @ts-check
/**
 * Thin DOM helpers. `h()` builds elements with text set through `textContent`, so client data
 * never goes through HTML parsing. No inline styles (strict CSP): presentation is in CSS classes.
 */

/**
 * @typedef {Node | string | number | null | undefined | false} Child
 * @typedef {Record<string, unknown>} Attrs
 */

/** Properties set as DOM properties rather than attributes. */
const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'indeterminate', 'defaultValue']);

/**
 * Creates an element. `attrs`: `class`, `dataset` (object), `on<event>` (listeners),
 * `value`/`checked`/`disabled` (properties), any other key as an attribute (`true` → present,
 * `false`/`null`/`undefined` → absent). Children: nodes, or text (never parsed as HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'style') throw new Error('inline styles are not allowed (CSP)');
      if (k === 'dataset') {
        for (const [dk, dv] of Object.entries(/** @type {Record<string, unknown>} */ (v))) {
          if (dv !== undefined && dv !== null) el.dataset[dk] = String(dv);
        }
      } else if (k.startsWith('on') && typeof v === 'function') {
        el.addEventListener(k.slice(2).toLowerCase(), /** @type {EventListener} */ (v));
      } else if (PROPS.has(k)) {
        /** @type {any} */ (el)[k] = v;
      } else {
        el.setAttribute(k, v === true ? '' : String(v));
      }
    }
  }
  append(el, children);
  return el;
}

/**
 * @param {Element | DocumentFragment} el
 * @param {(Child | Child[])[]} children
 */
export function append(el, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/**
 * Replaces the content of `el` with `children`.
 * @param {Element} el
 * @param {...(Child | Child[])} children
 */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/**
 * Is the event target a text field (where single-key shortcuts must not fire)?
 * @param {EventTarget | null} target
 */
export function isTyping(target) {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = /** @type {HTMLInputElement} */ (target).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/**
 * Sets the document title (`Clients — Courtier`).
 * @param {string} title
 * @param {string} app
 */
export function setTitle(title, app) {
  document.title = title ? `${title} — ${app}` : app;
}

/**
 * A debounced function.
 * @template {unknown[]} A
 * @param {(...args: A) => void} fn
 * @param {number} ms
 * @returns {((...args: A) => void) & { cancel: () => void }}
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const d = (/** @type {A} */ ...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  d.cancel = () => clearTimeout(timer);
  return d;
}

/**
 * An e-mail address that never breaks mid-word: it may wrap only after its « @ » (and after a
 * dot of its domain), never inside a name. Its text is the address itself.
 * @param {string} address
 * @param {Attrs} [attrs] e.g. a link's `href`; the tag is `a` when `href` is given
 * @returns {HTMLElement}
 */
export function emailNode(address, attrs = {}) {
  const at = address.lastIndexOf('@');
  // Each piece never breaks (not even at a hyphen); a line may end only between pieces.
  const piece = (/** @type {string} */ text) => h('span', null, text);
  /** @type {Child[]} */
  const parts = [];
  if (at > 0) {
    parts.push(piece(address.slice(0, at + 1)), h('wbr', null));
    address.slice(at + 1).split('.').forEach((p, i) => {
      if (i > 0) parts.push(h('wbr', null));
      parts.push(piece(i > 0 ? `.${p}` : p));
    });
  } else {
    parts.push(piece(address));
  }
  const cls = attrs.class ? `email ${attrs.class}` : 'email';
  return h(attrs.href ? 'a' : 'span', { ...attrs, class: cls }, ...parts);
}
