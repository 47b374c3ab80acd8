// @ts-check
/**
 * `#/reminders`: the reminders and tasks — to handle (due, oldest first, with how late),
 * upcoming, and the last done or dismissed (who, when). Each open one: « Fait », « Reporter »
 * (an hour, tomorrow 9 h, next Monday 9 h, a week, or a chosen moment), « Ignorer » (asked
 * first). Automatic ones name their deadline's rule and lead time; each links to its client,
 * contract or claim. `remindersCard` shows the same for one record with « Ajouter un rappel ».
 * Test ids: `reminders-due`, `reminders-upcoming`, `reminders-closed`, `reminder-row`
 * (`data-id`, `data-state`), `reminder-done`, `reminder-snooze`, `reminder-dismiss`,
 * `reminders-card`, `reminder-add-open`, `reminder-title`, `reminder-date`, `reminder-time`,
 * `reminder-note`, `submit-reminder`, `snooze-preset`, `snooze-date`, `snooze-time`,
 * `submit-snooze`.
 */
import { h, replace, setTitle } from '../dom.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { toast } from '../components/toast.js';
import { confirmDialog } from '../components/dialog.js';
import { clearError, dateInput, errorLine, field, showError, textArea, textInput, timeInput } from '../components/form.js';
import { href } from '../router.js';
import { formatDate } from '../format.js';
import { composeAt, formatAt } from '../claimView.js';
import { actionButton, runDialog, today } from './claim/kit.js';
import { closingEvent, daysLate, isSnoozed, parseLeadDays, snoozePresets, wallOf } from '../reminderView.js';

/** @typedef {import('../api/reminderTypes.js').Reminder} Reminder */
/** @typedef {import('../api.js').ApiError} ApiError */
/** @typedef {import('../api.js').Api} Api */
/** @typedef {{ clientId?: number | null, contractId?: number | null, claimId?: number | null }} ReminderOwner */

/** The events the page and the cards answer: something changed, draw again. */
const CHANGED = 'courtier:reminders-changed';

/** Tells the counter and every list shown that a reminder changed. */
function changed() {
  window.dispatchEvent(new CustomEvent(CHANGED));
}

/**
 * Listens to the changes made from this window (the timer's come by `onRemindersChanged`).
 * @param {() => void} f @returns {() => void}
 */
export function onLocalChange(f) {
  window.addEventListener(CHANGED, f);
  return () => window.removeEventListener(CHANGED, f);
}

/** @param {Reminder} r */
function origin(r) {
  if (r.origin === 'manual') return t('reminders.origin.manual');
  const source = r.ruleSource ?? r.rule ?? '';
  return r.leadDays === null ? t('reminders.origin.autoNoLead', { source }) : t('reminders.origin.auto', { days: r.leadDays, source });
}

/** Links to what the reminder is about, by name where known. @param {Reminder} r */
function about(r) {
  /** @type {HTMLElement[]} */
  const links = [];
  if (r.claimId !== null) links.push(h('a', { href: href('claim', { id: r.claimId }) }, t('reminders.about.claim', { id: r.claimId })));
  if (r.contractId !== null) {
    links.push(h('a', { href: href('contract', { id: r.contractId }) },
      r.contractNumber ? t('reminders.about.contractNumber', { number: r.contractNumber }) : t('reminders.about.contract')));
  }
  if (r.clientId !== null) links.push(h('a', { href: href('client', { id: r.clientId }) }, r.clientName || t('reminders.about.client')));
  return links.flatMap((a, i) => (i === 0 ? [a] : [h('br'), a]));
}

/** When, and how late or what closed it. @param {Reminder} r @param {Date} now */
function when(r, now) {
  // An automatic reminder is due on a day (at midnight): its date alone.
  const at = r.origin === 'auto' && r.dueAt.endsWith('T00:00') ? formatDate(r.dueAt.slice(0, 10)) : formatAt(r.dueAt);
  const parts = [h('span', { class: 'nowrap' }, at)];
  if (r.state === 'due') {
    const late = daysLate(r.dueAt, now);
    if (late > 0) parts.push(h('br'), h('span', { class: 'badge badge-warn' }, tn('reminders.late', late)));
  }
  if ((r.state === 'due' || r.state === 'upcoming') && isSnoozed(r)) {
    parts.push(h('br'), h('span', { class: 'muted' }, t('reminders.snoozedTo', { at: formatAt(r.firstDueAt) })));
  }
  const closing = closingEvent(r);
  if (closing) {
    const state = t(closing.kind === 'done' ? 'reminders.state.done' : 'reminders.state.dismissed');
    parts.push(h('br'), h('span', { class: 'muted' }, t('reminders.closedBy', { state, broker: closing.broker, at: formatAt(closing.recordedAt.slice(0, 16)) })));
  }
  return parts;
}

