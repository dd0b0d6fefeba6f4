// The client against a fake WebSocket: hello with resume, seq order, the persistent outbox
// resent with the same ids after a reconnect, acks and errors, unauthorized, clock offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  TingstedClient, seqAction, clockSample, backoffDelay, validateCommand, codePointLength, buildCommand,
} from '../../main/resources/tingsted-web/js/client.js';
import { Store, formatCountdown, remainingMillis, tablePhase, timersAt } from '../../main/resources/tingsted-web/js/store.js';

class FakeSocket {
  /** @type {FakeSocket[]} */
  static all = [];
  constructor(url, protocol) {
    this.url = url;
    this.protocol = protocol;
    /** @type {any[]} */
    this.sent = [];
    this.closed = false;
    FakeSocket.all.push(this);
  }
  send(data) { this.sent.push(JSON.parse(data)); }
  close() { this.closed = true; }
  open() { this.onopen?.({}); }
  receive(msg) { this.onmessage?.({ data: JSON.stringify(msg) }); }
  drop(code = 1006) { this.onclose?.({ code }); }
  static last() { return FakeSocket.all[FakeSocket.all.length - 1]; }
}

function memoryStorage() {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)), removeItem: (k) => m.delete(k) };
}

const welcome = (id) => ({
  type: 'welcome', id, protocol: 1, serverTime: Date.now(), member: { id: 'm3', name: 'Sofie', role: 'member' },
  assembly: 'a1', session: 's1', table: 't4', streams: { 'table:t4': 0, 'session:s1': 0 },
});

/** Opens a connection and answers hello; returns the socket. */
function join(client) {
  client.connect();
  const ws = FakeSocket.last();
  ws.open();
  const hello = ws.sent[0];
  ws.receive(welcome(hello.id));
  return ws;
}

const wait = (ms) => new Promise((r) => setTimeout(r, ms));

test('pure helpers', () => {
  assert.equal(seqAction(undefined, 1), 'apply');
  assert.equal(seqAction(4, 5), 'apply');
  assert.equal(seqAction(5, 5), 'skip');
  assert.equal(seqAction(5, 7), 'gap');
  assert.deepEqual(clockSample(1000, 1550, 1100), { rtt: 100, offset: 500 });
  assert.equal(backoffDelay(0), 10);
  assert.equal(backoffDelay(3), 80);
  assert.equal(backoffDelay(30), 5000);
  assert.equal(codePointLength('😀æ'), 2);
  assert.equal(validateCommand('propose', { title: '  ', text: 'x' })?.code, 'invalid');
  assert.equal(validateCommand('propose', { title: 'x'.repeat(121), text: 'x' })?.code, 'too_large');
  assert.equal(validateCommand('propose', { title: '😀'.repeat(120), text: 'x' }), null);
  assert.equal(validateCommand('edit', { proposal: 'p1', version: 1 })?.code, 'invalid');
  assert.deepEqual(buildCommand('raiseHand', 'x1', { table: undefined }), { type: 'raiseHand', id: 'x1' });
  assert.equal(formatCountdown(61001), '01:02');
  assert.equal(formatCountdown(-5), '00:00');
  assert.equal(remainingMillis({ status: 'paused', remainingMillis: 3000 }, 1e12), 3000);
  assert.equal(remainingMillis({ status: 'running', deadline: 1000 }, 400), 600);
});

