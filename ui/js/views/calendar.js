// @ts-check
/**
 * `#/calendar`: the renewal calendar, the broker's daily cockpit. Month view (a grid of weeks
 * starting on Monday, today marked, ‹ › between months, at most three items a day and « +N »
 * opening that week), week view (every item of each day) and list view (today and the next
 * 30, 60 or 90 days, no cap, grouped by day, printable). Filters: insurer, broker, product and
 * risk. Every item opens its contract page. « Exporter (.ics) » writes the same items through
 * the native save dialog, and says whether client names go into it.
 */
import { h, replace, setTitle } from '../dom.js';
import { formatDate, isoDateOf } from '../format.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { toast } from '../components/toast.js';
import { PRODUCT_LABEL } from '../contractView.js';
import { addDays, addMonths, groupByDay, listPeriod, monthGrid, overflow, weekDays, weekdayIndex } from '../calendarGrid.js';
import { chip, listRow } from './calendarItems.js';

/** @typedef {import('../api/calendarTypes.js').CalendarItem} CalendarItem */
/** @typedef {import('../api/calendarTypes.js').CalendarFilter} CalendarFilter */
/** @typedef {import('../api.js').ApiError} ApiError */

/** Monday first. */
const WEEKDAYS = ['calendar.weekday.0', 'calendar.weekday.1', 'calendar.weekday.2', 'calendar.weekday.3', 'calendar.weekday.4', 'calendar.weekday.5', 'calendar.weekday.6'];
const MONTHS = ['calendar.month.1', 'calendar.month.2', 'calendar.month.3', 'calendar.month.4', 'calendar.month.5', 'calendar.month.6',
  'calendar.month.7', 'calendar.month.8', 'calendar.month.9', 'calendar.month.10', 'calendar.month.11', 'calendar.month.12'];
/** @type {Record<'month' | 'week' | 'list', string>} */
const VIEW_LABEL = { month: 'calendar.view.month', week: 'calendar.view.week', list: 'calendar.view.list' };
/** @type {Record<'month' | 'week', [string, string]>} previous, next */
const MOVE_LABEL = { month: ['calendar.prev.month', 'calendar.next.month'], week: ['calendar.prev.week', 'calendar.next.week'] };
/** @type {[string, string][]} */
const RISKS = [['malus', 'calendar.filter.risk.malus'], ['hausse', 'calendar.filter.risk.hausse'], ['hamon_sinistre', 'calendar.filter.risk.hamon_sinistre']];

/** Items shown in a month cell before « +N ». */
const PER_DAY = 3;

/**
 * Kept across visits, so « back » from a contract finds the calendar as it was.
 * @type {{ view: 'month' | 'week' | 'list', cursor: string | null, days: number, insurerId: string, broker: string, product: string, risk: string, threshold: string }}
 */
const state = { view: 'month', cursor: null, days: 90, insurerId: '', broker: '', product: '', risk: '', threshold: '10' };

/** `lundi 1 mars 2027`-like heading of a day. @param {string} iso */
function dayLong(iso) {
  return t('calendar.dayLong', { weekday: t(WEEKDAYS[weekdayIndex(iso)]), date: formatDate(iso) });
}

/** @param {string} iso */
function monthTitle(iso) {
  const [y, m] = iso.split('-').map(Number);
  return t('calendar.monthYear', { month: t(MONTHS[m - 1]), year: y });
}

/**
 * A labelled select.
 * @param {string} testid @param {string} label @param {[string, string][]} options
 * @param {string} value @param {(v: string) => void} onChange
 */
function selectField(testid, label, options, value, onChange) {
  const s = /** @type {HTMLSelectElement} */ (h('select', { dataset: { testid }, onchange: () => onChange(s.value) },
    options.map(([v, l]) => h('option', { value: v, selected: v === value }, l))));
  return { field: h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), s), select: s };
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {import('../api.js').Api} api
 */