/**
 * « Reporter »: a preset or a chosen date and time.
 * @param {Api} api @param {Reminder} r
 * @returns {Promise<Reminder | null>}
 */
async function snoozeDialog(api, r) {
  const now = new Date();
  const presets = snoozePresets(now);
  /** @type {HTMLInputElement[]} */
  const radios = [];
  const date = dateInput(today(), 'snooze-date', { required: true });
  const time = timeInput('09:00', 'snooze-time', { required: true });
  const choice = (/** @type {string} */ value, /** @type {string} */ label, /** @type {boolean} */ checked) => {
    const radio = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', name: 'snooze', value, checked, dataset: { testid: 'snooze-preset' } }));
    radios.push(radio);
    return h('label', { class: 'check' }, radio, ' ', label);
  };
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    h('p', null, r.title),
    h('fieldset', { class: 'fieldset' },
      h('legend', null, t('reminders.snooze.presets')),
      presets.map((p, i) => choice(p.until, `${t(p.key)} (${formatAt(p.until)})`, i === 1)),
      choice('custom', t('reminders.snooze.custom'), false)),
    h('div', { class: 'field-row' },
      field(t('reminders.add.date'), date),
      field(t('reminders.add.time'), time, { size: 'sm' })),
    line);
  const chosen = () => radios.find((x) => x.checked)?.value ?? presets[1].until;
  const until = () => (chosen() === 'custom' ? composeAt(date.value, time.value || '09:00') : chosen());
  // Typing a date or a time chooses « Autre moment ».
  for (const c of [date, time]) c.addEventListener('input', () => { const custom = radios[radios.length - 1]; custom.checked = true; });
  const got = await runDialog({
    title: t('reminders.snooze.title'),
    body,
    line,
    confirmLabel: t('reminders.snooze.submit'),
    confirmTestId: 'submit-snooze',
    controls: (p) => (p === 'until' ? (chosen() === 'custom' ? date : radios[0]) : null),
    send: () => api.reminderSnooze(r.id, until()),
  });
  return got ? got.value : null;
}

/**
 * The buttons of an open reminder.
 * @param {Api} api @param {Reminder} r @param {() => void} redraw
 */
function actions(api, r, redraw) {
  if (r.state === 'done' || r.state === 'dismissed') return null;
  /** @param {Promise<Reminder | null>} p @param {(r: Reminder) => string} said */
  const after = (p, said) => p.then((x) => {
    if (!x) return;
    toast(said(x));
    changed();
    redraw();
  }, (/** @type {ApiError} */ e) => toast(e.message));
  return h('div', { class: 'actions-group no-print' },
    actionButton(t('reminders.done'), 'reminder-done', () => after(api.reminderDone(r.id), () => t('reminders.doneToast')), 'check'),
    actionButton(t('reminders.snooze'), 'reminder-snooze', () => after(snoozeDialog(api, r), (x) => t('reminders.snoozeToast', { at: formatAt(x.dueAt) }))),
    actionButton(t('reminders.dismiss'), 'reminder-dismiss', () => after(confirmDialog({
      title: t('reminders.dismissConfirm.title'),
      message: t('reminders.dismissConfirm.message', { title: r.title }),
      confirmLabel: t('reminders.dismiss'),
      cancelLabel: t('reminders.dismissConfirm.keep'),
      danger: true,
      testid: 'reminder-dismiss-confirm',
    }).then((sure) => (sure ? api.reminderDismiss(r.id) : null)), () => t('reminders.dismissToast'))));
}

/**
 * A table of reminders.
 * @param {Api} api @param {Reminder[]} list @param {string} caption @param {string} empty
 * @param {() => void} redraw @param {{ about?: boolean }} [opts]
 */
