// The member app's rules (js/rules.js) answer the shared cases in protocol/src/test/resources/rules/
// exactly as the server does (server: deliberation/SharedRulesTest.java).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ballotProblem, phaseAllows, PHASE_WINDOWS } from '../../main/resources/tingsted-web/js/rules.js';

const rules = join(dirname(fileURLToPath(import.meta.url)), '../../../../protocol/src/test/resources/rules');
const read = (f) => JSON.parse(readFileSync(join(rules, f), 'utf8'));

test('every ballot case is taken or refused as written, with the problem named', () => {
  const file = read('ballots.json');
  assert.ok(file.cases.length >= 20);
  for (const c of file.cases) {
    const problem = ballotProblem(file.votes[c.vote], c.ballot);
    assert.equal(problem === null, c.ok, `${JSON.stringify(c)} → ${JSON.stringify(problem)}`);
    if (!c.ok) assert.equal(problem?.code, c.problem, JSON.stringify(c));
  }
});

test('a 3 + 3 dots ballot with 5 dots is refused with its total and the budget', () => {
  const vote = { method: 'dots', items: ['a', 'b'], dotsPerMember: 5, capPerItem: 3 };
  assert.deepEqual(ballotProblem(vote, { dots: { a: 3, b: 3 } }), { code: 'overBudget', total: 6, limit: 5 });
});

test('every member command opens in exactly the phases of the shared table; facilitators always', () => {
  const file = read('phases.json');
  for (const [command, open] of Object.entries(file.open)) {
    for (const phase of file.phases) {
      assert.equal(phaseAllows(command, phase, 'member'), open.includes(phase), `${command} in ${phase}`);
      assert.equal(phaseAllows(command, phase, 'facilitator'), true);
      assert.equal(phaseAllows(command, phase, 'lead_facilitator'), true);
    }
    assert.equal(phaseAllows(command, null, 'member'), true, 'before the agenda starts everything is open');
  }
  for (const command of Object.keys(PHASE_WINDOWS)) assert.ok(command in file.open, `${command} is in the shared table`);
});
