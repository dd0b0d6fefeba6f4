// Feeds the protocol's test vectors to the web client's modules: every server event and
// snapshot to the store, every client command through the client's command builders. After
// each event vector the store must hold what the server's Java model holds (vectors-after.json).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, dirname } from 'node:path';

import { Store, applyTableEvent, applySessionEvent, emptyTable, emptySession, tableFromSnapshot, sessionFromSnapshot } from '../../main/resources/tingsted-web/js/store.js';
import { buildCommand, commands } from '../../main/resources/tingsted-web/js/client.js';
import { comparable } from './store-harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const vectors = join(here, '../../../../protocol/src/test/resources/vectors');

/** @param {string} dir */
function load(dir) {
  return readdirSync(join(vectors, dir)).filter((f) => f.endsWith('.json')).sort()
    .map((f) => ({ file: f, msg: JSON.parse(readFileSync(join(vectors, dir, f), 'utf8')) }));
}

const server = load('server');
// What the Java model makes of each event vector (server module: VectorStatesTest writes it):
// the state after it, and the state it starts from where that is not the snapshot of its stream.
const after = JSON.parse(readFileSync(join(here, '../resources/vectors-after.json'), 'utf8'));
const client = load('client');
const byFile = (/** @type {string} */ f) => structuredClone(server.find((v) => v.file === f).msg);
const tableSnapshot = () => byFile('snapshot.json');
const sessionSnapshot = () => byFile('snapshot-session.json');

test('there are server and client vectors', () => {
  assert.ok(server.length > 40);
  assert.ok(client.length > 40);
});

test('every server snapshot and event applies to the store', () => {
  for (const { file, msg } of server) {
    if (msg.type !== 'event' && msg.type !== 'snapshot') continue;
    const store = new Store();
    if (msg.type === 'event') {
      // Start from the documented snapshot of the stream, one seq before the event.
      const snap = msg.stream.startsWith('table:') ? tableSnapshot() : sessionSnapshot();
      snap.stream = msg.stream;
      snap.seq = msg.seq - 1;
      store.apply(snap);
      assert.equal(store.apply(msg), true, file);
      assert.equal(store.seq(msg.stream), msg.seq, file);
      // A duplicate is ignored.
      assert.equal(store.apply(msg), false, file);
    } else {
      assert.equal(store.apply(msg), true, file);
      assert.equal(store.seq(msg.stream), msg.seq, file);
    }
  }
});

/**
 * Where two JSON values differ: "votes.v1.published (model: false, store: true)".
 * @param {string} path @param {any} model @param {any} store @returns {string[]}
 */
function differences(path, model, store) {
  if (JSON.stringify(model) === JSON.stringify(store)) return [];
  const object = (/** @type {any} */ v) => v !== null && typeof v === 'object';
  if (object(model) && object(store) && Array.isArray(model) === Array.isArray(store)
    && (!Array.isArray(model) || model.length === store.length)) {
    const keys = [...new Set([...Object.keys(model), ...Object.keys(store)])].sort();
    return keys.flatMap((k) => differences(path ? `${path}.${k}` : k, model[k], store[k]));
  }
  return [`${path} (model: ${JSON.stringify(model)}, store: ${JSON.stringify(store)})`];
}

test('after each event vector the store holds what the Java model holds, field by field', () => {
  const events = server.filter(({ msg }) => msg.type === 'event');
  assert.deepEqual(Object.keys(after).sort(), events.map(({ file }) => file).sort(),
    'vectors-after.json has an entry for every event vector; VectorStatesTest (server module) writes it');
  /** @type {Record<string, string[]>} */
  const differ = {};
  for (const { file, msg } of events) {
    const { from, state, after: expected } = after[file];
    const snap = msg.stream.startsWith('table:') ? tableSnapshot() : sessionSnapshot();
    if (from) snap.state = structuredClone(state);
    snap.seq = msg.seq - 1;
    const store = new Store();
    store.apply(snap);
    assert.equal(store.apply(msg), true, file);
    const actual = comparable(store.streams.get(msg.stream));
    const found = differences('', expected, actual);
    if (found.length > 0 || !isDeepStrictEqual(actual, expected)) differ[`${file}, from ${from ?? 'the snapshot'}`] = found;
  }
  assert.deepEqual(differ, {}, 'where store.js, given the snapshot (or the start vectors-after.json states) and the event,'
    + ' differs from the Java model');
});

