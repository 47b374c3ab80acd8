import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ZOOM_LEVELS, storedZoom, zoomCommand, zoomPercent, zoomStep } from '../../ui/js/zoom.js';
import { setWindowZoom } from '../../ui/js/api.js';

const key = (k, extra = {}) => ({ ctrlKey: true, key: k, ...extra });

test('Ctrl with « + », « = », the keypad « + »: in; « - »: out; « 0 »: back to 100 %', () => {
  assert.equal(zoomCommand(key('+')), 'in');
  assert.equal(zoomCommand(key('=')), 'in');
  assert.equal(zoomCommand(key('+', { code: 'NumpadAdd' })), 'in');
  assert.equal(zoomCommand(key('-')), 'out');
  assert.equal(zoomCommand(key('-', { code: 'NumpadSubtract' })), 'out');
  assert.equal(zoomCommand(key('0')), 'reset');
  // The AZERTY key « à 0 » without Shift gives « à »: its code is still Digit0.
  assert.equal(zoomCommand(key('à', { code: 'Digit0' })), 'reset');
  assert.equal(zoomCommand({ ctrlKey: false, metaKey: true, key: '+' }), 'in');
});

test('other keys, no Ctrl, or AltGr (Ctrl+Alt) are not the zoom', () => {
  assert.equal(zoomCommand({ ctrlKey: false, key: '+' }), null);
  assert.equal(zoomCommand(key('+', { altKey: true })), null);
  assert.equal(zoomCommand(key('s')), null);
  assert.equal(zoomCommand(key('1', { code: 'Digit1' })), null);
});

test('steps: 100 % → 200 % in five presses, back in five, the ends kept', () => {
  let l = 1;
  const seen = [];
  for (let i = 0; i < 5; i++) seen.push((l = zoomStep(l, 'in')));
  assert.deepEqual(seen, [1.1, 1.25, 1.5, 1.75, 2]);
  for (let i = 0; i < 5; i++) l = zoomStep(l, 'out');
  assert.equal(l, 1);
  assert.equal(zoomStep(3, 'in'), 3);
  assert.equal(zoomStep(0.5, 'out'), 0.5);
  assert.equal(zoomStep(1.3, 'in'), 1.5);
  assert.equal(zoomStep(1.3, 'out'), 1.25);
  assert.equal(zoomStep(2.5, 'reset'), 1);
  assert.ok(ZOOM_LEVELS.includes(2));
});

test('a stored level is read back only when it is one the keys can reach', () => {
  assert.equal(storedZoom('2'), 2);
  assert.equal(storedZoom('1.25'), 1.25);
  assert.equal(storedZoom(null), 1);
  assert.equal(storedZoom('abc'), 1);
  assert.equal(storedZoom('40'), 1);
  assert.equal(storedZoom('0.1'), 1);
});

test('the level said in French', () => {
  assert.equal(zoomPercent(2), '200\u202f%');
  assert.equal(zoomPercent(1.25), '125\u202f%');
});

test('setWindowZoom: through the current webview; false without one or when refused', async () => {
  const calls = [];
  const tauri = { webview: { getCurrentWebview: () => ({ setZoom: async (v) => { calls.push(v); } }) } };
  assert.equal(await setWindowZoom(2, tauri), true);
  assert.deepEqual(calls, [2]);
  assert.equal(await setWindowZoom(2, {}), false);
  const refusing = { webview: { getCurrentWebview: () => ({ setZoom: async () => { throw new Error('not allowed'); } }) } };
  assert.equal(await setWindowZoom(2, refusing), false);
});
