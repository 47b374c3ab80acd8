// @ts-check
/**
 * Follow-ups by e-mail in the window: « Envoyer un e-mail » (template, recipient, documents of
 * the record to attach, then the preview exactly as it will leave, then « Envoyer »; nothing
 * leaves without that click), and Paramètres → Messagerie (the SMTP account, the templates,
 * the outbox with « Réessayer »).
 */
import { h, replace } from '../dom.js';
import { formatTimestamp } from '../format.js';
import { t } from '../i18n/index.js';
import { openDialog } from '../components/dialog.js';
import { toast } from '../components/toast.js';

/**
 * @typedef {import('../api.js').Api} Api
 * @typedef {import('../api/types.js').MailInput} MailInput
 * @typedef {import('../api/types.js').MailPreview} MailPreview
 * @typedef {import('../api/types.js').MailMessage} MailMessage
 * @typedef {import('../api/types.js').DocumentRecord} DocumentRecord
 */

/** @param {{ message: string, code: string }} e */
function problem(e) {
  return h('p', { class: 'alert', role: 'alert' }, e.message, h('span', { class: 'error-code' }, t('common.errorCode', { code: e.code })));
}

/**
 * The preview: sender, recipient, subject, attachments with their SHA-256, the text.
 * @param {MailPreview} p
 */
export function previewNode(p) {
  return h('div', { class: 'mail-preview', dataset: { testid: 'mail-preview' } },
    h('dl', { class: 'facts' },
      h('dt', null, t('mail.from')), h('dd', null, p.from),
      h('dt', null, t('mail.to')), h('dd', { dataset: { testid: 'mail-preview-to' } }, p.to),
      h('dt', null, t('mail.subject')), h('dd', { dataset: { testid: 'mail-preview-subject' } }, p.subject),
      ...p.attachments.flatMap((a) => [h('dt', null, t('mail.attachment')), h('dd', { class: 'break' }, a.file_name, ' ', h('span', { class: 'mono muted' }, a.sha256))])),
    h('pre', { class: 'mail-body', dataset: { testid: 'mail-preview-body' } }, p.body));
}

/**
 * « Envoyer un e-mail » about a contract (and a claim): resolves with the message recorded
 * (sent, or waiting in the outbox with its reason), or null when the broker gave up.
 * @param {Api} api
 * @param {{ contractId: number, claimId?: number | null, documents?: DocumentRecord[] }} about
 * @returns {Promise<MailMessage | null>}
 */
export async function mailDialog(api, about) {
  const templates = await api.mailTemplates().catch(() => []);
  const usable = templates.filter((k) => (about.claimId ? true : k.kind !== 'suivi_sinistre'));
  return openDialog({
    title: t('mail.send.title'),
    testid: 'mail-dialog',
    className: 'dialog-wide',
    build: (close, _titleId, dismiss) => {
      const kind = h('select', { class: 'input', dataset: { testid: 'mail-template' } },
        ...usable.map((k) => h('option', { value: k.kind, selected: about.claimId ? k.kind === 'suivi_sinistre' : false }, k.label)));
      const to = h('input', { type: 'email', class: 'input', placeholder: t('mail.to.placeholder'), dataset: { testid: 'mail-to' } });
      const docs = (about.documents ?? []).filter((d) => d.state === 'active');
      const boxes = docs.map((d) => h('input', { type: 'checkbox', value: String(d.id) }));
      const area = h('div', { 'aria-live': 'polite' });
      const send = h('button', { type: 'button', class: 'btn btn-primary', disabled: true, dataset: { testid: 'mail-confirm' } }, t('mail.send.confirm'));
      const mailto = h('a', { class: 'btn', hidden: true, dataset: { testid: 'mail-mailto' } }, t('mail.send.mailto'));
      /** @returns {MailInput} */
      const draft = () => ({
        kind: kind.value,
        contractId: about.contractId,
        claimId: about.claimId ?? null,
        to: to.value.trim() || null,
        attachments: boxes.filter((b) => b.checked).map((b) => Number(b.value)),
      });
      const preview = () => {
        send.disabled = true;
        mailto.hidden = true;
        api.mailPreview(draft()).then(
          (p) => {
            replace(area, previewNode(p));
            send.disabled = false;
            mailto.hidden = false;
            mailto.setAttribute('href', p.mailto);
          },
          (e) => replace(area, problem(e)),
        );
      };
      kind.addEventListener('change', preview);
      to.addEventListener('change', preview);
      for (const b of boxes) b.addEventListener('change', preview);
      send.addEventListener('click', () => {
        send.disabled = true;
        api.mailSend(draft()).then(
          (m) => {
            toast(m.sent ? t('mail.send.sent', { to: m.to }) : t('mail.send.queued', { reason: m.reason ?? '' }));
            close(m);
          },
          (e) => { send.disabled = false; replace(area, problem(e)); },
        );
      });
      setTimeout(preview, 0);
      return [
        h('label', { class: 'field' }, t('mail.template'), ' ', kind),
        h('label', { class: 'field' }, t('mail.to'), ' ', to),
        docs.length
          ? h('fieldset', { class: 'field' }, h('legend', null, t('mail.attachments')),
            ...docs.map((d, i) => h('label', { class: 'check' }, boxes[i], ' ', d.fileName, ' ', h('span', { class: 'muted' }, d.kindLabel))))
          : null,
        h('p', { class: 'hint' }, t('mail.send.hint')),
        area,
        h('div', { class: 'actions' }, send, mailto, h('button', { type: 'button', class: 'btn', onclick: dismiss }, t('common.cancel'))),
      ];
    },
  });
}

