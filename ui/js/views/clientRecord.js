// @ts-check
/** `#/clients/:id`: the client record, its household, archive/restore, print. */
import { documentsCard } from './documents.js';
import { debounce, emailNode, h, replace, setTitle } from '../dom.js';
import { ageOn, formatCoefficient, formatDate, formatPhone, formatSiren, formatTimestamp, isoDateOf } from '../format.js';
import { CLAIM_KIND_LABEL, qualificationHistory } from '../coefficient.js';
import { t, tn } from '../i18n/index.js';
import { icon } from '../components/icons.js';
import { confirmDialog, openDialog } from '../components/dialog.js';
import { toast } from '../components/toast.js';
import { href } from '../router.js';
import { KIND_LABEL, STATUS_LABEL, statusBadge } from './clientList.js';
import { SEARCH_DEBOUNCE_MS } from '../listQuery.js';
import { newContractDialog } from './contract/terms.js';
import { CONTRACT_STATUS_LABEL, PRODUCT_LABEL, labelKey, suggestStartCoefficient } from '../contractView.js';
import { releveDialog, reopenReleve } from './contract/releve.js';
import { relevesSection } from './releves.js';
import { timelineSection } from './timeline.js';
import { exchangesCard } from './clientExchanges.js';
import { remindersCard } from './reminders.js';
import { clientRevisionViews } from '../clientRevisions.js';
import { revisionNotes } from '../components/revisionNotes.js';

/** @typedef {import('../api/types.js').ClientRecord} ClientRecord */
/** @typedef {import('../api/types.js').ClientSummary} ClientSummary */
/** @typedef {import('../api.js').ApiError} ApiError */

/** @type {Record<string, string>} */
const ADDRESS_KIND = { principale: 'address.kind.principale', correspondance: 'address.kind.correspondance' };
/** @type {Record<string, string>} */
const PHONE_KIND = { mobile: 'phone.kind.mobile', fixe: 'phone.kind.fixe', professionnel: 'phone.kind.professionnel' };
/** @type {Record<string, string>} */
const EMAIL_KIND = { personnel: 'email.kind.personnel', professionnel: 'email.kind.professionnel' };
/** @type {Record<string, string>} */
const CIVILITY = { M: 'civility.M', Mme: 'civility.Mme' };

/**
 * The corrections of the record, each opening on what it changed; nothing when there is none.
 * @param {ClientRecord} r
 */
function revisionsSection(r) {
  const notes = revisionNotes(clientRevisionViews(r), 'client');
  if (notes === null) return null;
  return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-revisions' },
    h('h2', { id: 'sec-revisions', class: 'card-title' }, t('record.section.revisions')),
    notes);
}

/**
 * The catalogue label of a code (a product, a contract's state), the code itself if unknown.
 * @param {Record<string, string>} table
 * @param {string} code
 */
function labelOf(table, code) {
  const key = labelKey(table, code);
  return key ? t(key) : code;
}

/**
 * One "label: value" pair of a fact list; nothing when the value is empty.
 * @param {string} label
 * @param {import('../dom.js').Child | import('../dom.js').Child[]} value
 * @param {string} [testid]
 */
function fact(label, value, testid) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [];
  return [h('dt', null, label), h('dd', { dataset: { testid } }, ...(Array.isArray(value) ? value : [value]))];
}

/**
 * @param {HTMLElement} el
 * @param {import('../router.js').Route} route
 * @param {import('../api.js').Api} api the backend (the real one is wired by main.js)
 * @returns {() => void}
 */
