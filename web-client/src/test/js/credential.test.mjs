// Entering with a join link: the link is exchanged once for a session credential, leaves the
// address, and the session is kept in the tab; refusals are told by their reason. And the
// client tells a revoked (4410) or expired (4440) credential apart and does not retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { enter, problemKey, SESSION_KEY } from '../../main/resources/tingsted-web/js/credential.js';
import { TingstedClient } from '../../main/resources/tingsted-web/js/client.js';

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
}

/** A page at `url`, with a history that records replaceState. */
function page(url) {
  const u = new URL(url);
  const loc = { hash: u.hash, pathname: u.pathname, search: u.search };
  globalThis.location = /** @type {any} */ (loc);
  const replaced = [];
  globalThis.history = /** @type {any} */ ({
    state: null,
    replaceState: (state, title, to) => { replaced.push(to); loc.hash = ''; },
  });
  return replaced;
}

const held = { session: 'v1.0.c2Vzc2lvbg.sig', expires: Date.now() + 3600_000, assembly: 'a1', member: 'm7', role: 'member' };

test('a link in the address is exchanged once, then leaves the address; the session is kept', async () => {
  const replaced = page('http://x/join?device=remote#v1.0.bGluaw.mac');
  const storage = memoryStorage();
  const calls = [];
  const fetchImpl = async (url, init) => { calls.push({ url, init }); return { ok: true, status: 200, json: async () => held }; };
  const entered = await enter({ fetchImpl, storage });
  assert.deepEqual(entered.held, held);
  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, '/session');
  assert.equal(calls[0].init.method, 'POST');
  assert.deepEqual(JSON.parse(calls[0].init.body), { link: 'v1.0.bGluaw.mac' });
  assert.deepEqual(replaced, ['/join?device=remote']);
  assert.deepEqual(JSON.parse(storage.getItem(SESSION_KEY)), held);

  // A reload: nothing in the address, the kept session, no exchange.
  const again = await enter({ fetchImpl, storage });
  assert.deepEqual(again.held, held);
  assert.equal(calls.length, 1);
});

test('a revoked or refused link is told by its reason, leaves the address and forgets the kept session', async () => {
  for (const [reason, problem] of [['revoked', 'revoked'], ['tampered', 'invalid'], ['wrong_kind', 'invalid']]) {
    const replaced = page('http://x/join#v1.0.bGluaw.mac');
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, JSON.stringify(held));
    const fetchImpl = async () => ({ ok: false, status: 401, json: async () => ({ code: 'unauthorized', reason }) });
    const entered = await enter({ fetchImpl, storage });
    assert.equal(entered.problem, problem, reason);
    assert.equal(replaced.length, 1);
    assert.equal(storage.getItem(SESSION_KEY), null);
  }
  assert.equal(problemKey('revoked'), 'join.revoked');
  assert.equal(problemKey('expired'), 'join.expired');
});

test('no server: the link stays in the address to try again; an expired kept session, or none, is said', async () => {
  const replaced = page('http://x/join#v1.0.bGluaw.mac');
  const storage = memoryStorage();
  const entered = await enter({ fetchImpl: async () => { throw new TypeError('offline'); }, storage });
  assert.equal(entered.problem, 'offline');
  assert.equal(replaced.length, 0);

  page('http://x/join');
  storage.setItem(SESSION_KEY, JSON.stringify({ ...held, expires: 1000 }));
  assert.equal((await enter({ storage, now: 2000 })).problem, 'expired');
  assert.equal(storage.getItem(SESSION_KEY), null);
  assert.equal((await enter({ storage })).problem, 'none');
  // A place in the console's page is no link.
  page('http://x/console.html#move');
  assert.equal((await enter({ storage, fetchImpl: async () => assert.fail('no exchange') })).problem, 'none');
});

class FakeSocket {
  static all = [];
  constructor() { this.sent = []; FakeSocket.all.push(this); }
  send(data) { this.sent.push(JSON.parse(data)); }
  close() {}
  open() { this.onopen?.({}); }
  receive(msg) { this.onmessage?.({ data: JSON.stringify(msg) }); }
  drop(code) { this.onclose?.({ code }); }
}

test('4410 and 4440 stop the client with their reason, also after the error to hello; resume is kept per member', async () => {
  for (const [code, reason] of [[4410, 'revoked'], [4440, 'expired']]) {
    FakeSocket.all = [];
    const client = new TingstedClient({ token: 'session', member: 'a1.m7', url: 'ws://x/ws', storage: memoryStorage(),
      WebSocketImpl: FakeSocket, clockSamples: 0 });
    const told = [];
    client.addEventListener('unauthorized', (e) => told.push(/** @type {CustomEvent} */ (e).detail.reason));
    client.connect();
    const ws = FakeSocket.all[0];
    ws.open();
    assert.equal(ws.sent[0].token, 'session');
    ws.receive({ type: 'error', id: ws.sent[0].id, code: 'unauthorized', message: 'no' });
    ws.drop(code);
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(told, [undefined, reason]);
    assert.equal(client.refusal, reason);
    assert.equal(FakeSocket.all.length, 1, 'no retry');
  }
  const a = new TingstedClient({ token: 'one session', member: 'a1.m7', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket });
  const b = new TingstedClient({ token: 'another session', member: 'a1.m7', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket });
  assert.equal(a.resumeKey, b.resumeKey);
});