/** @type {Record<string, string>} */
const PASSWORD = {
  trousseau: 'mail.password.keychain',
  memoire: 'mail.password.memory',
  absent: 'mail.password.absent',
};

/**
 * Paramètres → Messagerie: the account, the templates, the outbox.
 * @param {Api} api
 */
export function mailSettingsCard(api) {
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'mail-status' } });
  const input = (/** @type {string} */ testid, /** @type {string} */ type = 'text') => h('input', { type, class: 'input', dataset: { testid } });
  const host = input('mail-host');
  const port = /** @type {HTMLInputElement} */ (h('input', { type: 'number', min: 1, max: 65535, class: 'input input-narrow', value: '587', dataset: { testid: 'mail-port' } }));
  const security = h('select', { class: 'input', dataset: { testid: 'mail-security' } },
    h('option', { value: 'starttls' }, 'STARTTLS'), h('option', { value: 'tls' }, 'TLS'), h('option', { value: 'none' }, t('mail.security.none')));
  const user = input('mail-user');
  const from = input('mail-from', 'email');
  const name = input('mail-name');
  const password = input('mail-password', 'password');
  const save = h('button', { type: 'button', class: 'btn', dataset: { testid: 'mail-account-save' } }, t('mail.account.save'));
  const show = (/** @type {import('../api/types.js').MailAccount | null} */ a) => {
    if (!a) { status.textContent = t('mail.account.none'); return; }
    host.value = a.host; port.value = String(a.port); security.value = a.security;
    user.value = a.username; from.value = a.fromAddress; name.value = a.fromName;
    status.textContent = t(PASSWORD[a.password] ?? 'mail.password.absent');
  };
  api.mailAccount().then(show, (e) => { status.textContent = e.message; });
  save.addEventListener('click', () => {
    api.mailAccountSet({
      host: host.value, port: Number(port.value), security: security.value, username: user.value,
      fromAddress: from.value, fromName: name.value, password: password.value || null,
    }).then((a) => { password.value = ''; show(a); toast(t('mail.account.saved')); }, (e) => { status.textContent = `${e.message} (${e.code})`; });
  });

  const templates = h('div', { dataset: { testid: 'mail-templates' } });
  api.mailTemplates().then((all) => replace(templates, ...all.map((k) => {
    const subject = h('input', { type: 'text', class: 'input', value: k.subject });
    const body = h('textarea', { class: 'input', rows: 8 }, k.body);
    const line = h('p', { class: 'muted', role: 'status' });
    const keep = h('button', { type: 'button', class: 'btn btn-small' }, t('mail.template.save'));
    keep.addEventListener('click', () => api.mailTemplateSet(k.kind, subject.value, body.value).then(
      () => { line.textContent = t('mail.template.saved'); },
      (e) => { line.textContent = e.message; },
    ));
    return h('details', { class: 'mail-template' }, h('summary', null, k.label, k.custom ? ` ${t('mail.template.custom')}` : ''),
      h('label', { class: 'field' }, t('mail.subject'), ' ', subject), h('label', { class: 'field' }, t('mail.body'), ' ', body),
      h('p', { class: 'hint' }, t('mail.template.fields', { fields: k.fields.map(([f]) => `{${f}}`).join(' ') })),
      h('div', { class: 'actions' }, keep), line);
  })), (e) => replace(templates, problem(e)));

  const outbox = h('div', { dataset: { testid: 'mail-outbox' } });
  const loadOutbox = () => api.mailOutbox().then((list) => replace(outbox,
    list.length === 0 ? h('p', { class: 'muted' }, t('mail.outbox.empty')) : h('ul', { class: 'plain-list' }, ...list.map((m) => h('li', null,
      h('strong', null, m.subject), ' — ', m.to, ' — ', formatTimestamp(m.recordedAt), h('br'), h('span', { class: 'muted' }, m.reason ?? t('mail.outbox.never'))))),
    list.length ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', dataset: { testid: 'mail-retry' }, onclick: () => api.mailRetry(null).then(loadOutbox, (e) => replace(outbox, problem(e))) }, t('mail.outbox.retry'))) : null,
  ), (e) => replace(outbox, problem(e)));
  loadOutbox();

  return h('section', { class: 'card', 'aria-labelledby': 'settings-mail' },
    h('h2', { id: 'settings-mail', class: 'card-title' }, t('mail.settings.title')),
    h('p', null, t('mail.settings.text')),
    h('label', { class: 'field' }, t('mail.host'), ' ', host),
    h('label', { class: 'field' }, t('mail.port'), ' ', port),
    h('label', { class: 'field' }, t('mail.security'), ' ', security),
    h('label', { class: 'field' }, t('mail.user'), ' ', user),
    h('label', { class: 'field' }, t('mail.password'), ' ', password),
    h('label', { class: 'field' }, t('mail.fromAddress'), ' ', from),
    h('label', { class: 'field' }, t('mail.fromName'), ' ', name),
    h('p', { class: 'hint' }, t('mail.password.hint')),
    h('div', { class: 'actions' }, save), status,
    h('h3', null, t('mail.templates.title')), templates,
    h('h3', null, t('mail.outbox.title')), outbox);
}
