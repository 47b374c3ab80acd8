// @ts-check
/**
 * Paramètres: where the agency file lives, how its key is kept, the version, the agency's
 * identity printed on every paper (Paramètres → Agence, `agencySettings.js`), the link to the
 * agency's insurers (`#/insurers`), documents, e-mail, demo data.
 */
import { h, replace, setTitle } from '../dom.js';
import { formatCount } from '../format.js';
import { t } from '../i18n/index.js';
import { toast } from '../components/toast.js';
import { confirmDialog } from '../components/dialog.js';
import { field } from '../components/form.js';
import { href } from '../router.js';
import { DEMO_CLIENTS } from './startup.js';
import { mailSettingsCard } from './mail.js';
import { agencySettingsCard } from './agencySettings.js';
import { reminderSettingsCard } from './reminders.js';

/** @type {Record<string, string>} */
const STORAGE = {
  keychain: 'settings.storage.keychain',
  passphrase: 'settings.storage.passphrase',
  environment: 'settings.storage.environment',
};

/** @type {Record<string, string>} */
const STATE = {
  open: 'settings.state.open',
  locked: 'settings.state.locked',
  absent: 'settings.state.absent',
};

/** The card leading to the agency's insurers (`#/insurers`). */
function insurersCard() {
  return h('section', { class: 'card', 'aria-labelledby': 'settings-insurers' },
    h('h2', { id: 'settings-insurers', class: 'card-title' }, t('insurers.title')),
    h('p', null, t('insurers.settings.text')),
    h('div', { class: 'actions' },
      h('a', { href: href('insurers'), class: 'btn', dataset: { testid: 'settings-insurers' } }, t('insurers.settings.link'))));
}

/**
 * Paramètres → Documents: the size limit of an attached document, which the broker sees and
 * changes, and the agency's whole bin (its count, emptied after a confirmation; a record's
 * own « Vider la corbeille » empties only that record's). Test ids: `settings-doc-limit`,
 * `settings-doc-limit-save`, `settings-doc-status`, `settings-bin-count`, `settings-bin-empty`.
 * @param {import('../api.js').Api} api
 */
