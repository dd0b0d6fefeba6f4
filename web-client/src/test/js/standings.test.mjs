// What the lead facilitator sees of a table's votes beside what can be promoted: standings in store.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyTableEvent, emptyTable, standings } from '../../main/resources/tingsted-web/js/store.js';

/** A table whose votes were opened and closed with these results. */
function table(...votes) {
  const s = emptyTable('t1');
  let seq = 0;
  for (const [vote, method, items, result] of votes) {
    applyTableEvent(s, { stream: 'table:t1', seq: ++seq, at: 1, by: 'm1', kind: 'voteOpened', data: { vote, method, items } });
    if (result) applyTableEvent(s, { stream: 'table:t1', seq: ++seq, at: 2, by: 'm1', kind: 'voteClosed', data: { vote, result } });
  }
  return s;
}

test('a dots vote gives each item its dots and its place, ties shown, among all the items', () => {
  const s = table(['v1', 'dots', ['p1', 'k1', 'p3'], { method: 'dots', ballots: 5, dots: { totals: { p1: 8, k1: 8, p3: 2 }, order: [['p1', 'k1'], ['p3']] } }]);
  const m = standings(s);
  assert.deepEqual(m.get('p1'), [{ vote: 'v1', method: 'dots', ballots: 5, of: 3, dots: 8, rank: 1, tied: true }]);
  assert.deepEqual(m.get('p3'), [{ vote: 'v1', method: 'dots', ballots: 5, of: 3, dots: 2, rank: 2, tied: false }]);
});

test('a ranking gives the Schulze place and the Borda points; a scale the mean and the share agreeing; open votes nothing', () => {
  const s = table(
    ['v2', 'ranking', ['p1', 'p2'], { method: 'ranking', ballots: 3, ranking: { schulze: [['p2'], ['p1']], borda: [['p2'], ['p1']], bordaScores: { p1: 1, p2: 3 } } }],
    ['v1', 'scale', ['p1'], { method: 'scale', ballots: 4, scale: [{ item: 'p1', ballots: 4, mean: 3.5, distribution: [0, 1, 1, 1, 1], shareAgreeing: 0.5 }] }],
    ['v3', 'dots', ['p1', 'p2'], null]);
  const p1 = standings(s).get('p1');
  assert.deepEqual(p1?.map((x) => x.vote), ['v1', 'v2'], 'oldest vote first, the open one left out');
  assert.equal(p1?.[0].mean, 3.5);
  assert.equal(p1?.[0].shareAgreeing, 0.5);
  assert.equal(p1?.[1].rank, 2);
  assert.equal(p1?.[1].bordaScore, 1);
  assert.equal(standings(s).get('p2')?.[0].rank, 1);
});
