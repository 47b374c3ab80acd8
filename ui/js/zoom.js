// @ts-check
/**
 * The page's zoom, as a broker sets it: Ctrl + « + » (or « = », the keypad's « + ») zooms in,
 * Ctrl + « − » zooms out, Ctrl + « 0 » goes back to 100 %. The steps are a browser's (… 90 %,
 * 100 %, 110 %, 125 %, 150 %, 175 %, 200 % …), from 50 % to 300 %. The level is kept by the
 * window (its local storage) and set again at the next start.
 *
 * The zoom is WebKit's own (`api.js`'s `setWindowZoom`, Tauri's `set_zoom`): the page lays out in
 * fewer CSS pixels (a 1280×800 window at 200 % lays out in 640×400) and `ui/css/fit.css` keeps
 * every page inside it. Tauri's own zoom keys (`zoomHotkeysEnabled`) are left off: they do not keep
 * the level and step by 20 %.
 *
 * `zoomCommand` and `zoomStep` are pure (tested by Node); `installZoom` wires them to the window.
 */

/** The levels the keys step through. */
export const ZOOM_LEVELS = [0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];

/** Where the window keeps its level. */
export const ZOOM_STORAGE_KEY = 'courtier.zoom';

/**
 * What a key press asks of the zoom, or null. Ctrl (or ⌘) with « + » / « = » / keypad « + »:
 * `in`; « - » / keypad « − »: `out`; « 0 » (also the AZERTY key « à 0 » and keypad 0): `reset`.
 * Alt with it is something else (AltGr on a French keyboard is Ctrl+Alt).
 * @param {{ ctrlKey: boolean, metaKey?: boolean, altKey?: boolean, key: string, code?: string }} e
 * @returns {'in' | 'out' | 'reset' | null}
 */
export function zoomCommand(e) {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  if (e.key === '+' || e.key === '=' || e.code === 'NumpadAdd') return 'in';
  if (e.key === '-' || e.code === 'NumpadSubtract') return 'out';
  if (e.key === '0' || e.code === 'Digit0' || e.code === 'Numpad0') return 'reset';
  return null;
}

/**
 * The level after a command: the next step up or down from `level` (a level between two steps
 * goes to the nearer one in that direction), 1 for `reset`; the ends are kept.
 * @param {number} level
 * @param {'in' | 'out' | 'reset'} command
 */
export function zoomStep(level, command) {
  if (command === 'reset') return 1;
  const eps = 1e-6;
  if (command === 'in') return ZOOM_LEVELS.find((l) => l > level + eps) ?? ZOOM_LEVELS[ZOOM_LEVELS.length - 1];
  return [...ZOOM_LEVELS].reverse().find((l) => l < level - eps) ?? ZOOM_LEVELS[0];
}

/**
 * A stored level read back: a number within the steps' range, else 1.
 * @param {string | null | undefined} stored
 */
export function storedZoom(stored) {
  const n = Number(stored);
  return Number.isFinite(n) && n >= ZOOM_LEVELS[0] && n <= ZOOM_LEVELS[ZOOM_LEVELS.length - 1] ? n : 1;
}

/** `2` → « 200 % » (with the French narrow no-break space before %). */
export function zoomPercent(/** @type {number} */ level) {
  return `${Math.round(level * 100)}\u202f%`;
}

/**
 * Sets the stored level at start and listens to the keys. `apply(level)` sets the webview's zoom
 * (false when it could not, e.g. no backend); `changed(level)` tells the broker (a toast).
 * The level in force is on `<html data-zoom>` (what the end-to-end tests read).
 * @param {{ apply: (level: number) => Promise<boolean>, storage?: Storage | null, changed?: (level: number) => void, target?: Window }} o
 * @returns {() => void} stops listening
 */
export function installZoom(o) {
  const storage = o.storage ?? null;
  const target = o.target ?? window;
  let level = storedZoom(safeGet(storage));
  const mark = () => { document.documentElement.dataset.zoom = String(level); };
  if (level !== 1) o.apply(level).then((ok) => { if (!ok) level = 1; mark(); }, () => {});
  else mark();
  /** @param {KeyboardEvent} e */
  const onKey = (e) => {
    const command = zoomCommand(e);
    if (!command) return;
    e.preventDefault();
    const next = zoomStep(level, command);
    if (next === level) return;
    o.apply(next).then((ok) => {
      if (!ok) return;
      level = next;
      mark();
      try { storage?.setItem(ZOOM_STORAGE_KEY, String(level)); } catch { /* storage full or off: the level lasts for the window's life */ }
      o.changed?.(level);
    }, () => {});
  };
  target.addEventListener('keydown', onKey, true);
  return () => target.removeEventListener('keydown', onKey, true);
}

/** @param {Storage | null} storage */
function safeGet(storage) {
  try {
    return storage?.getItem(ZOOM_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
