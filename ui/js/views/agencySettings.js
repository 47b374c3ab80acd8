// @ts-check
/**
 * Paramètres → Agence: the agency identity printed on every paper (name, address, ORIAS number,
 * professional association, phone, e-mail, logo, the footer's legal mentions). The form refuses
 * what it can before sending (`agencyInput.js`), each message next to its field; the backend
 * checks everything again and its refusal goes next to the field it names. Saving records a new
 * version (the journal has it). The logo is picked with the native file dialog or dropped on the
 * card (the path is read in Rust at saving).
 *
 * Test ids: `agency-card`, `agency-<field>` (name, address, orias, association, phone, email,
 * footer), `agency-logo-pick`, `agency-logo-remove`, `agency-logo-preview`, `agency-logo-status`,
 * `agency-save`, `agency-status`.
 */
import { h } from '../dom.js';
import { formatDate, formatPhone } from '../format.js';
import { t } from '../i18n/index.js';
import { clearError, errorLine, field, showErrors } from '../components/form.js';
import { toast } from '../components/toast.js';
import { onFileDrop } from '../api.js';
import { invalidField } from '../fieldError.js';
import { baseName } from '../documents.js';
import { AGENCY_FIELDS, agencyDraft, agencyProblems, formatOrias } from '../agencyInput.js';

/** @typedef {import('../api/printTypes.js').AgencyIdentity} AgencyIdentity */
/** @typedef {import('../agencyInput.js').AgencyField} AgencyField */

/** @type {Record<AgencyField, { label: string, hint?: string, multiline?: boolean, type?: string, autocomplete?: string }>} */
const FIELDS = {
  name: { label: 'agency.name', autocomplete: 'organization' },
  address: { label: 'agency.address', multiline: true },
  orias: { label: 'agency.orias', hint: 'agency.orias.hint' },
  association: { label: 'agency.association' },
  phone: { label: 'agency.phone', type: 'tel' },
  email: { label: 'agency.email', type: 'email' },
  footer: { label: 'agency.footer', hint: 'agency.footer.hint', multiline: true },
};

