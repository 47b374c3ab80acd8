// @ts-check
/**
 * A small hash router: `#/clients`, `#/clients/42`, `#/clients/42/edit`, `#/clients/new`,
 * `#/contracts/7`, `#/calendar`, `#/reminders`, `#/claims`, `#/claims/12`, `#/reports`, `#/settings`,
 * `#/insurers` (the agency's insurers, under Paramètres). Parsing is pure (tested by Node);
 * `startRouter` is the thin part that listens to `hashchange`.
 */

/**
 * @typedef {'clients' | 'client-new' | 'client' | 'client-edit' | 'contract' | 'claim' | 'calendar' | 'reminders' | 'claims' | 'reports' | 'settings' | 'insurers' | 'not-found'} RouteName
 * @typedef {{ name: RouteName, params: Record<string, string>, query: Record<string, string>, path: string }} Route
 */

/** Patterns in match order; `:id` matches a positive integer. @type {[string, RouteName][]} */
export const ROUTES = [
  ['/clients', 'clients'],
  ['/clients/new', 'client-new'],
  ['/clients/:id', 'client'],
  ['/clients/:id/edit', 'client-edit'],
  ['/contracts/:id', 'contract'],
  ['/claims/:id', 'claim'],
  ['/calendar', 'calendar'],
  ['/reminders', 'reminders'],
  ['/claims', 'claims'],
  ['/reports', 'reports'],
  ['/settings', 'settings'],
  ['/insurers', 'insurers'],
];

export const DEFAULT_PATH = '/clients';

/**
 * @param {string} pattern
 * @param {string[]} segments
 * @returns {Record<string, string> | null}
 */
function match(pattern, segments) {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  /** @type {Record<string, string>} */
  const params = {};
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.startsWith(':')) {
      if (!/^[1-9]\d{0,15}$/.test(segments[i])) return null;
      params[p.slice(1)] = segments[i];
    } else if (p !== segments[i]) {
      return null;
    }
  }
  return params;
}

/**
 * Parses a location hash (`#/clients/42?tab=x`). An empty hash or `#/` gives the default route.
 * @param {string} hash
 * @returns {Route}
 */
export function parseHash(hash) {
  let s = hash.startsWith('#') ? hash.slice(1) : hash;
  let queryText = '';
  const q = s.indexOf('?');
  if (q >= 0) {
    queryText = s.slice(q + 1);
    s = s.slice(0, q);
  }
  if (s === '' || s === '/') s = DEFAULT_PATH;
  /** @type {Record<string, string>} */
  const query = {};
  for (const [k, v] of new URLSearchParams(queryText)) query[k] = v;
  let segments;
  try {
    segments = s.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found', params: {}, query, path: s };
  }
  for (const [pattern, name] of ROUTES) {
    const params = match(pattern, segments);
    if (params) return { name, params, query, path: '/' + segments.join('/') };
  }
  return { name: 'not-found', params: {}, query, path: s };
}

/**
 * Builds a hash for a route name and its params: `href('client', { id: 42 })` → `#/clients/42`.
 * @param {RouteName} name
 * @param {Record<string, string | number>} [params]
 * @returns {string}
 */
export function href(name, params = {}) {
  const entry = ROUTES.find(([, n]) => n === name);
  if (!entry) return '#' + DEFAULT_PATH;
  const path = entry[0].replace(/:(\w+)/g, (_, k) => encodeURIComponent(String(params[k] ?? '')));
  return '#' + path;
}

/**
 * The sidebar section a route belongs to (for the highlighted entry).
 * @param {RouteName} name
 * @returns {'clients' | 'calendar' | 'reminders' | 'claims' | 'reports' | 'settings' | null}
 */
export function sectionOf(name) {
  if (name.startsWith('client') || name === 'contract') return 'clients';
  if (name === 'claim') return 'claims';
  if (name === 'insurers') return 'settings';
  if (name === 'calendar' || name === 'reminders' || name === 'claims' || name === 'reports' || name === 'settings') return name;
  return null;
}

/**
 * Calls `onRoute` now and on every hash change. Returns a function that stops listening.
 * @param {(route: Route) => void} onRoute
 * @returns {() => void}
 */
export function startRouter(onRoute) {
  const fire = () => onRoute(parseHash(window.location.hash));
  window.addEventListener('hashchange', fire);
  fire();
  return () => window.removeEventListener('hashchange', fire);
}

/**
 * Navigates to a hash; if already there, the current view is mounted again.
 * @param {string} hash e.g. `#/clients/42`
 */
export function navigate(hash) {
  if (window.location.hash === hash) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
