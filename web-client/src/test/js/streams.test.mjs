// The names of streams, as the server writes them: the prefixes come from contract.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { tableStream, sessionStream, parseStream, tableOf } from '../../main/resources/tingsted-web/js/streams.js';
import { Store } from '../../main/resources/tingsted-web/js/store.js';

test('a table and a session day have the names the server gives them', () => {
  assert.equal(tableStream('t4'), 'table:t4');
  assert.equal(sessionStream('s1'), 'session:s1');
  assert.deepEqual(parseStream('table:t4'), { kind: 'table', id: 't4' });
  assert.deepEqual(parseStream('session:s1'), { kind: 'session', id: 's1' });
  assert.deepEqual(parseStream('table:a:b'), { kind: 'table', id: 'a:b' });
  assert.equal(tableOf('table:t4'), 't4');
  assert.equal(tableOf('session:s1'), null);
});

test('a name of no known kind, or without an id, names no stream', () => {
  for (const name of [undefined, null, '', 'table:', 'session:', 't4', 'Table:t4', 'plenary:s1']) {
    assert.equal(parseStream(name), null, String(name));
  }
});

test('the store keeps a table whose id holds a colon under its whole id', () => {
  const store = new Store();
  assert.equal(store.apply({ type: 'event', stream: 'table:a:b', seq: 1, at: 1, by: 'm1', kind: 'proposed',
    data: { proposal: 'p1', author: 'm1', title: 'T', text: 'x' } }), true);
  assert.equal(store.table('table:a:b').table, 'a:b');
  assert.equal(store.apply({ type: 'event', stream: 'board:t1', seq: 1, at: 1, by: 'm1', kind: 'proposed', data: {} }), false);
});
