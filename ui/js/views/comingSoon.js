// @ts-check
/** "Bientôt" pages: what the calendar, claims and reports sections will hold. */
import { h, setTitle } from '../dom.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';

/** @type {Record<string, { title: string, lead: string, items: string[], icon: string }>} */
const PAGES = {
  calendar: {
    title: 'soon.calendar.title',
    lead: 'soon.calendar.lead',
    items: ['soon.calendar.item1', 'soon.calendar.item2', 'soon.calendar.item3'],
    icon: 'calendar',
  },
  claims: {
    title: 'soon.claims.title',
    lead: 'soon.claims.lead',
    items: ['soon.claims.item1', 'soon.claims.item2', 'soon.claims.item3'],
    icon: 'claims',
  },
  reports: {
    title: 'soon.reports.title',
    lead: 'soon.reports.lead',
    items: ['soon.reports.item1', 'soon.reports.item2', 'soon.reports.item3'],
    icon: 'reports',
  },
};

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} route
 * @returns {() => void}
 */
export function mountComingSoon(el, route) {
  const page = PAGES[route.name] ?? PAGES.calendar;
  setTitle(t(page.title), t('app.name'));
  el.append(
    h('header', { class: 'page-header' },
      h('div', null, h('h1', { class: 'page-title' }, t(page.title)), h('p', { class: 'page-subtitle' }, t('soon.badge')))),
    h('section', { class: 'card soon', dataset: { testid: `soon-${route.name}` } },
      h('div', { class: 'soon-icon' }, icon(page.icon)),
      h('div', null,
        h('p', { class: 'soon-lead' }, t(page.lead)),
        h('ul', { class: 'soon-list' }, page.items.map((k) => h('li', null, t(k)))))),
  );
  return () => {};
}