function table(api, list, caption, empty, redraw, opts = { about: true }) {
  if (list.length === 0) return h('p', { class: 'muted' }, empty);
  const now = new Date();
  return h('table', { class: 'table table-compact reminders-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, t('reminders.col.when')),
      h('th', { scope: 'col' }, t('reminders.col.what')),
      opts.about ? h('th', { scope: 'col' }, t('reminders.col.about')) : null,
      h('th', { scope: 'col' }, t('reminders.col.origin')),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('reminders.col.actions'))))),
    h('tbody', null, list.map((r) => h('tr', { dataset: { testid: 'reminder-row', id: r.id, state: r.state } },
      h('td', null, when(r, now)),
      h('td', { class: 'claim-text' }, h('strong', null, r.title), r.note && r.origin === 'manual' ? [h('br'), h('span', { class: 'muted' }, r.note)] : null),
      opts.about ? h('td', null, about(r)) : null,
      h('td', null, origin(r)),
      h('td', { class: 'reminder-actions' }, actions(api, r, redraw))))));
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {Api} api
 * @returns {() => void}
 */
export function mountReminders(el, _route, api) {
  setTitle(t('reminders.title'), t('app.name'));
  let alive = true;
  const due = h('div', { dataset: { testid: 'reminders-due' } }, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  const upcoming = h('div', { dataset: { testid: 'reminders-upcoming' } });
  const closed = h('div', { dataset: { testid: 'reminders-closed' } });
  const draw = () => api.remindersPage().then((page) => {
    if (!alive) return;
    replace(due, table(api, page.due, t('reminders.caption.due'), t('reminders.none.due'), draw));
    replace(upcoming, table(api, page.upcoming, t('reminders.caption.upcoming'), t('reminders.none.upcoming'), draw));
    replace(closed, table(api, page.closed, t('reminders.caption.closed'), t('reminders.none.closed'), draw));
  }, (/** @type {ApiError} */ e) => {
    if (alive) replace(due, h('p', { class: 'alert', role: 'alert' }, e.message));
  });
  replace(el,
    h('header', { class: 'page-head' }, h('h1', { class: 'page-title' }, t('reminders.title'))),
    h('p', { class: 'lead' }, t('reminders.lead')),
    h('section', { class: 'card card-wide', 'aria-labelledby': 'rem-due' }, h('h2', { id: 'rem-due', class: 'card-title' }, t('reminders.due')), due),
    h('section', { class: 'card card-wide', 'aria-labelledby': 'rem-upcoming' }, h('h2', { id: 'rem-upcoming', class: 'card-title' }, t('reminders.upcoming')), upcoming),
    h('section', { class: 'card card-wide', 'aria-labelledby': 'rem-closed' }, h('h2', { id: 'rem-closed', class: 'card-title' }, t('reminders.closed')), closed));
  draw();
  const stopLocal = onLocalChange(() => { if (alive) draw(); });
  return () => { alive = false; stopLocal(); };
}

/**
 * « Ajouter un rappel » on a client, a contract or a claim: what, when (date and time), a note.
 * @param {Api} api @param {ReminderOwner} owner
 * @returns {Promise<Reminder | null>}
 */
export async function reminderDialog(api, owner) {
  const title = textInput('', 'reminder-title', { required: true, maxlength: 200 });
  const date = dateInput(today(), 'reminder-date', { required: true });
  const hour = new Date();
  hour.setMinutes(0);
  hour.setHours(Math.min(hour.getHours() + 1, 23));
  const time = timeInput(wallOf(hour).slice(11), 'reminder-time', { required: true });
  const note = textArea('', 'reminder-note', { rows: 3, maxlength: 2000 });
  const line = errorLine();
  const body = h('div', { class: 'form-stack' },
    field(t('reminders.add.what'), title),
    h('div', { class: 'field-row' },
      field(t('reminders.add.date'), date),
      field(t('reminders.add.time'), time, { size: 'sm' })),
    field(t('reminders.add.note'), note),
    line);
  /** @type {Record<string, HTMLElement>} */
  const named = { title, note, dueAt: time };
  const got = await runDialog({
    title: t('reminders.add.title'),
    body,
    line,
    confirmLabel: t('reminders.add.submit'),
    confirmTestId: 'submit-reminder',
    controls: (p) => named[p],
    check: () => {
      if (/** @type {HTMLInputElement} */ (title).value.trim() === '') return { message: t('reminders.add.titleRequired'), control: title };
      if (/** @type {HTMLInputElement} */ (time).value.trim() === '') return { message: t('reminders.add.timeRequired'), control: time };
      return null;
    },
    send: () => api.reminderAdd({
      clientId: owner.clientId ?? null,
      contractId: owner.contractId ?? null,
      claimId: owner.claimId ?? null,
      title: /** @type {HTMLInputElement} */ (title).value.trim(),
      dueAt: composeAt(date.value, /** @type {HTMLInputElement} */ (time).value),
      note: /** @type {HTMLTextAreaElement} */ (note).value.trim() || null,
    }),
  });
  if (!got) return null;
  toast(t('reminders.add.done', { at: formatAt(got.value.dueAt) }));
  changed();
  return got.value;
}

/**
 * The reminders of one record (open first, then the last closed) with « Ajouter un rappel ».
 * @param {{ api: Api, owner: ReminderOwner, isAlive: () => boolean }} opts
 * @returns {HTMLElement}
 */
export function remindersCard({ api, owner, isAlive }) {
  const body = h('div', null, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
  const draw = () => api.remindersOf(owner).then((list) => {
    if (isAlive()) replace(body, table(api, list, t('reminders.card.title'), t('reminders.none.record'), draw, { about: false }));
  }, (/** @type {ApiError} */ e) => {
    if (isAlive()) replace(body, h('p', { class: 'alert', role: 'alert' }, e.message));
  });
  draw();
  const stop = onLocalChange(() => { if (isAlive()) draw(); else stop(); });
  return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-reminders', dataset: { testid: 'reminders-card' } },
    h('div', { class: 'card-head' },
      h('h2', { id: 'sec-reminders', class: 'card-title' }, icon('calendar'), ' ', t('reminders.card.title')),
      h('div', { class: 'actions-group no-print' },
        actionButton(t('reminders.add'), 'reminder-add-open', () => { reminderDialog(api, owner); }, 'plus'),
        h('a', { href: href('reminders'), class: 'btn btn-small btn-ghost' }, t('reminders.open')))),
    body);
}

/**
 * Paramètres → Rappels automatiques: the lead times before each échéance and Chatel deadline.
 * Test ids: `settings-lead-days`, `settings-lead-days-save`, `settings-lead-days-status`.
 * @param {Api} api
 * @returns {HTMLElement}
 */
export function reminderSettingsCard(api) {
  const input = /** @type {HTMLInputElement} */ (textInput('', 'settings-lead-days', { inputmode: 'numeric', 'aria-describedby': 'lead-days-status' }));
  const status = h('p', { id: 'lead-days-status', class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'settings-lead-days-status' } });
  const line = errorLine();
  /** @param {number[]} days */
  const joined = (days) => days.join(', ');
  api.reminderSettings().then((s) => {
    input.value = joined(s.leadDays);
    status.textContent = t('reminders.settings.current', { days: joined(s.leadDays) });
  }, (/** @type {ApiError} */ e) => { status.textContent = e.message; });
  const save = h('button', { type: 'button', class: 'btn', dataset: { testid: 'settings-lead-days-save' } }, t('reminders.settings.save'));
  const body = h('div', { class: 'form-stack' }, field(t('reminders.settings.label'), input), line);
  save.addEventListener('click', () => {
    clearError(body, line);
    const parsed = parseLeadDays(input.value);
    if ('bad' in parsed) {
      showError(line, t('reminders.settings.invalid', { value: parsed.bad }), input);
      return;
    }
    api.reminderSettingsSet({ leadDays: parsed.days }).then((s) => {
      input.value = joined(s.leadDays);
      status.textContent = t('reminders.settings.saved', { days: joined(s.leadDays) });
      changed();
    }, (/** @type {ApiError} */ e) => showError(line, e.message, input));
  });
  return h('section', { class: 'card', 'aria-labelledby': 'settings-reminders', dataset: { testid: 'settings-reminders' } },
    h('h2', { id: 'settings-reminders', class: 'card-title' }, t('reminders.settings.title')),
    h('p', null, t('reminders.settings.text')),
    body,
    h('div', { class: 'actions' }, save),
    status);
}
