// The client list's state and queries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PAGE_SIZE,
  defaultListState,
  filterSearchResults,
  isSearching,
  moveFocus,
  toListQuery,
  toggleSort,
} from '../../ui/js/listQuery.js';

test('default query: first page of 50 by name, no archived', () => {
  assert.deepEqual(toListQuery(defaultListState()), {
    page: 1, pageSize: 50, sort: 'name', descending: false, status: null, includeArchived: false,
  });
  assert.equal(PAGE_SIZE, 50);
});

test('sorting toggles direction and resets the page', () => {
  let s = { ...defaultListState(), page: 4 };
  s = toggleSort(s, 'name');
  assert.deepEqual([s.sort, s.descending, s.page], ['name', true, 1]);
  s = toggleSort(s, 'city');
  assert.deepEqual([s.sort, s.descending], ['city', false]);
  s = toggleSort(s, 'updated');
  assert.deepEqual([s.sort, s.descending], ['updated', true]);
});

test('search mode and client-side filters on search results', () => {
  assert.equal(isSearching({ ...defaultListState(), text: '  ' }), false);
  assert.equal(isSearching({ ...defaultListState(), text: 'du' }), true);
  const items = /** @type {any[]} */ ([
    { id: 1, status: 'client', archived: false },
    { id: 2, status: 'prospect', archived: false },
    { id: 3, status: 'client', archived: true },
  ]);
  assert.deepEqual(filterSearchResults(items, defaultListState()).map((c) => c.id), [1, 2]);
  assert.deepEqual(filterSearchResults(items, { ...defaultListState(), status: 'client' }).map((c) => c.id), [1]);
  assert.deepEqual(filterSearchResults(items, { ...defaultListState(), status: 'client', includeArchived: true }).map((c) => c.id), [1, 3]);
});

test('arrow keys in the table', () => {
  assert.equal(moveFocus(0, 'ArrowDown', 3), 1);
  assert.equal(moveFocus(2, 'ArrowDown', 3), 2);
  assert.equal(moveFocus(1, 'ArrowUp', 3), 0);
  assert.equal(moveFocus(0, 'ArrowUp', 3), -1, 'up from the first row goes back to the search box');
  assert.equal(moveFocus(1, 'Home', 3), 0);
  assert.equal(moveFocus(0, 'End', 3), 2);
  assert.equal(moveFocus(0, 'ArrowDown', 0), -1);
});
