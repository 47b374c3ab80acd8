// @ts-check
/**
 * Start-up: open the agency file, or ask what is needed to open it (passphrase, recovery key),
 * show the recovery key once after creation, offer a demo portfolio for a new file.
 * Mounted before the main layout; calls `onReady` once the file is open.
 */
import { h, replace, setTitle } from '../dom.js';
import { formatCount, formatDate, isoDateOf } from '../format.js';
import { t } from '../i18n/index.js';
import { icon } from '../components/icons.js';

/** @typedef {import('../api/types.js').AgencyOpened} AgencyOpened */
/** @typedef {import('../api.js').ApiError} ApiError */

export const MIN_PASSPHRASE = 10;
export const DEMO_CLIENTS = 200;

/**
 * @param {HTMLElement} el
 * @param {{ onReady: (opened: AgencyOpened, next: { demoLoaded: boolean }) => void }} params
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountStartup(el, { onReady }, api) {
  let alive = true;
  document.body.classList.add('mode-startup');
  setTitle('', t('app.name'));

  /**
   * The centred card every start-up screen is drawn in.
   * @param {{ icon?: string, title: string, testid: string, wide?: boolean }} o
   * @param {...import('../dom.js').Child} content
   */
  function screen(o, ...content) {
    const titleEl = h('h1', { class: 'startup-title', tabindex: '-1' }, o.title);
    replace(
      el,
      h(
        'main',
        { class: 'startup', dataset: { testid: o.testid } },
        h(
          'div',
          { class: o.wide ? 'startup-card startup-card-wide' : 'startup-card' },
          h('div', { class: 'startup-brand no-print' }, h('span', { class: 'brand-mark' }, 'C'), t('app.name')),
          o.icon ? h('div', { class: 'startup-icon no-print' }, icon(o.icon)) : null,
          titleEl,
          ...content,
        ),
      ),
    );
    return titleEl;
  }

  /** @param {string} id */
  const errorBox = (id) => h('p', { id, class: 'form-error', role: 'alert', hidden: true });

  /**
   * @param {HTMLElement} box
   * @param {string | null} message
   */
  function showError(box, message) {
    box.textContent = message ?? '';
    box.hidden = !message;
  }

  /**
   * Disables a form's controls while a call runs.
   * @param {HTMLFormElement} form
   * @param {boolean} busy
   */
  function setBusy(form, busy) {
    for (const c of Array.from(form.elements)) /** @type {HTMLInputElement} */ (c).disabled = busy;
    form.setAttribute('aria-busy', String(busy));
  }

  // ---- opening ------------------------------------------------------------------------------

  function opening() {
    screen(
      { title: t('startup.opening.title'), testid: 'startup-opening' },
      h('p', { class: 'startup-text', role: 'status' }, t('startup.opening.text')),
      h('progress', { class: 'startup-progress', 'aria-label': t('startup.opening.text') }),
    );
    api.agencyOpen().then(opened, (e) => {
      if (!alive) return;
      failedToOpen(/** @type {ApiError} */ (e));
    });
  }

  /** @param {ApiError} e */
  function failedToOpen(e) {
    switch (e.code) {
      case 'keychain_unavailable':
        return createWithPassphrase();
      case 'passphrase_required':
        return unlockWithPassphrase();
      case 'key_missing':
        return unlockWithRecoveryKey('key_missing');
      case 'env_key_required':
        return unlockWithRecoveryKey('env_key_required');
      default:
        return fatal(e);
    }
  }

  /** @param {AgencyOpened} o */
  function opened(o) {
    if (!alive) return;
    if (o.recoveryKey) return showRecoveryKey(o);
    if (o.created) return offerDemo(o);
    onReady(o, { demoLoaded: false });
  }

  // ---- passphrase at creation (no keychain) --------------------------------------------------

  function createWithPassphrase() {
    const err = errorBox('pp-create-error');
    const p1 = h('input', {
      id: 'pp-new',
      type: 'password',
      autocomplete: 'new-password',
      minlength: MIN_PASSPHRASE,
      required: true,
      'aria-describedby': 'pp-new-hint',
      dataset: { testid: 'passphrase-new' },
    });
    const p2 = h('input', {
      id: 'pp-confirm',
      type: 'password',
      autocomplete: 'new-password',
      required: true,
      dataset: { testid: 'passphrase-confirm' },
    });
    const form = h(
      'form',
      { class: 'form startup-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'pp-new' }, t('startup.passphrase.new')), p1,
        h('p', { id: 'pp-new-hint', class: 'hint' }, t('startup.passphrase.hint', { n: MIN_PASSPHRASE }))),
      h('div', { class: 'field' }, h('label', { for: 'pp-confirm' }, t('startup.passphrase.confirm')), p2),
      err,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'btn btn-primary', dataset: { testid: 'passphrase-submit' } }, t('startup.passphrase.create'))),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (p1.value.length < MIN_PASSPHRASE) {
        showError(err, t('startup.passphrase.tooShort', { n: MIN_PASSPHRASE }));
        p1.focus();
        return;
      }
      if (p1.value !== p2.value) {
        showError(err, t('startup.passphrase.mismatch'));
        p2.focus();
        return;
      }
      showError(err, null);
      setBusy(form, true);
      api.agencyCreateWithPassphrase(p1.value).then(opened, (e) => {
        if (!alive) return;
        setBusy(form, false);
        showError(err, e.message);
        p1.focus();
      });
    });
    screen(
      { icon: 'lock', title: t('startup.noKeychain.title'), testid: 'startup-no-keychain' },
      h('p', { class: 'startup-text' }, t('startup.noKeychain.text1')),
      h('p', { class: 'startup-text' }, t('startup.noKeychain.text2')),
      form,
    );
    p1.focus();
  }

  // ---- unlock with passphrase -----------------------------------------------------------------

  function unlockWithPassphrase() {
    const err = errorBox('pp-unlock-error');
    const p = h('input', {
      id: 'pp-unlock',
      type: 'password',
      autocomplete: 'current-password',
      required: true,
      'aria-describedby': 'pp-unlock-error',
      dataset: { testid: 'passphrase-unlock' },
    });
    const form = h(
      'form',
      { class: 'form startup-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'pp-unlock' }, t('startup.unlock.label')), p),
      err,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'btn btn-primary', dataset: { testid: 'passphrase-submit' } }, t('startup.unlock.submit'))),
      h('p', { class: 'startup-alt' },
        h('button', { type: 'button', class: 'link-button', onclick: () => unlockWithRecoveryKey('lost_passphrase'), dataset: { testid: 'lost-passphrase' } },
          t('startup.unlock.lost'))),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!p.value) {
        showError(err, t('startup.unlock.empty'));
        p.focus();
        return;
      }
      showError(err, null);
      setBusy(form, true);
      api.agencyUnlockWithPassphrase(p.value).then(opened, (e) => {
        if (!alive) return;
        setBusy(form, false);
        showError(err, e.message);
        p.setAttribute('aria-invalid', 'true');
        p.select();
        p.focus();
      });
    });
    screen(
      { icon: 'lock', title: t('startup.unlock.title'), testid: 'startup-unlock' },
      h('p', { class: 'startup-text' }, t('startup.unlock.text')),
      form,
    );
    p.focus();
  }

  // ---- unlock with the recovery key ------------------------------------------------------------

  /** Why the recovery key is asked for, and what the screen says. */
  const RECOVERY_WORDS = {
    key_missing: { title: 'startup.keyMissing.title', text: 'startup.keyMissing.text' },
    env_key_required: { title: 'startup.envKey.title', text: 'startup.envKey.text' },
    lost_passphrase: { title: 'startup.lost.title', text: 'startup.lost.text' },
  };

  /** @param {'key_missing' | 'env_key_required' | 'lost_passphrase'} why */
  function unlockWithRecoveryKey(why) {
    const err = errorBox('rk-error');
    const k = h('input', {
      id: 'rk-input',
      type: 'text',
      class: 'mono',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      required: true,
      'aria-describedby': 'rk-hint rk-error',
      dataset: { testid: 'recovery-key-input' },
    });
    const form = h(
      'form',
      { class: 'form startup-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: 'rk-input' }, t('startup.recovery.label')), k,
        h('p', { id: 'rk-hint', class: 'hint' }, t('startup.recovery.hint'))),
      err,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'btn btn-primary', dataset: { testid: 'recovery-submit' } }, t('startup.recovery.submit'))),
      why === 'lost_passphrase'
        ? h('p', { class: 'startup-alt' },
            h('button', { type: 'button', class: 'link-button', onclick: unlockWithPassphrase }, t('startup.recovery.backToPassphrase')))
        : null,
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const value = k.value.trim();
      if (!value) {
        showError(err, t('startup.recovery.empty'));
        k.focus();
        return;
      }
      showError(err, null);
      setBusy(form, true);
      api.agencyUnlockWithRecoveryKey(value).then(opened, (e) => {
        if (!alive) return;
        setBusy(form, false);
        showError(err, e.message);
        k.setAttribute('aria-invalid', 'true');
        k.focus();
      });
    });
    screen(
      {
        icon: 'key',
        title: t(RECOVERY_WORDS[why].title),
        testid: 'startup-recovery',
      },
      h('p', { class: 'startup-text' }, t(RECOVERY_WORDS[why].text)),
      form,
    );
    k.focus();
  }

  // ---- the recovery key, shown once ----------------------------------------------------------

  /** @param {AgencyOpened} o */
  function showRecoveryKey(o) {
    const key = /** @type {string} */ (o.recoveryKey);
    const ack = h('input', { id: 'rk-ack', type: 'checkbox', dataset: { testid: 'recovery-ack' } });
    const next = h(
      'button',
      { type: 'button', class: 'btn btn-primary', disabled: true, dataset: { testid: 'recovery-continue' } },
      t('startup.key.continue'),
    );
    ack.addEventListener('change', () => {
      next.disabled = !ack.checked;
    });
    next.addEventListener('click', () => {
      if (!ack.checked) return;
      if (o.created) offerDemo(o);
      else onReady(o, { demoLoaded: false });
    });
    const title = screen(
      { icon: 'key', title: t('startup.key.title'), testid: 'startup-recovery-key', wide: true },
      h('p', { class: 'startup-text' }, t(KEY_TEXT[o.storage] ?? 'startup.key.text1.keychain')),
      h('p', { class: 'startup-text' }, t('startup.key.text2')),
      h('div', { class: 'recovery-key', dataset: { testid: 'recovery-key' }, 'aria-label': t('startup.key.aria') }, keyGroups(key)),
      h('ul', { class: 'startup-list' },
        h('li', null, t('startup.key.tip1')),
        h('li', null, t('startup.key.tip2')),
        h('li', null, t('startup.key.tip3'))),
      h('dl', { class: 'print-only print-meta' },
        h('dt', null, t('startup.key.printDate')), h('dd', null, formatDate(isoDateOf(new Date()))),
        h('dt', null, t('startup.key.printDir')), h('dd', { class: 'mono' }, o.dataDir)),
      h('div', { class: 'actions actions-split no-print' },
        h('button', { type: 'button', class: 'btn', onclick: () => window.print(), dataset: { testid: 'recovery-print' } },
          icon('print'), t('startup.key.print')),
        h('div', { class: 'actions-group' },
          h('label', { class: 'check', for: 'rk-ack' }, ack, t('startup.key.ack')),
          next)),
    );
    document.body.classList.add('print-recovery');
    title.focus();
  }

  // ---- demo or empty ---------------------------------------------------------------------------

  /** @param {AgencyOpened} o */
  function offerDemo(o) {
    document.body.classList.remove('print-recovery');
    const status = h('p', { class: 'startup-text', role: 'status', 'aria-live': 'polite' });
    const progress = h('progress', { class: 'startup-progress', hidden: true, 'aria-label': t('startup.demo.loading', { n: DEMO_CLIENTS }) });
    const err = errorBox('demo-error');
    const demo = h('button', { type: 'button', class: 'choice', dataset: { testid: 'demo-load' } },
      h('span', { class: 'choice-title' }, t('startup.demo.load')),
      h('span', { class: 'choice-text' }, t('startup.demo.loadText', { n: DEMO_CLIENTS })));
    const empty = h('button', { type: 'button', class: 'choice', dataset: { testid: 'start-empty' } },
      h('span', { class: 'choice-title' }, t('startup.demo.empty')),
      h('span', { class: 'choice-text' }, t('startup.demo.emptyText')));
    empty.addEventListener('click', () => onReady(o, { demoLoaded: false }));
    demo.addEventListener('click', () => {
      demo.disabled = true;
      empty.disabled = true;
      showError(err, null);
      progress.hidden = false;
      status.textContent = t('startup.demo.loading', { n: DEMO_CLIENTS });
      api.demoLoad(DEMO_CLIENTS).then(
        (r) => {
          if (!alive) return;
          progress.hidden = true;
          status.textContent = t('startup.demo.done', { clients: formatCount(r.clients), households: formatCount(r.households) });
          setTimeout(() => alive && onReady(o, { demoLoaded: true }), 600);
        },
        (e) => {
          if (!alive) return;
          progress.hidden = true;
          status.textContent = '';
          showError(err, e.message);
          demo.disabled = false;
          empty.disabled = false;
          demo.focus();
        },
      );
    });
    const title = screen(
      { icon: 'database', title: t('startup.demo.title'), testid: 'startup-demo' },
      h('p', { class: 'startup-text' }, t('startup.demo.text')),
      h('div', { class: 'choices' }, demo, empty),
      progress,
      status,
      err,
    );
    title.focus();
  }

  // ---- anything else -------------------------------------------------------------------------

  /** @param {ApiError} e */
  function fatal(e) {
    screen(
      { icon: 'alert', title: t('startup.fatal.title'), testid: 'startup-error' },
      h('p', { class: 'startup-text startup-message', role: 'alert' }, e.message),
      h('p', { class: 'startup-text' }, t(FATAL_HINTS[e.code] ?? 'startup.fatal.hint')),
      h('p', { class: 'error-code' }, t('common.errorCode', { code: e.code })),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'btn btn-primary', onclick: opening, dataset: { testid: 'startup-retry' } }, t('startup.fatal.retry'))),
    );
  }

  opening();
  return () => {
    alive = false;
    document.body.classList.remove('mode-startup', 'print-recovery');
  };
}

/**
 * The key split after each separator into unbreakable groups, so a long key wraps between
 * groups, never inside one. The text content stays exactly the key.
 * @param {string} key
 */
function keyGroups(key) {
  return (key.match(/[^\s-]+[\s-]*|[\s-]+/g) ?? [key]).map((g) => h('span', { class: 'key-group' }, g));
}

/** How the key is kept, in the recovery-key explanation. @type {Record<string, string>} */
const KEY_TEXT = {
  keychain: 'startup.key.text1.keychain',
  passphrase: 'startup.key.text1.passphrase',
  environment: 'startup.key.text1.environment',
};

/** Extra advice for known fatal codes (the backend message comes first). @type {Record<string, string>} */
const FATAL_HINTS = {
  wrong_key: 'startup.fatal.wrongKey',
  schema_too_new: 'startup.fatal.schemaTooNew',
  not_sqlcipher: 'startup.fatal.notSqlcipher',
  io: 'startup.fatal.io',
};
