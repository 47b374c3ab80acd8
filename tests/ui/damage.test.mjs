// What the window says about the verification of the agency file's pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { damageNotice } from '../../ui/js/damage.js';

test('a sound file says nothing, a large one is being verified, a damaged one is read-only', () => {
  assert.deepEqual(damageNotice({ damage: null, verifying: false }), { kind: 'none' });
  const v = damageNotice({ damage: null, verifying: true });
  assert.equal(v.kind, 'verifying');
  assert.match(v.kind === 'verifying' ? v.text : '', /Vérification du fichier d’agence en cours/);
  const d = damageNotice({ damage: 'une de ses 59 488 pages ne se déchiffre plus', verifying: false });
  assert.equal(d.kind, 'damaged');
  if (d.kind !== 'damaged') return;
  assert.match(d.title, /endommagé : lecture seule/);
  assert.match(d.detail, /vérification à l’ouverture : une de ses 59 488 pages ne se déchiffre plus\./);
  assert.match(d.restore, /remplacez agence\.courtier .* par votre dernière sauvegarde/);
  // A damage found by the background verification wins over « en cours ».
  assert.equal(damageNotice({ damage: 'x', verifying: true }).kind, 'damaged');
});