test('every event also applies to an empty stream state without throwing', () => {
  for (const { file, msg } of server) {
    if (msg.type !== 'event') continue;
    const store = new Store();
    assert.doesNotThrow(() => store.apply(msg), file);
  }
});

test('snapshots become the state as sent', () => {
  const store = new Store();
  store.apply(tableSnapshot());
  const t = store.table('table:t4');
  assert.equal(t.proposals.p7.version, 3);
  assert.deepEqual(t.clusters.k2.proposals, ['p7', 'p9']);
  assert.deepEqual(t.hands, ['m3']);
  assert.equal(t.floor.member, 'm6');
  store.apply(sessionSnapshot());
  const s = store.session('session:s1');
  assert.equal(s.phaseIndex, 7);
  assert.equal(s.announcements.length, 2);
  assert.equal(s.finalVotes.f1.result.drafts[0].adopted, true);
});

test('proposed adds an open proposal at version 1', () => {
  const s = emptyTable('t4');
  applyTableEvent(s, byFile('event-proposed.json'));
  assert.deepEqual(s.proposals.p7, {
    id: 'p7', author: 'm3', title: 'Green courtyards in every block',
    text: byFile('event-proposed.json').data.text, version: 1, status: 'open',
  });
  assert.equal(s.proposalsMade, 1);
});

test('proposalEdited sets version, title and text', () => {
  const s = tableFromSnapshot(tableSnapshot().state);
  s.proposals.p7.version = 2;
  applyTableEvent(s, byFile('event-proposalEdited.json'));
  assert.equal(s.proposals.p7.version, 3);
  assert.equal(s.proposals.p7.title, 'Green courtyards for every housing block');
});

test('proposalWithdrawn marks the proposal withdrawn', () => {
  const s = tableFromSnapshot(tableSnapshot().state);
  s.proposals.p12.status = 'open';
  applyTableEvent(s, byFile('event-proposalWithdrawn.json'));
  assert.equal(s.proposals.p12.status, 'withdrawn');
});

test('commented keeps replyTo', () => {
  const s = emptyTable('t4');
  applyTableEvent(s, byFile('event-commented.json'));
  assert.equal(s.comments.c15.replyTo, 'c12');
  assert.equal(s.comments.c15.kind, 'concern');
});

test('clusters: created, moved, merged, dissolved', () => {
  const s = emptyTable('t4');
  for (const id of ['p7', 'p9', 'p11']) applyTableEvent(s, { kind: 'proposed', data: { proposal: id, author: 'm3', title: id, text: id } });
  applyTableEvent(s, byFile('event-clusterCreated.json'));
  assert.deepEqual(s.clusters.k2.proposals, ['p7', 'p9']);
  assert.equal(s.proposals.p7.cluster, 'k2');
  applyTableEvent(s, { kind: 'clusterCreated', data: { cluster: 'k3', name: 'Other', proposals: ['p11'] } });
  applyTableEvent(s, byFile('event-proposalMoved.json'));
  assert.deepEqual(s.clusters.k3.proposals, []);
  assert.deepEqual(s.clusters.k2.proposals, ['p7', 'p9', 'p11']);
  assert.equal(s.proposals.p11.cluster, 'k2');
  applyTableEvent(s, { kind: 'proposalMoved', data: { proposal: 'p11', from: 'k2' } });
  assert.equal(s.proposals.p11.cluster, undefined);
  applyTableEvent(s, { kind: 'proposalMoved', data: { proposal: 'p11', to: 'k3' } });
  applyTableEvent(s, byFile('event-clustersMerged.json'));
  assert.equal(s.clusters.k3, undefined);
  assert.deepEqual(s.clusters.k2.proposals, ['p7', 'p9', 'p11']);
  assert.equal(s.proposals.p11.cluster, 'k2');
  applyTableEvent(s, byFile('event-clusterRenamed.json'));
  assert.equal(s.clusters.k2.name, 'Greener neighbourhoods');
  applyTableEvent(s, { kind: 'clusterDissolved', data: { cluster: 'k2' } });
  assert.equal(s.clusters.k2, undefined);
  assert.equal(s.proposals.p7.cluster, undefined);
});