test('hello, welcome, events in order, gap reconnects with resume', async () => {
  FakeSocket.all = [];
  const client = new TingstedClient({ token: 'tok', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket, clockSamples: 0 });
  const states = [];
  client.addEventListener('state', (e) => states.push(e.detail.state));
  const events = [];
  client.addEventListener('event', (e) => events.push(e.detail.seq));
  const ws = join(client);
  assert.equal(ws.protocol, 'tingsted.v1');
  assert.equal(ws.sent[0].type, 'hello');
  assert.equal(ws.sent[0].token, 'tok');
  assert.equal(ws.sent[0].device, 'room');
  assert.equal(ws.sent[0].resume, undefined);
  assert.equal(client.state, 'online');
  assert.equal(client.me.name, 'Sofie');
  assert.equal(client.table, 't4');
  ws.receive({ type: 'snapshot', stream: 'table:t4', seq: 3, state: { table: 't4' } });
  ws.receive({ type: 'event', stream: 'table:t4', seq: 4, at: 1, by: 'm3', kind: 'handRaised', data: { member: 'm3' } });
  ws.receive({ type: 'event', stream: 'table:t4', seq: 4, at: 1, by: 'm3', kind: 'handRaised', data: { member: 'm3' } });
  assert.deepEqual(events, [4]);
  ws.receive({ type: 'event', stream: 'table:t4', seq: 6, at: 1, by: 'm3', kind: 'handRaised', data: { member: 'm3' } });
  assert.deepEqual(events, [4]);
  const ws2 = FakeSocket.last();
  assert.notEqual(ws2, ws);
  ws2.open();
  assert.deepEqual(ws2.sent[0].resume, { 'table:t4': 4 });
  assert.deepEqual(states.slice(0, 2), ['connecting', 'online']);
  client.close();
});

test('the outbox keeps commands while offline and resends them once, with the same ids', async () => {
  FakeSocket.all = [];
  const storage = memoryStorage();
  const client = new TingstedClient({ token: 'tok2', url: 'ws://x/ws', storage, WebSocketImpl: FakeSocket, clockSamples: 0 });
  const p1 = client.send('propose', { title: 'Green', text: 'Trees' });
  const p2 = client.send('raiseHand', {});
  assert.equal(client.pending().length, 2);
  assert.equal(FakeSocket.all.length, 0);
  // A reload before reconnecting: a new client on the same storage finds the outbox.
  const again = new TingstedClient({ token: 'tok2', url: 'ws://x/ws', storage, WebSocketImpl: FakeSocket, clockSamples: 0 });
  assert.deepEqual(again.pending().map((o) => o.type), ['propose', 'raiseHand']);

  const ws = join(client);
  const sent = ws.sent.slice(1);
  assert.deepEqual(sent.map((m) => m.type), ['propose', 'raiseHand']);
  assert.deepEqual(sent[0], { type: 'propose', id: sent[0].id, title: 'Green', text: 'Trees' });
  // The connection drops before the replies: the same ids go again, once.
  ws.drop();
  assert.equal(client.state, 'offline');
  await wait(30);
  const ws2 = FakeSocket.last();
  ws2.open();
  ws2.receive(welcome(ws2.sent[0].id));
  const resent = ws2.sent.slice(1);
  assert.deepEqual(resent.map((m) => m.id), sent.map((m) => m.id));
  ws2.receive({ type: 'ack', id: sent[0].id, stream: 'table:t4', seq: 1 });
  ws2.receive({ type: 'error', id: sent[1].id, code: 'conflict', message: 'hand is raised' });
  assert.deepEqual(await p1, { type: 'ack', id: sent[0].id, stream: 'table:t4', seq: 1 });
  await assert.rejects(p2, (e) => e.code === 'conflict');
  assert.equal(client.pending().length, 0);
  assert.equal(JSON.parse(storage.getItem(client.outboxKey)).length, 0);
  client.close();
});

test('a command sent online is sent at once and not again on the same connection', () => {
  FakeSocket.all = [];
  const client = new TingstedClient({ token: 'tok3', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket, clockSamples: 0 });
  const ws = join(client);
  client.send('moveToCluster', { proposal: 'p1', cluster: '' });
  client.send('comment', { proposal: 'p1', kind: 'question', text: 'Why?' });
  assert.deepEqual(ws.sent.slice(1).map((m) => [m.type, m.cluster]), [['moveToCluster', null], ['comment', undefined]]);
  assert.equal(ws.sent.length, 3);
  client.close();
});

