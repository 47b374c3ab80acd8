// @ts-check
/** Entry point: the start-up flow first, then the main layout; the real backend (`api`) is wired here. */
import { api, guardWindowClose, setWindowZoom } from './api.js';
import { closingWouldLoseChanges, releaseLeaveGuard } from './leaveGuard.js';
import { confirmDialog } from './components/dialog.js';
import { mountStartup } from './views/startup.js';
import { mountShell } from './views/shell.js';
import { href } from './router.js';
import { t } from './i18n/index.js';
import { installZoom, zoomPercent } from './zoom.js';
import { toast } from './components/toast.js';

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
document.documentElement.lang = 'fr';

function start() {
  root.setAttribute('aria-busy', 'false');
  const stopStartup = mountStartup(root, {
    onReady: (opened, { demoLoaded }) => {
      stopStartup();
      // replaceState: no hashchange event, so the router mounts the first view only once.
      if (demoLoaded || opened.created || !window.location.hash) window.history.replaceState(null, '', href('clients'));
      mountShell(root, { storage: opened.storage, damage: opened.damage, verifying: opened.verifying }, api);
    },
  }, api);
}

/** Closing the window with something typed and not saved: asked first, as leaving a page is. */
let askingToClose = false;
guardWindowClose(async () => {
  if (!closingWouldLoseChanges()) return true;
  if (askingToClose) return false;
  askingToClose = true;
  try {
    const sure = await confirmDialog({
      title: t('common.close.title'),
      message: t('common.close.message'),
      confirmLabel: t('common.close.confirm'),
      cancelLabel: t('common.discard.keep'),
      danger: true,
      testid: 'close-dialog',
    });
    if (sure) releaseLeaveGuard();
    return sure;
  } finally {
    askingToClose = false;
  }
});

/** Ctrl + « + » / « − » / « 0 »: the page's zoom, kept for the next start (`zoom.js`). */
let storage = null;
try { storage = window.localStorage; } catch { /* no storage: the level lasts for the window's life */ }
installZoom({ apply: (level) => setWindowZoom(level), storage, changed: (level) => toast(t('zoom.level', { level: zoomPercent(level) })) });

window.addEventListener('error', (e) => console.error(t('error.unexpected'), e.error ?? e.message));
start();