test('votes: opened, ballots, closed, published', () => {
  const s = emptyTable('t4');
  applyTableEvent(s, byFile('event-voteOpened.json'));
  assert.equal(s.votes.v1.status, 'open');
  assert.equal(s.votes.v1.dotsPerMember, 5);
  assert.equal(s.votes.v1.capPerItem, 3);
  applyTableEvent(s, byFile('event-ballotCast.json'));
  assert.equal(s.votes.v1.ballotCount, 4);
  assert.deepEqual(s.votes.v1.ballots, {});
  applyTableEvent(s, byFile('event-ballotCast-own.json'));
  assert.deepEqual(s.votes.v1.ballots.m3, { dots: { p7: 3, k2: 2 } });
  assert.equal(s.votes.v1.ballotCount, 5);
  applyTableEvent(s, byFile('event-voteClosed-member.json'));
  assert.equal(s.votes.v1.status, 'closed');
  assert.equal(s.votes.v1.result, undefined);
  applyTableEvent(s, byFile('event-resultPublished.json'));
  assert.equal(s.votes.v1.published, true);
  assert.equal(s.votes.v1.result.dots.totals.p7, 14);
});

test('moderation hides and restores', () => {
  const s = tableFromSnapshot(tableSnapshot().state);
  applyTableEvent(s, byFile('event-itemHidden.json'));
  assert.equal(s.comments.c15.hidden, true);
  assert.equal(s.moderation.c15.hidden, true);
  applyTableEvent(s, byFile('event-itemRestored.json'));
  assert.equal(s.comments.c15.hidden, false);
  applyTableEvent(s, { kind: 'itemHidden', data: { item: 'p7', reason: 'r', by: 'm1' } });
  assert.equal(s.proposals.p7.status, 'hidden');
  applyTableEvent(s, { kind: 'itemRestored', data: { item: 'p7', reason: 'r', by: 'm1' } });
  assert.equal(s.proposals.p7.status, 'open');
});

test('the speaking queue', () => {
  const s = emptyTable('t4');
  applyTableEvent(s, { kind: 'handRaised', data: { member: 'm8' } });
  applyTableEvent(s, byFile('event-handRaised.json'));
  assert.deepEqual(s.hands, ['m8', 'm5']);
  applyTableEvent(s, byFile('event-handLowered.json'));
  assert.deepEqual(s.hands, ['m5']);
  applyTableEvent(s, byFile('event-floorGiven.json'));
  assert.deepEqual(s.hands, []);
  assert.deepEqual(s.floor, { member: 'm5', since: 1764558270000 });
  applyTableEvent(s, byFile('event-turnEnded.json'));
  assert.equal(s.floor, undefined);
  assert.equal(s.spokenMillis.m5, 95000);
  applyTableEvent(s, byFile('event-queueReordered.json'));
  assert.deepEqual(s.hands, ['m6', 'm3']);
});

test('videoLinkSet sets and clears the link', () => {
  const s = emptyTable('t4');
  applyTableEvent(s, { kind: 'videoLinkSet', data: { url: 'https://meet.example.org/x' } });
  assert.equal(s.videoLink, 'https://meet.example.org/x');
  applyTableEvent(s, { kind: 'videoLinkSet', data: {} });
  assert.equal(s.videoLink, undefined);
});