export function mountClientRecord(el, route, api) {
  let alive = true;
  const id = Number(route.params.id);
  setTitle(t('record.title'), t('app.name'));
  el.append(h('p', { class: 'muted', role: 'status' }, t('common.loading')));

  api.clientGet(id).then(
    (r) => alive && render(r),
    (e) => alive && renderError(e),
  );

  /** @param {ApiError} e */
  function renderError(e) {
    replace(
      el,
      backLink(),
      h('header', { class: 'page-header' }, h('h1', { class: 'page-title' }, t(e.code === 'not_found' ? 'record.notFound' : 'record.loadError'))),
      h('div', { class: 'alert', role: 'alert' }, e.message, h('span', { class: 'error-code' }, t('common.errorCode', { code: e.code }))),
    );
  }

  function backLink() {
    return h('a', { href: href('clients'), class: 'back-link no-print', dataset: { testid: 'back-to-list' } }, icon('back'), t('record.back'));
  }

  /** Opens a contract's page (a contract created from a relevé). @param {{ id: number }} k */
  function openContract(k) {
    window.location.hash = href('contract', { id: k.id });
  }

  /** @param {ClientRecord} r */
  function render(r) {
    setTitle(r.displayName, t('app.name'));
    const today = isoDateOf(new Date());
    const age = ageOn(r.birthDate, today);
    const isPerson = r.kind === 'person';

    const editBtn = h('a', { href: href('client-edit', { id: r.id }), class: 'btn btn-primary', dataset: { testid: 'edit-client' } }, icon('edit'), t('record.edit'));
    const archiveBtn = r.archived
      ? h('button', { type: 'button', class: 'btn', onclick: () => restore(r), dataset: { testid: 'restore-client' } }, icon('restore'), t('record.restore'))
      : h('button', { type: 'button', class: 'btn', onclick: () => archive(r), dataset: { testid: 'archive-client' } }, icon('archive'), t('record.archive'));
    const printBtn = h('button', { type: 'button', class: 'btn', onclick: () => window.print(), dataset: { testid: 'print-client' } }, icon('print'), t('record.print'));

    const identity = isPerson
      ? [
          ...fact(t('record.civility'), r.civility ? t(CIVILITY[r.civility] ?? 'civility.M') : ''),
          ...fact(t('record.lastName'), r.lastName),
          ...fact(t('record.firstName'), r.firstName),
          ...fact(
            t('record.birthDate'),
            r.birthDate ? [formatDate(r.birthDate), age !== null ? h('span', { class: 'muted' }, ` (${tn('record.age', age)})`) : null] : '',
            'record-birthdate',
          ),
          ...fact(t('record.profession'), r.profession),
        ]
      : [
          ...fact(t('record.companyName'), r.companyName),
          ...fact(t('record.siren'), formatSiren(r.siren)),
          ...fact(t('record.contact'), [r.civility ? t(CIVILITY[r.civility] ?? 'civility.M') + ' ' : '', [r.firstName, r.lastName].filter(Boolean).join(' ')].join('').trim()),
          ...fact(t('record.profession'), r.profession),
        ];

    const addresses = r.addresses.length
      ? h('ul', { class: 'plain-list' }, r.addresses.map((a) =>
          h('li', { class: 'address' },
            h('span', { class: 'item-kind' }, t(ADDRESS_KIND[a.kind] ?? 'address.kind.principale')),
            h('span', { class: 'address-lines' },
              h('span', null, a.line1),
              a.line2 ? h('span', null, a.line2) : null,
              h('span', null, `${a.postcode} ${a.city}`),
              a.country && a.country.toLowerCase() !== 'france' ? h('span', null, a.country) : null))))
      : h('p', { class: 'muted' }, t('record.none.addresses'));
    const phones = r.phones.length
      ? h('ul', { class: 'plain-list' }, r.phones.map((p) =>
          h('li', null, h('span', { class: 'item-kind' }, t(PHONE_KIND[p.kind] ?? 'phone.kind.mobile')), h('span', { class: 'nowrap' }, formatPhone(p.number)))))
      : h('p', { class: 'muted' }, t('record.none.phones'));
    const emails = r.emails.length
      ? h('ul', { class: 'plain-list' }, r.emails.map((m) =>
          h('li', null, h('span', { class: 'item-kind' }, t(EMAIL_KIND[m.kind] ?? 'email.kind.personnel')), emailNode(m.address))))
      : h('p', { class: 'muted' }, t('record.none.emails'));

    replace(
      el,
      backLink(),
      h('p', { class: 'print-only print-heading' }, t('record.printHeading', { date: formatDate(today) })),
      h(
        'header',
        { class: 'page-header record-header' },
        h('div', null,
          h('h1', { class: 'page-title', dataset: { testid: 'record-name' } }, r.displayName || t('common.unnamed')),
          h('p', { class: 'record-badges' },
            statusBadge(r.status),
            h('span', { class: 'badge badge-kind' }, t(KIND_LABEL[r.kind] ?? 'kind.person')),
            r.archived ? h('span', { class: 'badge badge-archived', dataset: { testid: 'record-archived' } }, t('common.archived')) : null)),
        h('div', { class: 'page-actions no-print' }, editBtn, archiveBtn, printBtn),
      ),
      r.archived ? h('p', { class: 'alert alert-info no-print' }, t('record.archivedNotice')) : null,
      h(
        'div',
        { class: 'record-grid' },
        h('section', { class: 'card', 'aria-labelledby': 'sec-identity' },
          h('h2', { id: 'sec-identity', class: 'card-title' }, t('record.section.identity')),
          h('dl', { class: 'facts' }, identity)),
        h('section', { class: 'card', 'aria-labelledby': 'sec-contact' },
          h('h2', { id: 'sec-contact', class: 'card-title' }, t('record.section.contact')),
          h('h3', { class: 'card-subtitle' }, t('record.addresses')), addresses,
          h('h3', { class: 'card-subtitle' }, t('record.phones')), phones,
          h('h3', { class: 'card-subtitle' }, t('record.emails')), emails),
        h('section', { class: 'card', 'aria-labelledby': 'sec-follow' },
          h('h2', { id: 'sec-follow', class: 'card-title' }, t('record.section.follow')),
          h('dl', { class: 'facts' },
            ...fact(t('record.status'), t(STATUS_LABEL[r.status] ?? 'status.prospect')),
            ...fact(t('record.source'), r.source),
            ...fact(t('record.broker'), r.assignedBroker),
            ...fact(t('record.created'), formatTimestamp(r.createdAt, { withTime: true })),
            ...fact(t('record.updated'), formatTimestamp(r.updatedAt, { withTime: true }), 'record-updated'))),
        householdSection(r),
        documentsCard('client', r.id, api),
        h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-notes' },
          h('h2', { id: 'sec-notes', class: 'card-title' }, t('record.section.notes')),
          r.notes ? h('p', { class: 'notes', dataset: { testid: 'record-notes' } }, r.notes) : h('p', { class: 'muted' }, t('record.none.notes'))),
        revisionsSection(r),
        contractsSection(r),
        relevesSection({ api, clientId: r.id, isAlive: () => alive, onContract: openContract }),
        exchangesCard({ api, clientId: r.id, isAlive: () => alive, onSaved: () => { if (alive) render(r); } }),
        remindersCard({ api, owner: { clientId: r.id }, isAlive: () => alive }),
        timelineSection({
          load: (q) => api.clientTimeline(r.id, q),
          perClient: true,
          isAlive: () => alive,
          onReleve: (id) => api.releveGet(id).then((e) => reopenReleve(api, e, openContract)),
        }),
      ),
    );
  }

  /**
   * The client's contracts (coefficient in force, next échéance) and their claims, loaded after
   * the record.
   * @param {ClientRecord} r
   */
  function contractsSection(r) {
    const body = h('div', null, h('p', { class: 'muted', role: 'status' }, t('common.loading')));
    /** @type {import('../api/types.js').ContractRecord[]} the client's contracts, for the new one's start coefficient */
    let known = [];
    api.contractList(r.id).then((contracts) => {
      if (!alive) return;
      known = contracts;
      if (contracts.length === 0) {
        replace(body, h('p', { class: 'muted' }, t('record.contracts.none')));
        return;
      }
      const claims = contracts
        .flatMap((k) => k.claims.map((c) => ({ c, k })))
        .sort((a, b) => (a.c.occurredOn < b.c.occurredOn ? 1 : -1));
      replace(body,
        h('table', { class: 'table' },
          h('thead', null, h('tr', null,
            h('th', null, t('record.contracts.insurer')), h('th', null, t('record.contracts.number')),
            h('th', null, t('record.contracts.product')), h('th', { class: 'num' }, t('record.contracts.coefficient')),
            h('th', null, t('record.contracts.next')), h('th', null, t('record.contracts.status')))),
          h('tbody', null, contracts.map((k) => h('tr', { class: 'row-link', dataset: { testid: 'contract-row', id: k.id }, onclick: () => { window.location.hash = href('contract', { id: k.id }); } },
            h('td', null, h('a', { href: href('contract', { id: k.id }) }, k.insurer)),
            h('td', null, k.number),
            h('td', null, labelOf(PRODUCT_LABEL, k.product)),
            h('td', { class: 'num' }, formatCoefficient(k.coefficientInForce)),
            h('td', null, k.projection ? formatDate(k.projection.nextEcheance) : '—'),
            h('td', null, labelOf(CONTRACT_STATUS_LABEL, k.status)))))),
        claims.length === 0
          ? h('p', { class: 'muted' }, t('record.claims.none'))
          : h('div', null,
            h('h3', { class: 'card-subtitle' }, t('record.section.claims')),
            h('ul', { class: 'plain' }, claims.map(({ c, k }) => h('li', null,
              h('a', { href: href('claim', { id: c.id }) }, formatDate(c.occurredOn)),
              ` — ${t(CLAIM_KIND_LABEL[c.kind] ?? 'claim.kind.accident')}, ${qualificationHistory(c.qualifications)} (${k.insurer} ${k.number})`)))));
    }).catch((/** @type {ApiError} */ e) => {
      if (alive) replace(body, h('p', { class: 'alert', role: 'alert' }, e.message));
    });
    const policyholder = r.kind === 'person'
      ? { lastName: r.lastName ?? '', firstName: r.firstName ?? '', birthDate: r.birthDate ?? '' }
      : {};
    return h('section', { class: 'card card-wide', 'aria-labelledby': 'sec-contracts' },
      h('div', { class: 'card-head' },
        h('h2', { id: 'sec-contracts', class: 'card-title' }, t('record.section.contracts')),
        h('div', { class: 'actions-group no-print' },
          h('button', {
            type: 'button',
            class: 'btn btn-small',
            // Once recorded, the relevé is listed and on the timeline: the record is drawn again.
            onclick: () => releveDialog(api, r.id, () => { if (alive) render(r); }, policyholder, openContract),
            dataset: { testid: 'record-releve' },
          }, t('releveForm.open')),
          h('button', {
            type: 'button',
            class: 'btn btn-primary btn-small',
            onclick: async () => {
              // The suggestion weighs the client's relevés (the latest first), then the contracts.
              const releves = await api.releveList(r.id).catch(() => []);
              const seen = releves
                .filter((x) => x.result.startCoefficient)
                .map((x) => ({ issuedOn: x.issuedOn, issuer: x.issuer ?? '', startCoefficient: /** @type {string} */ (x.result.startCoefficient) }));
              newContractDialog(api, r.id, (k) => { window.location.hash = href('contract', { id: k.id }); }, {}, suggestStartCoefficient(known, seen));
            },
            dataset: { testid: 'new-contract' },
          }, icon('plus'), t('contractForm.new')))),
      body);
  }

  /** @param {ClientRecord} r */
  function householdSection(r) {
    const members = r.household?.members ?? [];
    const actions = h('div', { class: 'actions no-print' },
      h('button', { type: 'button', class: 'btn btn-small', onclick: () => linkHousehold(r), dataset: { testid: 'household-link' } },
        icon('link'), t(r.household ? 'record.household.add' : 'record.household.link')),
      r.household
        ? h('button', { type: 'button', class: 'btn btn-small', onclick: () => leaveHousehold(r), dataset: { testid: 'household-leave' } },
            icon('unlink'), t('record.household.leave'))
        : null);
    return h('section', { class: 'card', 'aria-labelledby': 'sec-household', dataset: { testid: 'household' } },
      h('h2', { id: 'sec-household', class: 'card-title' }, t('record.section.household')),
      r.household && members.length
        ? h('ul', { class: 'plain-list members' }, members.map((m) =>
            h('li', null,
              h('a', { href: href('client', { id: m.id }), dataset: { testid: 'household-member', id: m.id } }, m.displayName || t('common.unnamed')),
              ' ', statusBadge(m.status),
              m.city ? h('span', { class: 'muted' }, ` · ${m.city}`) : null)))
        : h('p', { class: 'muted' }, t('record.household.none')),
      actions);
  }

  /** @param {() => Promise<ClientRecord>} call @param {string} done */
  async function act(call, done) {
    try {
      const updated = await call();
      if (!alive) return;
      render(updated);
      toast(done);
    } catch (e) {
      if (!alive) return;
      const err = /** @type {ApiError} */ (e);
      toast(`${err.message} (${err.code})`);
    }
  }

  /** @param {ClientRecord} r */
  async function archive(r) {
    const ok = await confirmDialog({
      title: t('record.archive.confirmTitle'),
      message: t('record.archive.confirmText', { name: r.displayName }),
      confirmLabel: t('record.archive'),
      danger: true,
      testid: 'confirm-archive',
    });
    if (ok) await act(() => api.clientArchive(r.id), t('record.archive.done'));
  }

  /** @param {ClientRecord} r */
  async function restore(r) {
    const ok = await confirmDialog({
      title: t('record.restore.confirmTitle'),
      message: t('record.restore.confirmText', { name: r.displayName }),
      confirmLabel: t('record.restore'),
      testid: 'confirm-restore',
    });
    if (ok) await act(() => api.clientRestore(r.id), t('record.restore.done'));
  }

  /** @param {ClientRecord} r */
  async function leaveHousehold(r) {
    const ok = await confirmDialog({
      title: t('record.household.leaveTitle'),
      message: t('record.household.leaveText', { name: r.displayName }),
      confirmLabel: t('record.household.leave'),
      testid: 'confirm-leave',
    });
    if (ok) await act(() => api.householdLeave(r.id), t('record.household.leftDone'));
  }

  /** @param {ClientRecord} r */
  async function linkHousehold(r) {
    const exclude = new Set([r.id, ...(r.household?.members ?? []).map((m) => m.id)]);
    const picked = await pickClient(api, exclude);
    if (picked) await act(() => api.householdLink(r.id, picked.id), t('record.household.linkedDone', { name: picked.displayName }));
  }

  return () => {
    alive = false;
  };
}

