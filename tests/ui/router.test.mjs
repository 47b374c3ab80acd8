// Hash router parsing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { href, parseHash, sectionOf } from '../../ui/js/router.js';

test('known routes', () => {
  assert.deepEqual(parseHash('#/clients'), { name: 'clients', params: {}, query: {}, path: '/clients' });
  assert.equal(parseHash('#/clients/new').name, 'client-new');
  assert.deepEqual(parseHash('#/clients/42').params, { id: '42' });
  assert.equal(parseHash('#/clients/42').name, 'client');
  assert.equal(parseHash('#/clients/42/edit').name, 'client-edit');
  assert.deepEqual(parseHash('#/clients/42/edit').params, { id: '42' });
  for (const n of ['calendar', 'claims', 'reports', 'settings']) assert.equal(parseHash(`#/${n}`).name, n);
});

test('empty hash and trailing slashes go to the list', () => {
  assert.equal(parseHash('').name, 'clients');
  assert.equal(parseHash('#').name, 'clients');
  assert.equal(parseHash('#/').name, 'clients');
  assert.equal(parseHash('#/clients/').name, 'clients');
  assert.equal(parseHash('#/clients/42/').name, 'client');
});

test('query strings are parsed apart', () => {
  const r = parseHash('#/clients?q=dupont&page=2');
  assert.equal(r.name, 'clients');
  assert.deepEqual(r.query, { q: 'dupont', page: '2' });
});

test('ids must be positive integers', () => {
  for (const h of ['#/clients/abc', '#/clients/0', '#/clients/-1', '#/clients/1.5', '#/clients/42/delete', '#/nope', '#/clients/%E0%A4%A']) {
    assert.equal(parseHash(h).name, 'not-found', h);
  }
});

test('href builds the hash back', () => {
  assert.equal(href('clients'), '#/clients');
  assert.equal(href('client', { id: 7 }), '#/clients/7');
  assert.equal(href('client-edit', { id: 7 }), '#/clients/7/edit');
  assert.equal(href('client-new'), '#/clients/new');
  assert.equal(parseHash(href('client-edit', { id: 12 })).params.id, '12');
});

test('sidebar section of each route', () => {
  assert.equal(sectionOf('client-edit'), 'clients');
  assert.equal(sectionOf('client-new'), 'clients');
  assert.equal(sectionOf('settings'), 'settings');
  assert.equal(sectionOf('not-found'), null);
});

test('the claim page: #/claims/:id, under the Sinistres section', () => {
  assert.deepEqual(parseHash('#/claims/12'), { name: 'claim', params: { id: '12' }, query: {}, path: '/claims/12' });
  assert.equal(parseHash('#/claims').name, 'claims');
  assert.equal(parseHash('#/claims/').name, 'claims');
  assert.equal(parseHash('#/claims/0').name, 'not-found');
  assert.equal(parseHash('#/claims/abc').name, 'not-found');
  assert.equal(parseHash('#/claims/12/edit').name, 'not-found');
  assert.equal(href('claim', { id: 12 }), '#/claims/12');
  assert.equal(parseHash(href('claim', { id: 5 })).params.id, '5');
  assert.equal(sectionOf('claim'), 'claims');
  assert.equal(sectionOf('claims'), 'claims');
  assert.equal(sectionOf('contract'), 'clients');
});

test('the insurers page: #/insurers, under the Paramètres section', () => {
  assert.deepEqual(parseHash('#/insurers'), { name: 'insurers', params: {}, query: {}, path: '/insurers' });
  assert.equal(parseHash('#/insurers/').name, 'insurers');
  assert.equal(parseHash('#/insurers/3').name, 'not-found');
  assert.equal(href('insurers'), '#/insurers');
  assert.equal(sectionOf('insurers'), 'settings');
});