test('session: agenda, phases, timers, announcements', () => {
  const s = emptySession('s1');
  applySessionEvent(s, byFile('event-agendaSet.json'));
  assert.equal(s.agenda.length, byFile('event-agendaSet.json').data.items.length);
  applySessionEvent(s, byFile('event-phaseChanged.json'));
  assert.equal(s.phaseIndex, 1);
  applySessionEvent(s, byFile('event-phaseChanged-table.json'));
  assert.deepEqual(s.tablePhases, { t4: 'cluster' });
  applySessionEvent(s, byFile('event-phaseChanged-follow.json'));
  assert.deepEqual(s.tablePhases, {});
  applySessionEvent(s, byFile('event-timerStarted.json'));
  assert.equal(s.timers.tm4.status, 'running');
  assert.equal(s.timers.tm4.deadline, 1764557880000);
  applySessionEvent(s, byFile('event-timerPaused.json'));
  assert.equal(s.timers.tm4.status, 'paused');
  assert.equal(s.timers.tm4.remainingMillis, 300000);
  applySessionEvent(s, byFile('event-timerResumed.json'));
  assert.equal(s.timers.tm4.status, 'running');
  assert.equal(s.timers.tm4.deadline, 1764557940000);
  applySessionEvent(s, byFile('event-timerExtended.json'));
  assert.equal(s.timers.tm4.seconds, 600);
  assert.equal(s.timers.tm4.deadline, 1764558060000);
  applySessionEvent(s, byFile('event-timerElapsed.json'));
  assert.equal(s.timers.tm4.status, 'elapsed');
  applySessionEvent(s, byFile('event-announced.json'));
  assert.equal(s.announcements.at(-1).text, byFile('event-announced.json').data.text);
  assert.equal(s.announcements.at(-1).at, 1764556700000);
});

test('session: drafts and the final vote', () => {
  const s = sessionFromSnapshot(sessionSnapshot().state);
  applySessionEvent(s, byFile('event-finalVoteOpened.json'));
  assert.equal(s.finalVotes.f1.status, 'open');
  assert.deepEqual(s.finalVotes.f1.ballots, {});
  applySessionEvent(s, byFile('event-finalBallotCast-own.json'));
  assert.deepEqual(s.finalVotes.f1.ballots.m3, { d1: 'support', d4: 'oppose' });
  applySessionEvent(s, byFile('event-finalVoteClosed.json'));
  assert.equal(s.finalVotes.f1.status, 'closed');
  assert.equal(s.finalVotes.f1.result.drafts[1].adopted, false);
  applySessionEvent(s, byFile('event-draftWithdrawn.json'));
  assert.equal(s.drafts.d3.status, 'withdrawn');
  applySessionEvent(s, byFile('event-reportUnpublished.json'));
  assert.equal(s.reportPublished, false);
  const e = emptySession('s1');
  applySessionEvent(e, byFile('event-draftPromoted.json'));
  assert.equal(e.drafts.d1.version, 1);
  assert.equal(e.drafts.d1.status, 'open');
});

test('the client builds every command the apps send exactly as the vectors show', () => {
  let checked = 0;
  for (const { file, msg } of client) {
    const { type, id, ...fields } = msg;
    if (type === 'hello') continue;
    const builder = commands[type];
    const built = buildCommand(type, id, builder ? builder(fields) : fields);
    assert.deepEqual(built, msg, file);
    if (builder) checked += 1;
  }
  // The member app's own commands all have builders and vectors.
  for (const type of ['propose', 'edit', 'withdraw', 'comment', 'createCluster', 'renameCluster', 'moveToCluster',
    'mergeClusters', 'dissolveCluster', 'castBallot', 'raiseHand', 'lowerHand', 'endTurn', 'castFinalBallot', 'history', 'clock']) {
    assert.ok(client.some((v) => v.msg.type === type), `a vector for ${type}`);
  }
  assert.ok(checked >= 18);
});

test('moveToCluster out of a cluster writes cluster null', () => {
  assert.deepEqual(buildCommand('moveToCluster', 'cmd9', commands.moveToCluster({ proposal: 'p11' })),
    { type: 'moveToCluster', id: 'cmd9', proposal: 'p11', cluster: null });
});

test('from a snapshot alone the app knows which timers the room has moved on from', async () => {
  const { timersAt } = await import('../../main/resources/tingsted-web/js/store.js');
  const s = sessionFromSnapshot(sessionSnapshot().state);
  // Table t4's round timer ran out in the second item; the session is at its eighth.
  assert.equal(timersAt(s, 't4').round, null);
  // Had the session not moved on since it started (and no speaker timer come after it at the
  // table): time is up, shown.
  const state = sessionSnapshot().state;
  delete state.timers.tm5;
  const still = sessionFromSnapshot({ ...state, phaseChanges: { '': 2 } });
  assert.equal(timersAt(still, 't4').round?.id, 'tm4');
  assert.equal(timersAt(still, 't4').round?.status, 'elapsed');
});
