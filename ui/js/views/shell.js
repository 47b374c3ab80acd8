// @ts-check
/**
 * The main layout once the agency file is open: sidebar navigation, content area, the router
 * mounting one view at a time, and the global keyboard shortcuts. Each view is mounted as
 * `view(el, route, api)`: the views never import the backend themselves.
 */
import { h, isTyping, replace } from '../dom.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { damageNotice } from '../damage.js';
import { href, navigate, sectionOf, startRouter } from '../router.js';
import { confirmDialog } from '../components/dialog.js';
import { clearToast } from '../components/toast.js';
import { releaseLeaveGuard, wouldLoseChanges } from '../leaveGuard.js';
import { mountClientList } from './clientList.js';
import { mountClientRecord } from './clientRecord.js';
import { mountClientEdit } from './clientEdit.js';
import { mountContract } from './contract.js';
import { mountClaim } from './claim.js';
import { mountClaims } from './claims.js';
import { mountSettings } from './settings.js';
import { mountInsurers } from './insurers.js';
import { mountComingSoon } from './comingSoon.js';
import { mountCalendar } from './calendar.js';
import { mountReminders, onLocalChange } from './reminders.js';
import { onRemindersChanged } from '../api.js';
import { mountNotFound } from './notFound.js';

/** @typedef {import('../router.js').Route} Route */
/** @typedef {import('../api.js').Api} Api */
/** @typedef {(el: HTMLElement, params: Route, api: Api) => (() => void) | void} View */

/** @type {{ section: 'clients' | 'calendar' | 'reminders' | 'claims' | 'reports' | 'settings', route: import('../router.js').RouteName, icon: string, label: string }[]} */
const NAV = [
  { section: 'clients', route: 'clients', icon: 'clients', label: 'nav.clients' },
  { section: 'calendar', route: 'calendar', icon: 'calendar', label: 'nav.calendar' },
  { section: 'reminders', route: 'reminders', icon: 'bell', label: 'nav.reminders' },
  { section: 'claims', route: 'claims', icon: 'claims', label: 'nav.claims' },
  { section: 'reports', route: 'reports', icon: 'reports', label: 'nav.reports' },
  { section: 'settings', route: 'settings', icon: 'settings', label: 'nav.settings' },
];

/** @type {Record<import('../router.js').RouteName, View>} */
const VIEWS = {
  clients: mountClientList,
  'client-new': mountClientEdit,
  client: mountClientRecord,
  'client-edit': mountClientEdit,
  contract: mountContract,
  claim: mountClaim,
  calendar: mountCalendar,
  reminders: mountReminders,
  claims: mountClaims,
  reports: mountComingSoon,
  settings: mountSettings,
  insurers: mountInsurers,
  'not-found': mountNotFound,
};

/** Where the broker's choice of a folded or unfolded sidebar is kept, for this window's life
 * (the next launch follows the window's width again). */
const SIDEBAR_KEY = 'courtier.sidebar';

/** Below this width the sidebar folds by itself, until the broker chooses. */
const NARROW = '(max-width: 75rem)';

/** The broker's last choice of a folded or unfolded sidebar, if any. */
function savedSidebar() {
  let saved = null;
  try { saved = sessionStorage.getItem(SIDEBAR_KEY); } catch { /* none */ }
  return saved === 'collapsed' || saved === 'expanded' ? saved : null;
}

/**
 * The sidebar's state: the broker's last choice, else folded in a window narrower than 75rem
 * (1200 px at 100 %, 2400 px at 200 %), where the tables need the room.
 * @returns {'collapsed' | 'expanded'}
 */
function sidebarState() {
  return savedSidebar() ?? (window.matchMedia(NARROW).matches ? 'collapsed' : 'expanded');
}