test('an unauthorized token stops the client: no retry', async () => {
  FakeSocket.all = [];
  const client = new TingstedClient({ token: 'bad', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket, clockSamples: 0 });
  let refused = 0;
  client.addEventListener('unauthorized', () => { refused += 1; });
  client.connect();
  const ws = FakeSocket.last();
  ws.open();
  ws.receive({ type: 'error', id: ws.sent[0].id, code: 'unauthorized', message: 'bad token' });
  ws.drop(4401);
  await wait(50);
  assert.equal(refused, 1);
  assert.equal(client.unauthorized, true);
  assert.equal(client.state, 'offline');
  assert.equal(FakeSocket.all.length, 1);
});

test('a connection replaced by a newer one of the same person (4409) waits to be asked, then resumes', async () => {
  FakeSocket.all = [];
  const client = new TingstedClient({ token: 'tok9', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket, clockSamples: 0 });
  const ws = join(client);
  ws.drop(4409);
  await wait(1200);
  assert.equal(client.state, 'replaced');
  assert.equal(FakeSocket.all.length, 1, 'no reconnect by itself: it would close another screen');
  client.reconnect();
  assert.equal(FakeSocket.all.length, 2);
  assert.notEqual(client.state, 'replaced');
  client.close();
});

test('clock replies set the offset from the shortest round trip', () => {
  FakeSocket.all = [];
  const client = new TingstedClient({ token: 'tok4', url: 'ws://x/ws', storage: memoryStorage(), WebSocketImpl: FakeSocket, clockSamples: 0 });
  const ws = join(client);
  const now = Math.round(performance.timeOrigin + performance.now());
  ws.receive({ type: 'clock', id: 'c1', clientTime: now - 400, serverTime: now + 10000 });
  ws.receive({ type: 'clock', id: 'c2', clientTime: now - 2, serverTime: now + 5000 });
  assert.ok(Math.abs(client.offset - 5001) <= 5, `offset ${client.offset}`);
  assert.ok(Math.abs(client.serverNow() - (Date.now() + 5001)) < 50);
  client.close();
});

test('the store follows the client, and a bound empty store asks for snapshots', () => {
  FakeSocket.all = [];
  const storage = memoryStorage();
  storage.setItem(`tingsted.resume.${new TingstedClient({ token: 'tok5', storage, WebSocketImpl: FakeSocket }).resumeKey.split('.').pop()}`, JSON.stringify({ 'table:t4': 9 }));
  const client = new TingstedClient({ token: 'tok5', url: 'ws://x/ws', storage, WebSocketImpl: FakeSocket, clockSamples: 0 });
  assert.deepEqual(client.resumePoints(), { 'table:t4': 9 });
  const store = new Store().bind(client);
  assert.deepEqual(client.resumePoints(), {});
  const ws = join(client);
  assert.equal(ws.sent[0].resume, undefined);
  ws.receive({ type: 'snapshot', stream: 'session:s1', seq: 2, state: { session: 's1', agenda: [{ phase: 'propose', title: 'Write', seconds: 60, autoAdvance: false }], phaseIndex: 0, tablePhases: {}, timers: {}, announcements: [], drafts: {}, finalVotes: {} } });
  ws.receive({ type: 'event', stream: 'session:s1', seq: 3, at: 1000, by: 'm1', kind: 'timerStarted', data: { timer: 'tm1', scope: 'round', table: 't4', deadline: 61000, seconds: 60 } });
  const session = store.session('session:s1');
  assert.equal(tablePhase(session, 't4').phase, 'propose');
  assert.equal(timersAt(session, 't4').round.id, 'tm1');
  assert.equal(timersAt(session, 't4').phase, null);
  assert.deepEqual(timersAt(session, 't2'), { round: null, phase: null });
  ws.receive({ type: 'presence', table: 't4', members: [{ id: 'm3', name: 'Sofie', device: 'room', online: true }] });
  assert.equal(store.presence.get('t4').members[0].name, 'Sofie');
  client.close();
});