export function mountCalendar(el, _route, api) {
  let alive = true;
  let seq = 0;
  const today = isoDateOf(new Date());
  if (!state.cursor) state.cursor = today;
  setTitle(t('calendar.heading'), t('app.name'));

  const count = h('p', { class: 'muted', dataset: { testid: 'calendar-count' }, 'aria-live': 'polite' });
  const body = h('div', { dataset: { testid: 'calendar-body' } }, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  const title = h('h2', { class: 'cal-title', dataset: { testid: 'calendar-title' } });
  const names = h('p', { class: 'muted cal-names no-print', dataset: { testid: 'calendar-names' } });

  /** The period the current view asks for. @returns {{ from: string, to: string }} */
  function period() {
    const c = /** @type {string} */ (state.cursor);
    if (state.view === 'month') {
      const g = monthGrid(c, today);
      return { from: g.first, to: g.last };
    }
    if (state.view === 'week') {
      const w = weekDays(c, today);
      return { from: w[0].date, to: w[6].date };
    }
    return listPeriod(today, state.days);
  }

  /** @returns {CalendarFilter} */
  function filter() {
    const p = period();
    return {
      from: p.from,
      to: p.to,
      insurerId: state.insurerId ? Number(state.insurerId) : null,
      broker: state.broker.trim() || null,
      product: state.product || null,
      risk: /** @type {CalendarFilter['risk']} */ (state.risk || null),
      thresholdPercent: state.risk === 'hausse' && /^\d{1,3}$/.test(state.threshold) ? Number(state.threshold) : null,
    };
  }

  /** @param {Partial<typeof state>} change */
  function update(change) {
    Object.assign(state, change);
    showControls();
    load();
  }

  // The view switch: three toggle buttons (aria-pressed).
  /** @type {Map<string, HTMLButtonElement>} */
  const viewButtons = new Map();
  const views = h('div', { class: 'cal-views', role: 'group', 'aria-label': t('calendar.view') },
    /** @type {('month' | 'week' | 'list')[]} */ (['month', 'week', 'list']).map((v) => {
      const b = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: `calendar-view-${v}` }, onclick: () => update({ view: v }) }, t(VIEW_LABEL[v]));
      viewButtons.set(v, b);
      return b;
    }));
  const prev = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'calendar-prev' }, onclick: () => move(-1) }, icon('prev'));
  const next = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'calendar-next' }, onclick: () => move(1) }, icon('next'));
  const todayBtn = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'calendar-today' }, onclick: () => update({ cursor: today }) }, t('calendar.today'));
  const days = selectField('calendar-days', t('calendar.list.days'), [30, 60, 90].map((n) => /** @type {[string, string]} */ ([String(n), t('calendar.list.next', { n })])), String(state.days), (v) => update({ days: Number(v) }));
  const print = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'calendar-print' }, onclick: () => window.print() }, icon('print'), h('span', null, t('calendar.print')));
  const exportBtn = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'calendar-export' }, onclick: () => exportIcs() }, t('calendar.export'));

  /** @param {number} step */
  function move(step) {
    const c = /** @type {string} */ (state.cursor);
    update({ cursor: state.view === 'month' ? addMonths(c, step) : addDays(c, 7 * step) });
  }

  function showControls() {
    for (const [v, b] of viewButtons) b.setAttribute('aria-pressed', String(v === state.view));
    const moving = state.view !== 'list';
    prev.hidden = next.hidden = todayBtn.hidden = !moving;
    days.field.hidden = moving;
    print.hidden = moving;
    const [before, after] = MOVE_LABEL[state.view === 'month' ? 'month' : 'week'];
    prev.setAttribute('aria-label', t(before));
    prev.title = t(before);
    next.setAttribute('aria-label', t(after));
    next.title = t(after);
    const p = period();
    title.textContent = state.view === 'month'
      ? monthTitle(/** @type {string} */ (state.cursor))
      : state.view === 'week'
        ? t('calendar.week.of', { from: formatDate(p.from), to: formatDate(p.to) })
        : t('calendar.list.period', { from: formatDate(p.from), to: formatDate(p.to) });
  }

  // Filters.
  const insurer = selectField('calendar-insurer', t('calendar.filter.insurer'), [['', t('calendar.filter.insurer.any')]], state.insurerId, (v) => update({ insurerId: v }));
  const product = selectField('calendar-product', t('calendar.filter.product'), [
    ['', t('calendar.filter.product.any')],
    ...Object.entries(PRODUCT_LABEL).map(([code, key]) => /** @type {[string, string]} */ ([code, t(key)])),
  ], state.product, (v) => update({ product: v }));
  const risk = selectField('calendar-risk', t('calendar.filter.risk'), [
    ['', t('calendar.filter.risk.any')],
    ...RISKS.map(([r, key]) => /** @type {[string, string]} */ ([r, t(key)])),
  ], state.risk, (v) => {
    thresholdField.hidden = v !== 'hausse';
    update({ risk: v });
  });
  const broker = /** @type {HTMLInputElement} */ (h('input', { type: 'text', value: state.broker, placeholder: t('calendar.filter.broker.placeholder'), dataset: { testid: 'calendar-broker' } }));
  broker.addEventListener('change', () => update({ broker: broker.value }));
  const threshold = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: '0', max: '999', step: '1', value: state.threshold, class: 'input-short', dataset: { testid: 'calendar-threshold' } }));
  threshold.addEventListener('change', () => update({ threshold: threshold.value }));
  const thresholdField = h('label', { class: 'field', hidden: state.risk !== 'hausse' }, h('span', { class: 'field-label' }, t('calendar.filter.threshold')), threshold);

  api.insurerList().then((all) => {
    if (!alive) return;
    for (const i of all) insurer.select.append(h('option', { value: String(i.id), selected: String(i.id) === state.insurerId }, i.name));
  }).catch(() => { /* the calendar still works without the insurer filter's names */ });
  api.renewalSettings().then((s) => {
    if (alive) names.textContent = t(s.icsClientNames ? 'calendar.names.on' : 'calendar.names.off');
  }).catch(() => { /* said at export */ });

  replace(el,
    h('div', { class: 'page-head' },
      h('div', null, h('h1', null, t('calendar.heading')), h('p', { class: 'page-subtitle no-print' }, t('calendar.lead'))),
      count),
    h('section', { class: 'card card-wide cal-filters no-print', 'aria-label': t('calendar.filters') },
      h('div', { class: 'timeline-filter-row' },
        insurer.field,
        h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('calendar.filter.broker')), broker),
        product.field, risk.field, thresholdField)),
    h('div', { class: 'cal-toolbar no-print' }, views, prev, title, next, todayBtn, days.field, print, exportBtn),
    names,
    h('div', { class: 'print-only' }, title.cloneNode(true)),
    body);

  /** @param {CalendarItem[]} items */
  function renderMonth(items) {
    const g = monthGrid(/** @type {string} */ (state.cursor), today);
    const by = new Map(groupByDay(items).map((d) => [d.date, d.items]));
    return h('div', { class: 'table-wrap' }, h('table', { class: 'cal-month', dataset: { testid: 'calendar-month' } },
      h('caption', { class: 'sr-only' }, monthTitle(/** @type {string} */ (state.cursor))),
      h('thead', null, h('tr', null, WEEKDAYS.map((k) => h('th', { scope: 'col' }, t(k))))),
      h('tbody', null, g.weeks.map((w) => h('tr', null, w.map((d) => {
        const list = by.get(d.date) ?? [];
        const { shown: few, more } = overflow(list, PER_DAY);
        return h('td', {
          class: `cal-day${d.inMonth ? '' : ' cal-out'}${d.today ? ' cal-today' : ''}`,
          'aria-current': d.today ? 'date' : null,
          dataset: { testid: 'calendar-day', date: d.date },
        },
        h('div', { class: 'cal-day-head' },
          h('span', { class: 'cal-day-num', 'aria-label': dayLong(d.date) }, String(Number(d.date.slice(8)))),
          d.today ? h('span', { class: 'cal-today-mark' }, t('calendar.todayMark')) : null),
        h('ul', { class: 'cal-chips' }, few.map((i) => h('li', null, chip(i)))),
        more > 0 ? h('button', {
          type: 'button',
          class: 'cal-more',
          'aria-label': t('calendar.more.label', { n: more }),
          dataset: { testid: 'calendar-more' },
          onclick: () => update({ view: 'week', cursor: d.date }),
        }, t('calendar.more', { n: more })) : null);
      }))))));
  }

  /** @param {CalendarItem[]} items */
  function renderWeek(items) {
    const by = new Map(groupByDay(items).map((d) => [d.date, d.items]));
    return h('div', { class: 'cal-week', dataset: { testid: 'calendar-week' } },
      weekDays(/** @type {string} */ (state.cursor), today).map((d) => {
        const list = by.get(d.date) ?? [];
        return h('section', { class: `cal-week-day${d.today ? ' cal-today' : ''}`, 'aria-current': d.today ? 'date' : null, dataset: { testid: 'calendar-day', date: d.date } },
          h('h3', null, dayLong(d.date), ' ', h('span', { class: 'muted' }, tn('calendar.day.items', list.length))),
          h('ul', { class: 'cal-chips' }, list.map((i) => h('li', null, chip(i)))));
      }));
  }

  /** @param {CalendarItem[]} items */
  function renderList(items) {
    if (items.length === 0) return h('p', { class: 'muted', dataset: { testid: 'calendar-empty' } }, t('calendar.empty'));
    return h('div', { class: 'cal-list', dataset: { testid: 'calendar-list' } },
      groupByDay(items).map((d) => h('section', { class: 'cal-list-day', dataset: { testid: 'calendar-list-day', date: d.date } },
        h('h3', null, dayLong(d.date), ' ', h('span', { class: 'muted' }, tn('calendar.day.items', d.items.length))),
        h('ul', { class: 'cal-rows' }, d.items.map(listRow)))));
  }

  async function load() {
    const mine = ++seq;
    const f = filter();
    try {
      const items = await api.calendar(f);
      if (!alive || mine !== seq) return;
      count.textContent = tn('calendar.count', items.length);
      replace(body, state.view === 'month' ? renderMonth(items) : state.view === 'week' ? renderWeek(items) : renderList(items));
    } catch (e) {
      if (alive && mine === seq) replace(body, h('div', { class: 'alert', role: 'alert' }, /** @type {ApiError} */ (e).message));
    }
  }

  async function exportIcs() {
    const f = filter();
    try {
      const path = await api.pickSavePath(t('calendar.export.title'), t('calendar.export.file', { from: f.from, to: f.to }));
      if (!path) return;
      const done = await api.calendarExport(f, path);
      toast(tn('calendar.export.done', done.events, { path: done.path }));
      names.textContent = t(done.clientNames ? 'calendar.names.on' : 'calendar.names.off');
    } catch (e) {
      toast(/** @type {ApiError} */ (e).message);
    }
  }

  showControls();
  load();
  return () => {
    alive = false;
  };
}