function documentsSettingsCard(api) {
  const input = h('input', { type: 'number', min: 1, max: 1024, step: 1, inputmode: 'numeric', class: 'input input-narrow', 'aria-describedby': 'settings-doc-limit-hint', dataset: { testid: 'settings-doc-limit' } });
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'settings-doc-status' } });
  const save = h('button', { type: 'button', class: 'btn', dataset: { testid: 'settings-doc-limit-save' } }, t('documents.settings.save'));
  // The limit in force, in whole megabytes as the broker typed it (« 50 Mo », not « 50,0 Mo »).
  const inForce = (/** @type {{ maxMegabytes: number }} */ d) => t('documents.settings.inForce', { n: formatCount(d.maxMegabytes) });
  api.documentSettings().then((d) => { input.value = String(d.maxMegabytes); status.textContent = inForce(d); }, (e) => { status.textContent = e.message; });
  save.addEventListener('click', () => {
    api.documentSettingsSet(Number(input.value)).then(
      (d) => { input.value = String(d.maxMegabytes); status.textContent = t('documents.settings.saved', { n: formatCount(d.maxMegabytes) }); toast(status.textContent); },
      (e) => { status.textContent = e.message; },
    );
  });
  const binCount = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'settings-bin-count' } });
  const binEmpty = h('button', { type: 'button', class: 'btn btn-danger', dataset: { testid: 'settings-bin-empty' } }, t('documents.binAgencyEmpty'));
  let binned = 0;
  const countBin = () => api.binList().then(
    (docs) => {
      binned = docs.length;
      binCount.textContent = binned === 0 ? t('documents.binAgencyNone') : t('documents.binAgencyCount', { n: formatCount(binned) });
      binEmpty.disabled = binned === 0;
    },
    (e) => { binCount.textContent = e.message; },
  );
  binEmpty.addEventListener('click', async () => {
    const sure = await confirmDialog({ title: t('documents.binConfirmTitle'), message: t('documents.binAgencyConfirm', { n: formatCount(binned) }), confirmLabel: t('documents.binAgencyEmpty'), cancelLabel: t('common.cancel'), danger: true, testid: 'settings-bin-confirm' });
    if (!sure) return;
    try {
      const n = await api.binEmpty();
      binCount.textContent = t('documents.binEmptied', { n });
      binEmpty.disabled = true;
      binned = 0;
    } catch (e) {
      binCount.textContent = /** @type {{message: string}} */ (e).message;
    }
  });
  countBin();
  return h('section', { class: 'card', 'aria-labelledby': 'settings-documents' },
    h('h2', { id: 'settings-documents', class: 'card-title' }, t('documents.settings.title')),
    h('p', null, t('documents.settings.text')),
    h('div', { class: 'doc-limit' }, field(t('documents.settings.limit'), input), save),
    h('p', { class: 'hint', id: 'settings-doc-limit-hint' }, t('documents.settings.hint')),
    status,
    h('h3', { class: 'documents-bin-title' }, t('documents.binAgencyTitle')),
    binCount,
    h('div', { class: 'actions' }, binEmpty));
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} _route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountSettings(el, _route, api) {
  let alive = true;
  setTitle(t('settings.title'), t('app.name'));
  const body = h('div', { class: 'settings', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  el.append(h('header', { class: 'page-header' }, h('h1', { class: 'page-title' }, t('settings.title'))), body);

  /** @type {{ el: HTMLElement, stop: () => void } | null} */
  let agency = null;

  function load() {
    api.agencyStatus().then(
      (s) => {
        if (!alive) return;
        body.setAttribute('aria-busy', 'false');
        const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite' });
        const button = h('button', { type: 'button', class: 'btn', dataset: { testid: 'settings-demo-load' } }, t('settings.demo.button', { n: DEMO_CLIENTS }));
        const progress = h('progress', { hidden: true, class: 'inline-progress', 'aria-label': t('startup.demo.loading', { n: DEMO_CLIENTS }) });
        button.addEventListener('click', () => {
          button.disabled = true;
          progress.hidden = false;
          status.textContent = t('startup.demo.loading', { n: DEMO_CLIENTS });
          api.demoLoad(DEMO_CLIENTS).then(
            (r) => {
              if (!alive) return;
              const msg = t('settings.demo.done', { clients: formatCount(r.clients), households: formatCount(r.households) });
              toast(msg);
              load();
            },
            (e) => {
              if (!alive) return;
              button.disabled = false;
              progress.hidden = true;
              status.textContent = `${e.message} (${e.code})`;
            },
          );
        });
        agency?.stop();
        agency = agencySettingsCard(api);
        replace(
          body,
          h('section', { class: 'card', 'aria-labelledby': 'settings-file' },
            h('h2', { id: 'settings-file', class: 'card-title' }, t('settings.file.title')),
            h('dl', { class: 'facts' },
              h('dt', null, t('settings.file.state')), h('dd', null, t(STATE[s.state] ?? 'settings.state.open')),
              h('dt', null, t('settings.file.dir')), h('dd', { class: 'mono break', dataset: { testid: 'settings-data-dir' } }, s.dataDir),
              h('dt', null, t('settings.file.storage')), h('dd', null, s.storage ? t(STORAGE[s.storage] ?? 'settings.storage.unknown', { mode: s.storage }) : '—'),
              h('dt', null, t('settings.file.clients')), h('dd', null, s.clientCount === null ? '—' : formatCount(s.clientCount)),
              h('dt', null, t('settings.file.version')), h('dd', { dataset: { testid: 'settings-version' } }, s.appVersion)),
            h('p', { class: 'hint' }, t('settings.file.hint'))),
          agency.el,
          insurersCard(),
          documentsSettingsCard(api),
          reminderSettingsCard(api),
          mailSettingsCard(api),
          h('section', { class: 'card', 'aria-labelledby': 'settings-demo' },
            h('h2', { id: 'settings-demo', class: 'card-title' }, t('settings.demo.title')),
            h('p', null, t('settings.demo.text', { n: DEMO_CLIENTS })),
            h('div', { class: 'actions' }, button, progress),
            status),
        );
      },
      (e) => {
        if (!alive) return;
        body.setAttribute('aria-busy', 'false');
        replace(body, h('div', { class: 'alert', role: 'alert' }, e.message, h('span', { class: 'error-code' }, t('common.errorCode', { code: e.code }))), insurersCard());
      },
    );
  }
  load();
  return () => {
    alive = false;
    agency?.stop();
  };
}
