// @ts-check
import { h, setTitle } from '../dom.js';
import { t } from '../i18n/index.js';
import { href } from '../router.js';

/**
 * @param {HTMLElement} el
 * @returns {() => void}
 */
export function mountNotFound(el) {
  setTitle(t('notFound.title'), t('app.name'));
  el.append(
    h('header', { class: 'page-header' }, h('h1', { class: 'page-title' }, t('notFound.title'))),
    h('div', { class: 'empty-state' },
      h('p', null, t('notFound.text')),
      h('a', { href: href('clients'), class: 'btn btn-primary' }, t('notFound.back'))),
  );
  return () => {};
}