/** @param {number} bytes */
function kilobytes(bytes) {
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('fr-FR')} Ko`;
}

/**
 * The card of Paramètres → Agence.
 * @param {import('../api.js').Api} api
 * @returns {{ el: HTMLElement, stop: () => void }}
 */
export function agencySettingsCard(api) {
  /** @type {Record<string, HTMLInputElement | HTMLTextAreaElement>} */
  const controls = {};
  for (const f of AGENCY_FIELDS) {
    const spec = FIELDS[f];
    controls[f] = spec.multiline
      ? h('textarea', { rows: 3, class: 'input', dataset: { testid: `agency-${f}` } })
      : h('input', { type: spec.type ?? 'text', class: 'input', autocomplete: spec.autocomplete ?? 'off', dataset: { testid: `agency-${f}` } });
  }
  controls.name.required = true;
  const summary = errorLine();
  const status = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'agency-status' } });
  const preview = h('img', { class: 'agency-logo', alt: t('agency.logo.alt'), hidden: true, dataset: { testid: 'agency-logo-preview' } });
  const logoStatus = h('p', { class: 'muted', role: 'status', 'aria-live': 'polite', dataset: { testid: 'agency-logo-status' } });
  const pick = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'agency-logo-pick' } }, t('agency.logo.pick'));
  const remove = h('button', { type: 'button', class: 'btn btn-small', dataset: { testid: 'agency-logo-remove' } }, t('agency.logo.remove'));
  const logoBox = h('div', { class: 'field agency-logo-field' },
    h('span', { class: 'field-label', id: 'agency-logo-label' }, t('agency.logo')),
    preview, logoStatus,
    h('div', { class: 'actions' }, pick, remove),
    h('p', { class: 'hint' }, t('agency.logo.hint')));
  const save = h('button', { type: 'button', class: 'btn btn-primary', dataset: { testid: 'agency-save' } }, t('agency.save'));

  /** @type {string | null} */
  let logoPath = null;
  let removeLogo = false;
  /** @type {AgencyIdentity | null} */
  let current = null;
  /** @type {string | null} */
  let previewUrl = null;

  const setPreview = (/** @type {Blob | null} */ blob) => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = blob ? URL.createObjectURL(blob) : null;
    preview.hidden = !previewUrl;
    if (previewUrl) preview.src = previewUrl;
    else preview.removeAttribute('src');
  };

  const showLogo = () => {
    if (logoPath) {
      logoStatus.textContent = t('agency.logo.picked', { name: baseName(logoPath) });
    } else if (removeLogo) {
      logoStatus.textContent = t('agency.logo.removed');
      setPreview(null);
    } else if (current?.logoFormat) {
      logoStatus.textContent = t('agency.logo.kept', { format: current.logoFormat.toUpperCase(), size: kilobytes(current.logoSize ?? 0) });
    } else {
      logoStatus.textContent = t('agency.logo.none');
    }
    remove.disabled = !logoPath && (removeLogo || !current?.logoFormat);
  };

  /** @param {AgencyIdentity} a */
  const show = (a) => {
    current = a;
    // Shown as typed on letters: the ORIAS number in groups, a French phone number in pairs.
    for (const f of AGENCY_FIELDS) controls[f].value = f === 'orias' ? formatOrias(a.orias) : f === 'phone' ? formatPhone(a.phone) : (a[f] ?? '');
    logoPath = null;
    removeLogo = false;
    status.textContent = a.versions === 0 || !a.recordedAt
      ? t('agency.never')
      : t('agency.recorded', { n: a.versions, date: formatDate(a.recordedAt.slice(0, 10)) });
    showLogo();
    if (a.logoFormat) {
      api.agencyLogo().then((buf) => {
        if (buf.byteLength > 0) setPreview(new Blob([buf], { type: a.logoFormat === 'png' ? 'image/png' : 'image/jpeg' }));
      }, () => {});
    } else {
      setPreview(null);
    }
  };

  const load = () => api.agencyIdentityGet().then(show, (e) => { status.textContent = e.message; });

  /** @param {string} path */
  const takeLogo = (path) => {
    logoPath = path;
    removeLogo = false;
    setPreview(null);
    showLogo();
  };
  pick.addEventListener('click', async () => {
    try {
      const path = await api.pickImage(t('agency.logo.pickTitle'));
      if (path) takeLogo(path);
    } catch (e) {
      logoStatus.textContent = /** @type {{ message: string }} */ (e).message;
    }
  });
  remove.addEventListener('click', () => {
    logoPath = null;
    removeLogo = true;
    showLogo();
  });

  const values = () => {
    /** @type {import('../agencyInput.js').AgencyValues} */
    const v = { logoPath, removeLogo, name: '', address: '', orias: '', association: '', phone: '', email: '', footer: '' };
    for (const f of AGENCY_FIELDS) v[f] = controls[f].value;
    return v;
  };

  save.addEventListener('click', async () => {
    clearError(el, summary);
    const v = values();
    const problems = agencyProblems(v);
    if (problems.length > 0) {
      showErrors(summary, problems.map((p) => ({ message: t(p.key), control: controls[p.field] })));
      return;
    }
    save.disabled = true;
    try {
      const a = await api.agencyIdentitySet(agencyDraft(v));
      show(a);
      toast(t('agency.saved', { n: a.versions }));
    } catch (e) {
      const err = /** @type {{ code: string, message: string }} */ (e);
      const f = invalidField(err.code)?.name;
      const control = f && f in controls ? controls[f] : f === 'logo' ? pick : null;
      showErrors(summary, [{ message: err.message, control }]);
    } finally {
      save.disabled = false;
    }
  });

  const el = h('section', { class: 'card card-wide agency-card', 'aria-labelledby': 'settings-agency', dataset: { testid: 'agency-card' } },
    h('h2', { id: 'settings-agency', class: 'card-title' }, t('agency.title')),
    h('p', null, t('agency.text')),
    summary,
    h('div', { class: 'agency-form' },
      ...AGENCY_FIELDS.map((f) => field(t(FIELDS[f].label), controls[f], FIELDS[f].hint ? { hint: t(FIELDS[f].hint ?? '') } : {})),
      logoBox),
    h('div', { class: 'actions' }, save),
    status);
  // An image dropped on the window while this card shows becomes the logo picked.
  const stop = onFileDrop((paths) => { if (el.isConnected && paths[0]) takeLogo(paths[0]); });
  load();
  return { el, stop: () => { stop(); setPreview(null); } };
}
