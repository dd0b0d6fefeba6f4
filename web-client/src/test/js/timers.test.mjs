// Which timers a table's members (and the console's card of that table) see: timersAt in store.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySessionEvent, emptySession, timersAt, timeIsUp } from '../../main/resources/tingsted-web/js/store.js';

let seq = 0;
/** Feeds session events (kind, data, at) into a fresh session state. */
function session(...events) {
  const s = emptySession('s1');
  seq = 0;
  for (const [kind, data, at] of events) applySessionEvent(s, { stream: 'session:s1', seq: ++seq, at, by: 'm1', kind, data });
  return s;
}
const agenda = ['agendaSet', { items: [{ phase: 'propose', title: 'Forslag', seconds: 600 }, { phase: 'discuss', title: 'Drøftelse', seconds: 600 }] }, 1000];
const phase0 = ['phaseChanged', { index: 0, phase: 'propose' }, 1100];
const phaseTimer = ['timerStarted', { timer: 'tm1', scope: 'phase', label: 'Forslag', seconds: 600, deadline: 601100 }, 1100];
const round = ['timerStarted', { timer: 'tm2', scope: 'round', table: 't1', label: 'Runde 1', seconds: 20, deadline: 21200 }, 1200];
const roundUp = ['timerElapsed', { timer: 'tm2' }, 21200];

test('a round timer and the phase timer are each shown for what it is', () => {
  const s = session(agenda, phase0, phaseTimer, round);
  const { round: r, phase: p } = timersAt(s, 't1');
  assert.equal(r.id, 'tm2');
  assert.equal(p.id, 'tm1');
  assert.equal(timersAt(s, 't2').round, null, 'another table has no round timer');
  assert.equal(timersAt(s, 't2').phase.id, 'tm1');
});

test('a round timer that ran out stays, as time is up, until the facilitator moves on', () => {
  const s = session(agenda, phase0, phaseTimer, round, roundUp);
  const r = timersAt(s, 't1').round;
  assert.equal(r?.id, 'tm2', 'it does not fall back to the phase timer');
  assert.equal(timeIsUp(r, 21300), true);
  // A newer round timer replaces it.
  const next = session(agenda, phase0, phaseTimer, round, roundUp,
    ['timerStarted', { timer: 'tm3', scope: 'round', table: 't1', seconds: 30, deadline: 60000 }, 30000]);
  assert.equal(timersAt(next, 't1').round.id, 'tm3');
  // Cancelling it removes it.
  const cancelled = session(agenda, phase0, phaseTimer, round, roundUp, ['timerCancelled', { timer: 'tm2' }, 30000]);
  assert.equal(timersAt(cancelled, 't1').round, null);
  // The phase changing after it started removes it too.
  const moved = session(agenda, phase0, phaseTimer, round, roundUp, ['phaseChanged', { index: 1, phase: 'discuss' }, 40000]);
  assert.equal(timersAt(moved, 't1').round, null);
  // So does the table's own phase changing.
  const own = session(agenda, phase0, phaseTimer, round, roundUp, ['phaseChanged', { table: 't1', phase: 'cluster' }, 40000]);
  assert.equal(timersAt(own, 't1').round, null);
});

test('a phase timer that ran out stays while its agenda item is in force, and goes with the next', () => {
  const up = ['timerElapsed', { timer: 'tm1' }, 601100];
  const s = session(agenda, phase0, phaseTimer, up);
  assert.equal(timersAt(s, 't1').phase?.id, 'tm1');
  assert.equal(timeIsUp(timersAt(s, 't1').phase), true);
  const next = session(agenda, phase0, phaseTimer, up, ['phaseChanged', { index: 1, phase: 'discuss' }, 700000]);
  assert.equal(timersAt(next, 't1').phase, null);
});

test('a running timer past its deadline is up before the server says so; a paused one never is', () => {
  const s = session(agenda, phase0, phaseTimer, round);
  const r = timersAt(s, 't1').round;
  assert.equal(timeIsUp(r, 21199), false);
  assert.equal(timeIsUp(r, 21200), true);
  const paused = session(agenda, phase0, phaseTimer, round, ['timerPaused', { timer: 'tm2', remainingMillis: 5000 }, 16200]);
  assert.equal(timersAt(paused, 't1').round.status, 'paused');
  assert.equal(timeIsUp(timersAt(paused, 't1').round, 999999), false);
});

test('a timer started and cancelled after a running round timer does not hide it', () => {
  const speaker = ['timerStarted', { timer: 'tm3', scope: 'speaker', table: 't1', seconds: 60, deadline: 70000 }, 10000];
  const s = session(agenda, phase0, phaseTimer, round, speaker, ['timerCancelled', { timer: 'tm3' }, 12000]);
  assert.equal(timersAt(s, 't1').round?.id, 'tm2');
  // An elapsed round timer after which another was started and cancelled: the facilitator moved on.
  const moved = session(agenda, phase0, phaseTimer, round, roundUp,
    ['timerStarted', { timer: 'tm3', scope: 'speaker', table: 't1', seconds: 60, deadline: 90000 }, 30000],
    ['timerCancelled', { timer: 'tm3' }, 31000]);
  assert.equal(timersAt(moved, 't1').round, null);
});

test('a table put in a phase of its own has moved on from the session phase timer that ran out', () => {
  const phaseUp = ['timerElapsed', { timer: 'tm1' }, 601100];
  const own = ['phaseChanged', { index: -1, phase: 'discuss', table: 't1' }, 602000];
  const s = session(agenda, phase0, phaseTimer, phaseUp);
  assert.equal(timersAt(s, 't1').phase?.id, 'tm1', 'time is up, shown');
  applySessionEvent(s, { stream: 'session:s1', seq: 99, at: 602000, by: 'm1', kind: own[0], data: own[1] });
  assert.equal(timersAt(s, 't1').phase, null, 'gone at the table that moved on');
  assert.equal(timersAt(s, 't2').phase?.id, 'tm1', 'still shown at a table that follows the session');
});

test('a shorter agenda keeps the session at its last item, as the server does', () => {
  const s = session(agenda, phase0, ['phaseChanged', { index: 1, phase: 'discuss' }, 2000]);
  applySessionEvent(s, { stream: 'session:s1', seq: 99, at: 3000, by: 'm1', kind: 'agendaSet', data: { items: [{ phase: 'propose', title: 'Forslag', seconds: 600 }] } });
  assert.equal(s.phaseIndex, 0);
});