/**
 * A dialog to find and choose another client (for the household link).
 * @param {import('../api.js').Api} api
 * @param {Set<number>} exclude
 * @returns {Promise<ClientSummary | null>}
 */
function pickClient(api, exclude) {
  return openDialog({
    title: t('pick.title'),
    className: 'dialog-pick',
    testid: 'pick-client',
    build: (close) => {
      const input = h('input', {
        type: 'search',
        id: 'pick-search',
        class: 'search-input',
        autocomplete: 'off',
        placeholder: t('pick.placeholder'),
        'aria-controls': 'pick-results',
        dataset: { testid: 'pick-search' },
      });
      const list = h('ul', { id: 'pick-results', class: 'pick-results', role: 'listbox', 'aria-label': t('pick.results') });
      const status = h('p', { class: 'muted pick-status', role: 'status', 'aria-live': 'polite' }, t('pick.hint'));
      let seq = 0;
      /** @type {ClientSummary[]} */
      let items = [];
      let active = -1;

      /** @param {number} i */
      function setActive(i) {
        const options = Array.from(list.children);
        active = Math.max(0, Math.min(i, options.length - 1));
        options.forEach((o, j) => o.setAttribute('aria-selected', String(j === active)));
        const opt = options[active];
        if (opt) {
          input.setAttribute('aria-activedescendant', opt.id);
          opt.scrollIntoView({ block: 'nearest' });
        }
      }

      const run = debounce(async () => {
        const text = input.value.trim();
        const mine = ++seq;
        if (!text) {
          list.replaceChildren();
          items = [];
          status.textContent = t('pick.hint');
          return;
        }
        try {
          const found = (await api.clientSearch(text, 20)).filter((c) => !exclude.has(c.id) && !c.archived);
          if (mine !== seq) return;
          items = found;
          list.replaceChildren(
            ...found.map((c, i) => {
              const li = h('li', { id: `pick-${c.id}`, role: 'option', class: 'pick-option', 'aria-selected': 'false', dataset: { testid: 'pick-option', id: c.id } },
                h('span', { class: 'client-name' }, c.displayName || t('common.unnamed')),
                h('span', { class: 'muted' }, [c.postcode, c.city].filter(Boolean).join(' ')));
              li.addEventListener('click', () => close(c));
              li.addEventListener('mousemove', () => setActive(i));
              return li;
            }),
          );
          status.textContent = found.length ? tn('list.results', found.length, { count: found.length }) : t('pick.none');
          active = -1;
          if (found.length) setActive(0);
        } catch (e) {
          if (mine !== seq) return;
          status.textContent = /** @type {ApiError} */ (e).message;
        }
      }, SEARCH_DEBOUNCE_MS);

      input.addEventListener('input', run);
      input.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowDown') {
          e.preventDefault();
          setActive(active + 1);
        } else if (e.key === 'ArrowUp') {
          e.preventDefault();
          setActive(active - 1);
        } else if (e.key === 'Enter') {
          e.preventDefault();
          if (items[active]) close(items[active]);
        }
      });
      queueMicrotask(() => input.focus());
      return [
        h('label', { for: 'pick-search', class: 'dialog-text' }, t('pick.label')),
        input,
        status,
        list,
        h('div', { class: 'dialog-actions' }, h('button', { type: 'button', class: 'btn', onclick: () => close(null) }, t('common.cancel'))),
      ];
    },
  });
}
