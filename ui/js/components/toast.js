// @ts-check
/** Short confirmations ("Client archivé.") read by screen readers through a live region. */

/** @type {HTMLElement | null} */
let region = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;

/**
 * Shows a message for a few seconds.
 * @param {string} message
 */
export function toast(message) {
  if (!region || !region.isConnected) {
    region = document.createElement('div');
    region.className = 'toast';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.dataset.testid = 'toast';
    document.body.append(region);
  }
  region.textContent = message;
  region.classList.add('toast-visible');
  clearTimeout(timer);
  timer = setTimeout(() => region?.classList.remove('toast-visible'), 4000);
}

/**
 * Takes the message down at once: a toast belongs to the page that raised it, and the shell
 * calls this on every navigation.
 */
export function clearToast() {
  clearTimeout(timer);
  if (region) {
    region.classList.remove('toast-visible');
    region.textContent = '';
  }
}
