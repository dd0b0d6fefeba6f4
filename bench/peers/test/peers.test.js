// The wire contract of the Node peers (README.md), asserted over real sockets: welcome,
// ack to the sender, the event to every connection at the table in seq order with no gap,
// nothing to another table, and the errors. Run: cd bench/peers && npm ci && node --test

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { socketIoClient, startPeer, wsClient } from '../lib/clients.js';

const peers = [
  { name: 'socketio', script: 'socketio/server.js', connect: socketIoClient },
  { name: 'ws', script: 'ws/server.js', connect: wsClient },
];

async function seat(connect, port, token, id = `h-${token}`) {
  const c = await connect(port);
  c.send({ type: 'hello', id, token, name: 'ignored' });
  assert.deepEqual(await c.next(), { type: 'welcome', id });
  return c;
}

/** Takes the sender's ack and the event of one command; they may come in either order. */
async function ackAndEvent(c) {
  const first = await c.next();
  const second = await c.next();
  const ack = first.type === 'ack' ? first : second;
  const event = first.type === 'ack' ? second : first;
  assert.equal(ack.type, 'ack');
  assert.equal(event.type, 'event');
  return { ack, event };
}

for (const peer of peers) {
  describe(`${peer.name} peer`, () => {
    let server;
    before(async () => {
      server = await startPeer(peer.script);
    });
    after(async () => {
      await server.stop();
    });

    it('seats members, acks the sender and broadcasts each command to its table only', async () => {
      const [a, b, c] = await Promise.all(['0.1', '0.2', '0.3'].map((t) => seat(peer.connect, server.port, t)));
      const other = await seat(peer.connect, server.port, '1.1');

      a.send({ type: 'propose', id: 'c1', title: 'Bike lanes', text: 'On every main road.' });
      const { ack, event } = await ackAndEvent(a);
      assert.deepEqual(ack, { type: 'ack', id: 'c1', stream: 'table:0', seq: 1 });
      assert.equal(typeof event.at, 'number');
      assert.ok(Math.abs(event.at - Date.now()) < 5000);
      const expected = {
        type: 'event', stream: 'table:0', seq: 1, at: event.at, by: '0.1', kind: 'propose',
        data: { title: 'Bike lanes', text: 'On every main road.', proposal: 'p1' },
      };
      assert.deepEqual(event, expected);
      assert.deepEqual(await b.next(), expected);
      assert.deepEqual(await c.next(), expected);

      b.send({ type: 'comment', id: 'c2', proposal: 'p1', kind: 'support', text: 'Yes.' });
      const second = await ackAndEvent(b);
      assert.deepEqual(second.ack, { type: 'ack', id: 'c2', stream: 'table:0', seq: 2 });
      assert.deepEqual(second.event.data, { proposal: 'p1', kind: 'support', text: 'Yes.' });
      assert.equal(second.event.by, '0.2');
      for (const x of [a, c]) assert.deepEqual(await x.next(), second.event);

      // the other table has its own stream, starting at 1, and saw none of table 0
      assert.ok(await other.quiet());
      other.send({ type: 'castBallot', id: 'c3', vote: 'v1', ballot: { dots: { p1: 3 } } });
      const third = await ackAndEvent(other);
      assert.deepEqual(third.ack, { type: 'ack', id: 'c3', stream: 'table:1', seq: 1 });
      assert.deepEqual(third.event.data, { vote: 'v1', ballot: { dots: { p1: 3 } } });
      for (const x of [a, b, c]) assert.ok(await x.quiet(100));

      for (const x of [a, b, c, other]) x.close();
    });

    it('keeps seq in order with no gap when members send at once', async () => {
      const members = await Promise.all(['5.1', '5.2', '5.3'].map((t) => seat(peer.connect, server.port, t)));
      const each = 40;
      members.forEach((m, i) => {
        for (let n = 0; n < each; n++) {
          m.send({ type: 'propose', id: `m${i}-${n}`, title: `Idea ${n}`, text: 'x'.repeat(300) });
        }
      });
      const total = each * members.length;
      for (const [i, m] of members.entries()) {
        let seq = 0;
        const acks = [];
        const byProposal = new Set();
        while (seq < total) {
          const msg = await m.next();
          if (msg.type === 'ack') {
            acks.push(msg);
            continue;
          }
          assert.equal(msg.type, 'event');
          assert.equal(msg.seq, seq + 1, 'events come in seq order with no gap');
          seq = msg.seq;
          byProposal.add(msg.data.proposal);
        }
        while (acks.length < each) acks.push(await m.next());
        assert.deepEqual(acks.map((x) => x.id), Array.from({ length: each }, (_, n) => `m${i}-${n}`));
        assert.equal(byProposal.size, total, 'every proposal got its own id');
        assert.ok(await m.quiet(100), 'nothing duplicated');
      }
      for (const m of members) m.close();
    });

    it('applies clusters and refuses what it cannot apply, losing no seq', async () => {
      const a = await seat(peer.connect, server.port, '7.1');
      const b = await seat(peer.connect, server.port, '7.2');
      a.send({ type: 'propose', id: 'x1', title: 'Trees', text: 'More of them.' });
      await ackAndEvent(a);
      await b.next();

      a.send({ type: 'comment', id: 'x2', proposal: 'p99', kind: 'concern', text: '?' });
      const missing = await a.next();
      assert.deepEqual(pick(missing), { type: 'error', id: 'x2', code: 'not_found' });
      assert.match(missing.message, /p99/);
      a.send({ type: 'shout', id: 'x3' });
      assert.equal((await a.next()).code, 'unknown_type');
      a.send({ type: 'moveToCluster', id: 'x4', proposal: 'p1', cluster: 'k9' });
      assert.deepEqual(pick(await a.next()), { type: 'error', id: 'x4', code: 'not_found' });
      a.send({ type: 'hello', id: 'x5', token: '8.1' });
      assert.deepEqual(pick(await a.next()), { type: 'error', id: 'x5', code: 'invalid' });
      assert.ok(await b.quiet(100), 'refused commands broadcast nothing');

      a.send({ type: 'createCluster', id: 'x6', name: 'Green', proposals: ['p1'] });
      const made = await ackAndEvent(a);
      assert.equal(made.ack.seq, 2);
      assert.deepEqual(made.event.data, { name: 'Green', proposals: ['p1'], cluster: 'k1' });
      a.send({ type: 'moveToCluster', id: 'x7', proposal: 'p1', cluster: null });
      const moved = await ackAndEvent(a);
      assert.equal(moved.event.seq, 3);
      assert.deepEqual(moved.event.data, { proposal: 'p1', cluster: null });
      assert.equal((await b.next()).seq, 2);
      assert.equal((await b.next()).seq, 3);
      a.close();
      b.close();
    });

    it('answers malformed messages with invalid', async () => {
      const a = await peer.connect(server.port);
      a.send({ type: 'propose', id: 'early', title: 't', text: 't' });
      assert.deepEqual(pick(await a.next()), { type: 'error', id: 'early', code: 'invalid' });
      a.send({ type: 'hello', id: 'h', token: 'table-one' });
      assert.deepEqual(pick(await a.next()), { type: 'error', id: 'h', code: 'invalid' });
      a.send({ type: 'hello', id: 'h2', token: '9.1' });
      assert.equal((await a.next()).type, 'welcome');
      const bad = peer.name === 'ws'
        ? ['not json', '[1,2]', '"text"', '{"type":"propose"}', '{"type":3,"id":"n1"}']
        : ['42["m","text"]', '42["m",[1,2]]', '42["m",{"type":"propose"}]', '42["m",{"type":3,"id":"n1"}]'];
      for (const frame of bad) {
        a.send(frame);
        const msg = await a.next();
        assert.equal(msg.type, 'error', frame);
        assert.equal(msg.code, 'invalid', frame);
        assert.equal(msg.id, frame.includes('"n1"') ? 'n1' : null, frame);
        assert.equal(typeof msg.message, 'string');
      }
      a.close();
    });
  });
}

describe('socketio peer over raw Engine.IO', () => {
  it('opens with websocket only and no upgrades, keeps a client that answers pings, drops one that does not', async () => {
    const server = await startPeer('socketio/server.js', { SIO_PING_MS: '150' });
    try {
      const c = await socketIoClient(server.port);
      assert.equal(typeof c.open.sid, 'string');
      assert.deepEqual(c.open.upgrades, []);
      assert.equal(c.open.pingInterval, 150);
      assert.ok(c.frames.some((f) => f.startsWith('40{')), 'namespace connect confirmed');
      const mute = await socketIoClient(server.port, { pingAnswer: false });
      await new Promise((r) => setTimeout(r, 900));
      assert.ok(c.frames.filter((f) => f === '2').length >= 3, 'the server pings');
      assert.equal(c.closed, undefined, 'a client that answers pings stays');
      assert.equal(mute.closed, true, 'a client that does not is dropped');
      c.send({ type: 'hello', id: 'h', token: '0.1' });
      assert.deepEqual(await c.next(), { type: 'welcome', id: 'h' });
      c.close();
    } finally {
      await server.stop();
    }
  });
});

function pick(msg) {
  return { type: msg.type, id: msg.id, code: msg.code };
}