/**
 * @param {HTMLElement} el
 * @param {{ storage: string, damage?: string | null, verifying?: boolean }} params `damage`:
 *   the file was found damaged at opening and is open read-only: a banner above every view says
 *   so and how to restore it (every write is refused by the backend with `damaged_read_only`);
 *   `verifying`: a large file's pages are still being verified (the banner comes if they fail)
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountShell(el, params, api) {
  const content = h('main', { id: 'content', class: 'content', tabindex: '-1' });
  /** @type {Map<string, HTMLAnchorElement>} */
  const links = new Map();
  const nav = h(
    'nav',
    { class: 'sidebar-nav', 'aria-label': t('nav.label') },
    h(
      'ul',
      null,
      NAV.map((n) => {
        const a = h('a', { href: href(n.route), class: 'nav-link', title: t(n.label), dataset: { testid: `nav-${n.section}` } }, icon(n.icon), h('span', null, t(n.label)));
        links.set(n.section, a);
        return h('li', null, a);
      }),
    ),
  );
  // The reminders due now, beside « Rappels »: from the timer's passes (its event), after a
  // change made here, and at each page shown.
  const badge = h('b', { class: 'nav-badge', hidden: true, dataset: { testid: 'reminders-counter' } });
  links.get('reminders')?.append(badge);
  /** @param {number} n */
  const showCount = (n) => {
    badge.hidden = n === 0;
    badge.textContent = n > 99 ? '99+' : String(n);
    const label = n === 0 ? t('nav.reminders') : `${t('nav.reminders')} — ${tn('reminders.counter', n)}`;
    links.get('reminders')?.setAttribute('title', label);
    links.get('reminders')?.setAttribute('aria-label', label);
  };
  const count = () => api.remindersCount().then((c) => showCount(c.due), () => {});
  const stopTimer = onRemindersChanged((c) => showCount(c.due));
  const stopLocal = onLocalChange(count);
  count();
  // A file found damaged is read-only: said above every view. A large file's pages are
  // verified while the window is already usable (writes wait for the outcome): said too.
  const banner = h('div', { class: 'damage-slot', dataset: { testid: 'damage-slot' } });
  /** @param {{ damage?: string | null, verifying?: boolean }} state */
  const show = (state) => {
    const n = damageNotice(state);
    if (n.kind === 'damaged') {
      replace(
        banner,
        h(
          'div',
          { class: 'damage-banner', role: 'alert', dataset: { testid: 'damage-banner' } },
          h('strong', null, n.title),
          h('span', null, n.detail),
          h('span', null, n.restore),
        ),
      );
    } else if (n.kind === 'verifying') {
      replace(banner, h('p', { class: 'verifying-note', role: 'status', dataset: { testid: 'verifying' } }, n.text));
    } else banner.replaceChildren();
  };
  show(params);
  if (!params.damage && params.verifying) {
    api.agencyVerification().then(
      (damage) => show({ damage }),
      () => show({}),
    );
  }
  const layout = h('div', { class: 'layout', dataset: { sidebar: sidebarState() } });
  const toggle = h('button', { type: 'button', class: 'sidebar-toggle', dataset: { testid: 'sidebar-toggle' } }, icon('prev'), h('span', null, ''));
  const showToggle = () => {
    const collapsed = layout.dataset.sidebar === 'collapsed';
    const label = t(collapsed ? 'nav.expand' : 'nav.collapse');
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', label);
    toggle.title = label;
    /** @type {HTMLElement} */ (toggle.lastElementChild).textContent = label;
  };
  toggle.addEventListener('click', () => {
    layout.dataset.sidebar = layout.dataset.sidebar === 'collapsed' ? 'expanded' : 'collapsed';
    try { sessionStorage.setItem(SIDEBAR_KEY, layout.dataset.sidebar); } catch { /* kept for this window only */ }
    showToggle();
  });
  showToggle();
  // The window resized: the sidebar follows its width, unless the broker chose.
  const narrow = window.matchMedia(NARROW);
  const follow = () => {
    if (savedSidebar()) return;
    layout.dataset.sidebar = sidebarState();
    showToggle();
  };
  narrow.addEventListener('change', follow);
  replace(
    el,
    h('a', { href: '#content', class: 'skip-link', onclick: (/** @type {Event} */ e) => { e.preventDefault(); content.focus(); } }, t('nav.skip')),
    banner,
    layout,
  );
  layout.append(
    h(
      'aside',
      { class: 'sidebar no-print' },
      h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'C'), h('span', { class: 'brand-name' }, t('app.name'))),
      nav,
      toggle,
      h('p', { class: 'sidebar-hint' }, t('nav.hint')),
    ),
    content,
  );

  /** @type {(() => void) | void} */
  let cleanup;
  let first = true;
  let currentHash = window.location.hash;
  let asking = false;
  const stop = startRouter((route) => {
    const target = window.location.hash;
    if (!first && wouldLoseChanges()) {
      // A modified form: put the address back and ask before leaving it.
      window.history.replaceState(null, '', currentHash || href('clients'));
      if (asking) return;
      asking = true;
      confirmDialog({
        title: t('common.leave.title'),
        message: t('common.leave.message'),
        confirmLabel: t('common.leave.confirm'),
        cancelLabel: t('common.discard.keep'),
        danger: true,
        testid: 'leave-dialog',
      }).then((sure) => {
        asking = false;
        if (!sure) return;
        releaseLeaveGuard();
        navigate(target);
      });
      return;
    }
    currentHash = target;
    clearToast();
    if (typeof cleanup === 'function') cleanup();
    cleanup = undefined;
    const section = sectionOf(route.name);
    for (const [s, a] of links) {
      if (s === section) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    content.replaceChildren();
    count();
    content.scrollTop = 0;
    window.scrollTo(0, 0);
    const view = VIEWS[route.name] ?? mountNotFound;
    cleanup = view(content, route, api);
    if (!first && !content.contains(document.activeElement)) content.focus({ preventScroll: true });
    first = false;
  });

  /** @param {KeyboardEvent} e */
  function onKey(e) {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const searchShortcut =
      ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') ||
      (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target));
    if (searchShortcut) {
      e.preventDefault();
      const search = /** @type {HTMLInputElement | null} */ (content.querySelector('[data-search]'));
      if (search) {
        search.focus();
        search.select();
      } else {
        sessionStorage.setItem('courtier.focusSearch', '1');
        navigate(href('clients'));
      }
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey && (e.key === 'n' || e.key === 'N' || e.code === 'KeyN')) {
      e.preventDefault();
      navigate(href('client-new'));
    }
  }
  document.addEventListener('keydown', onKey);

  return () => {
    document.removeEventListener('keydown', onKey);
    stopTimer();
    stopLocal();
    narrow.removeEventListener('change', follow);
    stop();
    if (typeof cleanup === 'function') cleanup();
  };
}
