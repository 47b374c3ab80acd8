// @ts-check
/**
 * `t(key, params)`: every string the user reads comes from a catalogue. French first; an English
 * catalogue can be added with the same keys and chosen with `setCatalogue`.
 */
import { fr } from './fr.js';

/** @type {Record<string, string>} */
let catalogue = fr;

/**
 * Switches the catalogue (for a future English version, and for tests).
 * @param {Record<string, string>} c
 */
export function setCatalogue(c) {
  catalogue = c;
}

/**
 * The string for `key`, with `{name}` placeholders replaced by `params.name`. A missing key gives
 * the key itself between brackets so it is visible on screen and caught by tests.
 * @param {string} key
 * @param {Record<string, string | number | null | undefined>} [params]
 * @returns {string}
 */
export function t(key, params) {
  const s = Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : `⟦${key}⟧`;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (whole, name) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

/**
 * Plural form: uses `key.one` for 0 and 1 (French rule) and `key.other` otherwise; `{n}` is
 * available in the string, `{count}` is `n` formatted by the caller if given.
 * @param {string} key
 * @param {number} n
 * @param {Record<string, string | number | null | undefined>} [params]
 */
export function tn(key, n, params = {}) {
  return t(Math.abs(n) < 2 ? `${key}.one` : `${key}.other`, { n, ...params });
}

/**
 * Does the catalogue hold `key`?
 * @param {string} key
 */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}
